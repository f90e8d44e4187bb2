/**
 * `npm run sim -- --scenario district-day [--seed N] [--hours N] [--elders N] [--date YYYY-MM-DD] [--out DIR]
 * [--browser] [--broker-stop CMD --broker-start CMD]`: plays the district day and writes report.json and
 * report.md. Exit code 0 when every line passes, 1 when a line fails. DATABASE_URL (an empty database)
 * and MQTT_URL in the environment are used.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { runDistrictDay } from './run.js';
import { writeReport } from './report.js';

export async function districtDayCli(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string' },
      seed: { type: 'string' },
      hours: { type: 'string' },
      date: { type: 'string' },
      out: { type: 'string' },
      quiet: { type: 'boolean' },
      browser: { type: 'boolean' },
      elders: { type: 'string' },
      'broker-stop': { type: 'string' },
      'broker-start': { type: 'string' },
    },
    strict: true,
  });
  const num = (name: string, v: string | undefined, min: number, max: number) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name}: a whole number from ${min} to ${max}`);
    return n;
  };
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new Error('--date: YYYY-MM-DD');
  const env: Record<string, string> = {};
  for (const k of ['DATABASE_URL', 'MQTT_URL', 'MQTT_USERNAME', 'MQTT_PASSWORD', 'TZ'] as const) {
    const v = process.env[k];
    if (v) env[k] = v;
  }
  // Empty: plain subscriptions (the scenario's hub otherwise takes a shared group of its own).
  if (process.env.MQTT_SHARED_GROUP !== undefined) env.MQTT_SHARED_GROUP = process.env.MQTT_SHARED_GROUP;
  const stop = values['broker-stop'];
  const start = values['broker-start'];
  if (!!stop !== !!start) throw new Error('--broker-stop and --broker-start go together');
  if (stop && !process.env.MQTT_URL) throw new Error('--broker-stop/--broker-start: the broker of MQTT_URL');
  // The district's own commands (e.g. `systemctl stop mosquitto`), run by the shell; a failure stops the day.
  const sh = (cmd: string) => async () =>
    void (await promisify(execFile)('/bin/sh', ['-c', cmd], { timeout: 120_000 }));
  const report = await runDistrictDay({
    seed: num('seed', values.seed, 0, 2 ** 31),
    hours: num('hours', values.hours, 1, 24),
    date: values.date,
    browser: values.browser,
    eldersAtHome: num('elders', values.elders, 0, 5000),
    broker: stop && start ? { stop: sh(stop), start: sh(start) } : undefined,
    env,
    onLog: values.quiet ? undefined : (l) => process.stderr.write(`${l}\n`),
  });
  const files = await writeReport(values.out ?? 'district-day-report', report);
  for (const l of report.lines.filter((x) => !x.pass))
    process.stdout.write(`FAIL ${l.section}: ${l.name} — expected ${l.expected}, observed ${l.observed}\n`);
  process.stdout.write(
    `district day: ${report.passed}/${report.lines.length} lines pass (${report.wallSeconds} s); ${files.md}, ${files.json}\n`,
  );
  return report.failed ? 1 : 0;
}
