#!/usr/bin/env -S npx tsx
/**
 * eldercare-sim: drives virtual elder-care devices against a hub over the public MQTT contract.
 *   npx tsx devices-sim/src/cli.ts --anonymous --homes 20 --duration 30 --scenario sos@5s --scenario fall@10s:cancel
 */
import { parseArgs } from 'node:util';
import { DEFAULTS, runSimulation, type Progress, type Summary } from './sim.js';
import { SCENARIOS, ScenarioError, parseScenario } from './scenarios.js';

const HELP = `eldercare-sim — simulated elder-care devices speaking the public MQTT device contract

Usage: npx tsx devices-sim/src/cli.ts [options]

Connection
  --mqtt-url URL            broker (default ${DEFAULTS.mqttUrl})
  --hub-url URL             hub REST API for provisioning (default ${DEFAULTS.hubUrl})
  --email, --password       hub login for provisioning (default ${DEFAULTS.email} / ${DEFAULTS.password})
  --anonymous               skip provisioning; connect without credentials (e.g. local Mosquitto)
  --fleet-file PATH         provisioned fleet + device credentials, reused next run (default ${DEFAULTS.fleetFile})
  --devices-file PATH       use devices already in the hub instead of provisioning a fleet, e.g. the
                            hub's DATA_DIR/demo-devices.json ({devices:[{deviceId,type,password,residentId}]})
  --mqtt-username/-password broker user for --multiplex (a hub-level user)
  --mqtt-version 4|5        MQTT 3.1.1 (4, default) or 5
  --clear-retained          on stop, remove each device's retained status (load-test hygiene)

Fleet and load
  --homes N                 elders living at home (default ${DEFAULTS.homes})
  --institutions M          nursing homes (default ${DEFAULTS.institutions})
  --rooms N                 rooms per institution (default ${DEFAULTS.roomsPerInstitution})
  --seed N                  reproducible fleet, signals and scenario targets (default ${DEFAULTS.seed})
  --speed X                 time acceleration of the signals (default 1; 60 = an hour a minute)
  --sim-start ISO           simulated clock start (default now), e.g. 2025-01-01T02:00:00+08:00
  --telemetry-interval S    base telemetry interval, seconds (default ${DEFAULTS.telemetryIntervalSec})
  --uniform                 every device sends telemetry every interval (default: per device type)
  --telemetry-qos 0|1       (default 0)
  --connect-rate N          new connections per second (default ${DEFAULTS.connectRate})
  --multiplex K             share one MQTT connection per K devices (needs --anonymous or --mqtt-username)
  --duration S              stop after S seconds (default ${DEFAULTS.durationSec})

Scenarios (repeatable): --scenario name[@time][:option]...
${Object.entries(SCENARIOS)
  .map(([n, s]) => `  ${n.padEnd(11)} ${s.help}${s.options.length ? ` [${s.options.join(', ')}]` : ''}`)
  .join('\n')}
  district-day a whole district day against an in-process hub, checked line by line; own options:
              --seed N --hours N --date YYYY-MM-DD --out DIR --quiet (docs/district-day.md)
  e.g. sos@10s  fall@30s:cancel  fall@30s:cancel=8s  wander@5s  quiet@0s:target=h0002
       offline@20s:back=30s  lowbattery@15s  storm@60s:rate=20:for=10s  bad@5s:count=3  surge@1m:count=50
  target=<device id | h0001 | i01> picks the device or home; count=N picks N homes.

Output
  --json                    print the summary as JSON
  --quiet                   no progress line, no command lines
  -h, --help
`;

function num(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new ScenarioError(`--${name}: not a number: "${v}"`);
  return n;
}

function formatSummary(s: Summary): string {
  const kinds = Object.entries(s.eventsByType)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const cmds = Object.entries(s.commandsByType)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return [
    `done in ${(s.durationMs / 1000).toFixed(1)}s: ${s.devices} devices (${s.homes} homes, ${s.institutions} institutions, tag ${s.tag}) on ${s.connections} connections, peak ${s.connectedPeak} connected`,
    `published ${s.published.total} (${s.msgsPerSec}/s): telemetry ${s.published.telemetry}, events ${s.published.events}, status ${s.published.status}, bad ${s.published.bad}`,
    `events: ${kinds || 'none'}`,
    `commands received: ${s.commands}${cmds ? ` (${cmds})` : ''}${s.commandsInvalid ? `, invalid ${s.commandsInvalid}` : ''}`,
    `errors: ${s.errors}${s.connectFailures ? `, refused connections ${s.connectFailures}` : ''}`,
  ].join('\n');
}

