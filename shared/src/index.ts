export * from './domain.js';
export * from './contract.js';
export * from './api.js';
export * from './alerts.js';
export * from './timebank.js';
export * from './visits.js';
export * from './care.js';
export * from './meals.js';
