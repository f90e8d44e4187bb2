/**
 * Real processes for fault tests: a private Mosquitto on a free loopback port (with persistence and
 * a large queue, so it may be killed and restarted without touching the machine's broker), and the
 * hub as a child process (`node --import tsx hub/src/main.ts`, configured by env), so it can be
 * killed with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address() as net.AddressInfo;
      s.close(() => resolve(a.port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });

function exited(proc: ChildProcess, ms: number): Promise<boolean> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    proc.once('exit', () => {
      clearTimeout(t);
      resolve(true);
    });
  });
}

export interface PrivateMosquitto {
  port: number;
  url: string;
  readonly running: boolean;
  /** Starts (again) on the same port with the same persistence folder. */
  start(): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
  close(): Promise<void>;
}

/** The deploy's Mosquitto configuration (deploy/mosquitto/mosquitto.conf). */
export const DEPLOY_MOSQUITTO_CONF = path.join(ROOT, 'deploy/mosquitto/mosquitto.conf');

/**
 * The broker settings of the deploy's configuration as a private broker runs them: every line of
 * deploy/mosquitto/mosquitto.conf except where it listens, how clients log in (anonymous here: the
 * test devices have no passwd file) and where it persists; then `extra` lines.
 */
export async function privateMosquittoConf(port: number, dir: string, extra: string[] = []): Promise<string> {
  const deploy = (await readFile(DEPLOY_MOSQUITTO_CONF, 'utf8'))
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .filter((l) => !/^(listener|protocol|allow_anonymous|password_file|acl_file|persistence_location)\b/.test(l));
  return [
    `listener ${port} 127.0.0.1`,
    'allow_anonymous true',
    `persistence_location ${dir}/`,
    ...deploy,
    'log_dest stderr',
    'log_type error',
    'log_type warning',
    ...extra,
    '',
  ].join('\n');
}

/**
 * A private Mosquitto with the deploy's broker settings (see privateMosquittoConf); `extra` lines
 * for what a test needs on top (e.g. autosave_interval 1, so a SIGKILL loses nothing persisted).
 */
export async function startPrivateMosquitto(extra: string[] = []): Promise<PrivateMosquitto> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mosquitto-test-'));
  await chmod(dir, 0o777); // mosquitto drops root privileges to its own user
  const port = await freePort();
  const conf = path.join(dir, 'mosquitto.conf');
  await writeFile(conf, await privateMosquittoConf(port, dir, extra));
  let proc: ChildProcess | null = null;
  let output = '';
  const m: PrivateMosquitto = {
    port,
    url: `mqtt://127.0.0.1:${port}`,
    get running() {
      return !!proc && proc.exitCode === null && proc.signalCode === null;
    },
    async start() {
      output = '';
      proc = spawn('mosquitto', ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
      proc.stderr!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-5000)));
      const until = Date.now() + 10_000;
      while (!(await portOpen(port))) {
        if (proc.exitCode !== null) throw new Error(`mosquitto exited: ${output}`);
        if (Date.now() > until) throw new Error(`mosquitto did not listen on ${port}: ${output}`);
        await sleep(50);
      }
    },
    async kill(signal = 'SIGKILL') {
      if (!proc || !m.running) return;
      proc.kill(signal);
      await exited(proc, 10_000);
    },
    async close() {
      await m.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    },
  };
  await m.start();
  return m;
}

export interface ChildHub {
  base: string;
  port: number;
  proc: ChildProcess;
  readonly output: string;
  /** Resolves when /healthz answers 200. */
  ready(timeoutMs?: number): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `node --import tsx hub/src/main.ts` with these settings (plus quiet logs, loopback ports). */
export async function spawnHub(env: Record<string, string>, opts: { port?: number } = {}): Promise<ChildHub> {
  const port = opts.port ?? (await freePort());
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['MQTT_URL', 'DATABASE_URL', 'REDIS_URL', 'MQTT_USERNAME', 'MQTT_PASSWORD', 'INIT_CWD'])
    delete childEnv[k];
  Object.assign(childEnv, {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    MQTT_HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    DEMO_SIMULATION: 'false',
    DEMO_HISTORY: 'false',
    ...env,
  });
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'hub/src/main.ts')], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
    if (process.env.TEST_HUB_LOG) process.stderr.write(d);
  };
  proc.stdout!.on('data', collect);
  proc.stderr!.on('data', collect);
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    port,
    proc,
    get output() {
      return output;
    },
    async ready(timeoutMs = 90_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        if (proc.exitCode !== null) throw new Error(`hub exited with ${proc.exitCode}:\n${output.slice(-3000)}`);
        const ok = await fetch(`${base}/healthz`)
          .then((r) => r.ok)
          .catch(() => false);
        if (ok) return;
        if (Date.now() > until) throw new Error(`hub not healthy after ${timeoutMs} ms:\n${output.slice(-3000)}`);
        await sleep(200);
      }
    },
    async kill(signal = 'SIGTERM') {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill(signal);
      if (!(await exited(proc, 20_000))) {
        proc.kill('SIGKILL');
        await exited(proc, 5_000);
      }
    },
  };
}

/** Reads Prometheus text: the sum of every sample whose line starts with `name` (labels included). */
export async function scrapeMetric(base: string, name: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith(name + ' ') || l.startsWith(name + '{') || (name.includes('{') && l.startsWith(name)))
    .reduce((s, l) => s + Number(l.split(' ').at(-1)), 0);
}

export async function login(base: string, email: string, password: string): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!r.ok) throw new Error(`login ${email}: ${r.status}`);
  return ((await r.json()) as { token: string }).token;
}
