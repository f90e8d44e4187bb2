/** Programmatic API of the device simulator (for benchmarks and tests). */
export { runSimulation, DEFAULTS, type SimOptions, type Summary, type Progress } from './sim.js';
export { generateFleet, type FleetSpec, type DeviceSpec, type ResidentSpec } from './fleet.js';
export { parseScenario, parseDuration, SCENARIOS, type Scenario } from './scenarios.js';
export { createRng, mulberry32 } from './rng.js';
export { provisionFleet, readFleetFile } from './provision.js';
export {
  Dc09Dialler,
  contactId,
  siaDcs,
  frame as dc09Frame,
  crc16 as dc09Crc,
  type DiallerOptions,
  type SendResult,
} from './dc09.js';
