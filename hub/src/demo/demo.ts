/**
 * The demo district (DEMO_DATA): seeded once, at the first start, through the modules' own
 * services — the register first (before anything else reads it), then the time bank, meals and
 * (DEMO_HISTORY) a history of past incidents — and the living demo (DEMO_SIMULATION): the district's
 * devices simulated over the embedded broker.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AlertPlace } from '@eldercare/shared';
import type { Config } from '../config.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Database } from '../db/client.js';
import type { CloseStack } from '../infra/close-stack.js';
import { seedDemo, seedTimebankDemo } from './seed.js';
import { seedMealsDemo } from './seed-meals.js';
import { seedDemoHistory } from './seed-history.js';
import { startDemoSimulation } from './simulation.js';

export { DEMO_LOGINS } from './seed.js';

type RegisterServices = Parameters<typeof seedDemo>[0];
type TimebankServices = Parameters<typeof seedTimebankDemo>[0];
type MealServices = Parameters<typeof seedMealsDemo>[0];

/** The register of the demo district (residents, institutions, devices, regions, logins). */
export async function seedDemoRegister(s: RegisterServices, tenantId: string, config: Config, log: Logger) {
  await seedDemo(s, tenantId, config.dataDir, log.child({ mod: 'demo' }));
}

/** What the demo district does: time bank, meals and (DEMO_HISTORY) past incidents. */
export async function seedDemoActivity(
  s: TimebankServices &
    Omit<MealServices, 'auth' | 'residents'> & {
      database: Database;
      placeOf(residentId: string, institutionId: string): Promise<AlertPlace | null>;
    },
  tenantId: string,
  d: { config: Config; clock: Clock; log: Logger },
): Promise<void> {
  const log = d.log.child({ mod: 'demo' });
  await seedTimebankDemo(s, tenantId, d.clock, log);
  await seedMealsDemo(s, tenantId, d.clock, log);
  if (!d.config.DEMO_HISTORY) return;
  const { devices } = JSON.parse(await readFile(path.join(d.config.dataDir, 'demo-devices.json'), 'utf8')) as {
    devices: { deviceId: string; type: string; residentId: string | null }[];
  };
  await seedDemoHistory(
    { pool: s.database.pool, timescale: s.database.timescale, placeOf: s.placeOf },
    tenantId,
    devices,
    d.clock,
    log,
  );
}

/** The living demo: the demo district's devices over the embedded broker (demo/simulation.ts). */
export function startLivingDemo(config: Config, mqttUrl: string, d: { log: Logger; closing: CloseStack }): void {
  const sim = startDemoSimulation({
    mqttUrl,
    devicesFile: path.join(config.dataDir, 'demo-devices.json'),
    telemetryIntervalSec: config.DEMO_SIM_TELEMETRY_SECONDS,
    alarmEveryMs: config.DEMO_SIM_ALARM_MINUTES * 60_000,
    log: d.log.child({ mod: 'demo-sim' }),
  });
  if (!sim) return;
  d.closing.push(() => sim.stop());
  d.log.info({ alarmEveryMinutes: config.DEMO_SIM_ALARM_MINUTES }, 'demo simulation running');
}
