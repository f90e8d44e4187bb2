/** The benchmark's command line (`npm run bench -- --help`) and the settings derived from it. */
import { parseArgs } from 'node:util';

export const HELP = `npm run bench -- [options]
  --smoke                 tiny steps, < 60 s (used by npm test); results to a temp file unless --out
  --mqtt-url URL          external broker (default: the hub's embedded Aedes); env MQTT_URL
  --mosquitto             start a private Mosquitto with the settings of deploy/mosquitto/mosquitto.conf
                          (only its listener, login and paths differ) on a free loopback port as the broker
  --database-url URL      external PostgreSQL/TimescaleDB server (a database is created per run
                          and dropped after); env DATABASE_URL
  --steps a,b,c           offered telemetry rates, msgs/s (default: by mode)
  --step-sec S            seconds per step (default 15)
  --all-steps             keep stepping after the hub falls behind (default: stop at the first miss)
  --workers N             load-generator processes (default 1)
  --alert-rate N          sos per second during every step (default 4)
  --baseline-sec S        seconds of each physical-limit measurement (default 6)
  --cpu-prof              profile the hub (node --cpu-prof); hottest functions go into the results
  --soak                  10,000 devices for 10 minutes instead of the steps (see --soak-*)
  --soak-devices N        (default 10000)   --soak-min M (default 10)   --soak-rate msgs/s (default 1000)
  --out FILE              results file (default bench/results/<time>-<mode>.json)
  --no-markdown           do not update BENCHMARKS.md
`;

/** The options as given on the command line. */
export function parseCli(argv: string[] = process.argv.slice(2)) {
  return parseArgs({
    args: argv,
    options: {
      smoke: { type: 'boolean' },
      'mqtt-url': { type: 'string' },
      mosquitto: { type: 'boolean' },
      'database-url': { type: 'string' },
      steps: { type: 'string' },
      'step-sec': { type: 'string' },
      'all-steps': { type: 'boolean' },
      workers: { type: 'string' },
      'alert-rate': { type: 'string' },
      'baseline-sec': { type: 'string' },
      'cpu-prof': { type: 'boolean' },
      soak: { type: 'boolean' },
      'soak-devices': { type: 'string' },
      'soak-min': { type: 'string' },
      'soak-rate': { type: 'string' },
      out: { type: 'string' },
      'no-markdown': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }).values;
}

export type CliArgs = ReturnType<typeof parseCli>;

const num = (v: string | undefined, d: number) => (v === undefined ? d : Number(v));

/** QoS 1 messages in flight per device connection (a real device has one or a few; deep pipelining
 * of one connection overflows the stack of Aedes's mqemitter, see BENCHMARKS.md). */
export const MAX_INFLIGHT = 20;
/** New emergencies a second for the alarm → webhook probe, and the elders whose pendants press them. */
export const WEBHOOK_RATE = 2;
export const WEBHOOK_PENDANTS = 10;

/**
 * What one run does: defaults by mode (embedded or external broker and database, smoke, soak).
 * `privateBrokerUrl` is the private Mosquitto started for `--mosquitto`.
 */
export function benchConfig(args: CliArgs, privateBrokerUrl: string | null) {
  const smoke = !!args.smoke;
  const mqttUrl = privateBrokerUrl ?? args['mqtt-url'] ?? process.env.MQTT_URL ?? '';
  const databaseUrl = args['database-url'] ?? process.env.DATABASE_URL ?? '';
  const external = { broker: !!mqttUrl, database: !!databaseUrl };
  const runId = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${process.pid}`;
  return {
    smoke,
    soak: !!args.soak,
    privateBroker: privateBrokerUrl !== null,
    mqttUrl,
    databaseUrl,
    external,
    modeName: `${external.broker ? 'mosquitto' : 'aedes'}+${external.database ? 'postgres' : 'pglite'}`,
    stepSec: num(args['step-sec'], smoke ? 4 : 15),
    workersN: num(args.workers, 1),
    alertRate: num(args['alert-rate'], smoke ? 3 : 4),
    baselineSec: num(args['baseline-sec'], smoke ? 2 : 6),
    steps: args.steps
      ? args.steps.split(',').map(Number)
      : smoke
        ? [200, 500]
        : external.broker || external.database
          ? [2500, 5000, 10000, 15000, 20000, 25000, 30000]
          : [1000, 2500, 5000, 7500, 10000, 12500, 15000, 17500, 20000, 25000],
    allSteps: !!args['all-steps'],
    cpuProf: !!args['cpu-prof'],
    soakDevices: num(args['soak-devices'], 10_000),
    soakMin: num(args['soak-min'], 10),
    soakRate: num(args['soak-rate'], 1000),
    out: args.out,
    noMarkdown: !!args['no-markdown'],
    runId,
    dbSuffix: runId.replace(/[^0-9a-z]/gi, '_').toLowerCase(),
    /** The whole run's time limit. */
    hardStopMs: (args.soak ? num(args['soak-min'], 10) * 60 + 600 : smoke ? 100 : 900) * 1000,
  };
}

export type BenchConfig = ReturnType<typeof benchConfig>;
