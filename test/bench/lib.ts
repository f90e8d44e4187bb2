/**
 * Small helpers of the benchmark: the run's log and clean-ups, /proc sampling, Prometheus text,
 * latency statistics, pendants on MQTT, child processes.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A progress line on stderr (stdout carries the results). */
export const log = (m: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`);

/** Everything a run started, closed in reverse order whatever happens. */
export class Cleanups {
  private readonly list: (() => Promise<void> | void)[] = [];
  push(fn: () => Promise<void> | void): void {
    this.list.push(fn);
  }
  async run(): Promise<void> {
    for (const c of this.list.reverse()) await Promise.resolve(c()).catch((e: Error) => log(`cleanup: ${e.message}`));
    this.list.length = 0;
  }
}

const CLK_TCK = 100; // Linux USER_HZ

/** CPU seconds (user + system, all threads) of a process. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields after the comm: state is index 0, utime 11, stime 12
  return (Number(f[11]) + Number(f[12])) / CLK_TCK;
}

/** Resident set size in MiB. */
export function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/** Samples a process's RSS every `ms` and keeps the peak since the last reset. */
export class RssSampler {
  peak = 0;
  samples: { t: number; rss: number }[] = [];
  private timer: NodeJS.Timeout;
  constructor(
    private readonly pid: number,
    ms = 200,
    keep = false,
  ) {
    this.timer = setInterval(() => {
      try {
        const r = rssMiB(this.pid);
        this.peak = Math.max(this.peak, r);
        if (keep) this.samples.push({ t: Date.now(), rss: r });
      } catch {
        /* process gone */
      }
    }, ms);
    this.timer.unref();
  }
  reset(): void {
    this.peak = 0;
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

/** Prometheus text format → map of `name{labels}` → value. */
export function parseMetrics(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const i = line.lastIndexOf(' ');
    out.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return out;
}

export function sumMetric(m: Map<string, number>, name: string): number {
  let s = 0;
  for (const [k, v] of m) if (k === name || k.startsWith(`${name}{`)) s += v;
  return s;
}

export function labelled(m: Map<string, number>, name: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of m) {
    if (!k.startsWith(`${name}{`)) continue;
    out[k.slice(name.length + 1, -1)] = v;
  }
  return out;
}

export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[i]! * 10) / 10;
}

export interface LatencyStats {
  count: number;
  missing: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

/** Percentiles of latency samples (ms, one decimal); `missing` are those that never arrived. */
export function latencyStats(samples: number[], missing: number): LatencyStats {
  const s = [...samples].sort((a, b) => a - b);
  return {
    count: s.length,
    missing,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s.length ? Math.round(s[s.length - 1]! * 10) / 10 : null,
  };
}

/** A pendant (or pull cord) the probes press: its MQTT login and the elder it belongs to. */
export interface ProbeDevice {
  deviceId: string;
  password: string;
  residentId: string | null;
}

/**
 * Connects every pendant as its own MQTT 3.1.1 client (clientId = username = device id) and adds
 * each to `into` as soon as it is created, so a failed start still closes them all.
 */
export async function connectPendants<D extends ProbeDevice>(
  devices: D[],
  host: string,
  port: number,
  into: { dev: D; client: mqtt.MqttClient }[],
): Promise<void> {
  await Promise.all(
    devices.map(
      (dev) =>
        new Promise<void>((resolve, reject) => {
          const client = mqtt.connect(`mqtt://${host}:${port}`, {
            clientId: dev.deviceId,
            username: dev.deviceId,
            password: dev.password,
            protocolVersion: 4,
            clean: true,
            reconnectPeriod: 1000,
          });
          into.push({ dev, client });
          client.once('connect', () => resolve());
          client.once('error', reject);
        }),
    ),
  );
}

/** Publishes a pendant's sos (QoS 1) as the device does. */
export function pressSos(client: mqtt.MqttClient, deviceId: string, eventId: string): void {
  client.publish(`eldercare/v1/devices/${deviceId}/events`, JSON.stringify({ eventId, ts: Date.now(), type: 'sos' }), {
    qos: 1,
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** Forks a TypeScript module of this folder as a child with an IPC channel. */
export function forkTs(file: string, args: string[] = []): ChildProcess {
  return fork(path.join(import.meta.dirname, file), args, {
    execArgv: ['--import', 'tsx'],
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** Sends a message and waits for the first answer of one of the given types. */
export function ask<T extends { type: string }>(
  child: ChildProcess,
  msg: unknown,
  types: string[],
  timeoutMs = 120_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      child.off('message', on);
      reject(new Error(`child ${child.pid}: no answer to ${JSON.stringify(msg).slice(0, 80)}`));
    }, timeoutMs);
    const on = (m: T) => {
      if (m.type === 'error') {
        clearTimeout(t);
        child.off('message', on);
        reject(new Error((m as unknown as { message: string }).message));
      } else if (types.includes(m.type)) {
        clearTimeout(t);
        child.off('message', on);
        resolve(m);
      }
    };
    child.on('message', on);
    if (msg !== null) child.send(msg as object);
  });
}

export function machine() {
  const cpus = os.cpus();
  return {
    nproc: os.availableParallelism(),
    cpuModel: cpus[0]?.model ?? 'unknown',
    memTotalGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}