async function main(): Promise<number> {
  // The district day drives the hub in-process with its own clock (devices-sim/src/district-day/); it is
  // loaded only when asked for, so the load-test simulator stays a pure client of the public contract.
  const argv = process.argv.slice(2);
  const at = argv.findIndex((a) => a === '--scenario' || a.startsWith('--scenario='));
  const named = at < 0 ? undefined : argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  if (named === 'district-day') {
    const { districtDayCli } = await import('./district-day/cli.js');
    return districtDayCli(argv);
  }
  const { values } = parseArgs({
    options: {
      'mqtt-url': { type: 'string' },
      'hub-url': { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      anonymous: { type: 'boolean' },
      'fleet-file': { type: 'string' },
      'devices-file': { type: 'string' },
      'mqtt-username': { type: 'string' },
      'mqtt-password': { type: 'string' },
      'mqtt-version': { type: 'string' },
      'clear-retained': { type: 'boolean' },
      homes: { type: 'string' },
      institutions: { type: 'string' },
      rooms: { type: 'string' },
      seed: { type: 'string' },
      speed: { type: 'string' },
      'sim-start': { type: 'string' },
      'telemetry-interval': { type: 'string' },
      uniform: { type: 'boolean' },
      'telemetry-qos': { type: 'string' },
      'connect-rate': { type: 'string' },
      multiplex: { type: 'string' },
      duration: { type: 'string' },
      scenario: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const scenarios = (values.scenario ?? []).map(parseScenario);
  const mqttVersion = num('mqtt-version', values['mqtt-version']);
  if (mqttVersion !== undefined && mqttVersion !== 4 && mqttVersion !== 5)
    throw new ScenarioError('--mqtt-version: 4 or 5');
  const qos = num('telemetry-qos', values['telemetry-qos']);
  if (qos !== undefined && qos !== 0 && qos !== 1) throw new ScenarioError('--telemetry-qos: 0 or 1');
  let simStart: number | undefined;
  if (values['sim-start'] !== undefined) {
    simStart = Date.parse(values['sim-start']);
    if (!Number.isFinite(simStart)) throw new ScenarioError(`--sim-start: not a date: "${values['sim-start']}"`);
  }

  const tty = process.stderr.isTTY && !values.quiet;
  let line = '';
  const print = (msg: string) => {
    if (values.quiet) return;
    if (tty && line) process.stderr.write('\r\x1b[2K');
    process.stderr.write(`${msg}\n`);
    if (tty && line) process.stderr.write(line);
  };
  let commandLines = 0;
  let errorLines = 0;
  const abort = new AbortController();
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    print('stopping (Ctrl-C again to quit at once)...');
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const summary = await runSimulation({
    mqttUrl: values['mqtt-url'],
    hubUrl: values['hub-url'],
    email: values.email,
    password: values.password,
    anonymous: values.anonymous,
    fleetFile: values['fleet-file'],
    devicesFile: values['devices-file'],
    mqttUsername: values['mqtt-username'],
    mqttPassword: values['mqtt-password'],
    protocolVersion: mqttVersion as 4 | 5 | undefined,
    clearRetained: values['clear-retained'],
    homes: num('homes', values.homes),
    institutions: num('institutions', values.institutions),
    roomsPerInstitution: num('rooms', values.rooms),
    seed: num('seed', values.seed),
    speed: num('speed', values.speed),
    simStart,
    telemetryIntervalSec: num('telemetry-interval', values['telemetry-interval']),
    uniformTelemetry: values.uniform,
    telemetryQos: qos as 0 | 1 | undefined,
    connectRate: num('connect-rate', values['connect-rate']),
    multiplex: num('multiplex', values.multiplex),
    durationSec: num('duration', values.duration),
    scenarios,
    signal: abort.signal,
    onLog: print,
    onCommand: (id, c) => {
      if (++commandLines <= 50)
        print(
          `command → ${id}: ${c.type}${c.message ? ` "${c.message}"` : ''}${c.alertId ? ` (alert ${c.alertId})` : ''}`,
        );
      else if (commandLines === 51) print('(more commands: counted, not printed)');
    },
    onError: (m) => {
      if (++errorLines <= 20) print(`error: ${m}`);
      else if (errorLines === 21) print('(more errors: counted, not printed)');
    },
    onProgress: (p: Progress) => {
      if (!tty) return;
      line = `⏱ ${(p.elapsedMs / 1000).toFixed(0)}s  connected ${p.connected}/${p.devices}  ${p.msgsPerSec} msg/s  events ${p.events}  commands ${p.commands}  errors ${p.errors}`;
      process.stderr.write(`\r\x1b[2K${line}`);
    },
  });
  if (tty && line) process.stderr.write('\r\x1b[2K');
  line = '';
  if (values.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else process.stdout.write(`${formatSummary(summary)}\n`);
  return summary.connectedPeak === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`eldercare-sim: ${err.message}\n`);
    process.exit(err instanceof ScenarioError || err.name === 'TypeError' ? 2 : 1);
  },
);
