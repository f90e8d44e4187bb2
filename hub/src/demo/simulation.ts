/**
 * The living demo: the demo district's own devices, simulated in-process by devices-sim, connect to
 * the hub's broker with their real credentials (DATA_DIR/demo-devices.json) and go through the real
 * ingest path — status (online, battery), telemetry (vitals, in bed, motion), everyday events (bed
 * exit/enter, doors) and, every few minutes, one alarm (an sos, a fall — sometimes cancelled by the
 * elder —, a wandering elder, a battery running low). Switched off with DEMO_SIMULATION=false.
 */
import { existsSync } from 'node:fs';
import { runSimulation, parseScenario, mulberry32, type Scenario } from '@eldercare/devices-sim';
import type { Logger } from '../logger.js';

export interface DemoSimulationOptions {
  /** The hub's own broker. */
  mqttUrl: string;
  /** DATA_DIR/demo-devices.json, written when the demo district was seeded. */
  devicesFile: string;
  /** Base telemetry interval of the wearables (fixed sensors send less often). */
  telemetryIntervalSec: number;
  /** Mean time between two alarms. */
  alarmEveryMs: number;
  /** One run lasts this long, then the next one starts (a fresh plan of alarms). */
  runMs?: number;
  seed?: number;
  log: Logger;
}

export interface DemoSimulation {
  stop(): Promise<void>;
}

/** The alarms of one run: one about every `everyMs` (±40 %), in a rotating mix. */
export function alarmPlan(runMs: number, everyMs: number, seed: number): Scenario[] {
  const next = mulberry32(seed);
  const MIX = ['sos', 'fall:cancel=10s', 'sos:cancel=20s', 'fall', 'lowbattery', 'wander:for=4m', 'sos'];
  const plan: Scenario[] = [];
  let at = everyMs * (0.6 + 0.8 * next());
  for (let i = 0; at < runMs; i++) {
    const [name, ...opts] = MIX[i % MIX.length]!.split(':');
    plan.push(parseScenario([`${name}@${Math.round(at)}ms`, ...opts].join(':')));
    at += everyMs * (0.6 + 0.8 * next());
  }
  return plan;
}

export function startDemoSimulation(o: DemoSimulationOptions): DemoSimulation | null {
  if (!existsSync(o.devicesFile)) {
    o.log.info({ file: o.devicesFile }, 'demo simulation off: no demo device credentials');
    return null;
  }
  const runMs = o.runMs ?? 6 * 3600_000;
  const abort = new AbortController();
  let seed = o.seed ?? 20261207;
  let run: Promise<void> = Promise.resolve();
  const loop = async () => {
    while (!abort.signal.aborted) {
      const summary = await runSimulation({
        mqttUrl: o.mqttUrl,
        devicesFile: o.devicesFile,
        seed,
        telemetryIntervalSec: o.telemetryIntervalSec,
        durationSec: runMs / 1000,
        connectRate: 50,
        scenarios: alarmPlan(runMs, o.alarmEveryMs, seed),
        signal: abort.signal,
        onLog: (m) => o.log.debug({ sim: m }, 'demo simulation'),
        onError: (m) => o.log.debug({ sim: m }, 'demo simulation device error'),
      });
      o.log.debug({ published: summary.published.total, events: summary.published.events }, 'demo simulation run');
      seed++;
    }
  };
  run = loop().catch((err: Error) => o.log.error({ err }, 'demo simulation stopped'));
  return {
    async stop() {
      abort.abort();
      await run;
    },
  };
}
