/** Time source for all time-driven logic, so tests can drive it with fake timers. */
export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };
