/** Starts a real hub for a test: its own data dir, free ports, quiet logs. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../hub/src/config.js';
import { startHub, type Hub } from '../../hub/src/hub.js';
import { createLogger } from '../../hub/src/logger.js';
import type { Clock } from '../../hub/src/clock.js';
import type { Logger } from '../../hub/src/logger.js';

export interface TestHub extends Hub {
  base: string;
  dataDir: string;
  /** Logs in and returns a Bearer token. */
  login(email: string, password: string): Promise<string>;
  api<T = unknown>(method: string, url: string, token?: string, body?: unknown): Promise<{ status: number; body: T }>;
  stop(opts?: { keepData?: boolean }): Promise<void>;
}

export const ADMIN = { email: 'admin@demo.local', password: 'demo-admin-pass' };

export async function startTestHub(
  env: Record<string, string> = {},
  dataDir?: string,
  /** `log`: a logger of the test's own (e.g. one that captures every line). */
  opts: { clock?: Clock; log?: Logger } = {},
): Promise<TestHub> {
  const dir = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'hub-test-')));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    MQTT_PORT: '0',
    MQTT_HOST: '127.0.0.1',
    DATA_DIR: dir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    INGEST_FLUSH_MS: '10',
    // Tests script their own devices and history: the living demo is off unless a test turns it on.
    DEMO_SIMULATION: 'false',
    DEMO_HISTORY: 'false',
    HUB_ID: `hub-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    ...env,
  });
  const hub = await startHub(config, { log: opts.log ?? createLogger(config.LOG_LEVEL), clock: opts.clock });
  const base = `http://127.0.0.1:${hub.httpPort}`;
  const api = async <T>(method: string, url: string, token?: string, body?: unknown) => {
    const res = await fetch(base + url, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed as T };
  };
  return Object.assign(hub, {
    base,
    dataDir: dir,
    api,
    async login(email: string, password: string) {
      const r = await api<{ token: string }>('POST', '/api/auth/login', undefined, { email, password });
      if (r.status !== 200) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.token;
    },
    async stop(opts: { keepData?: boolean } = {}) {
      await hub.close();
      if (!opts.keepData && !dataDir) await rm(dir, { recursive: true, force: true });
    },
  });
}

/** Polls until `check` returns a truthy value (for effects that cross the broker and the database). */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 10_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A second district (tenant) with its own coordinator, for "other tenants see nothing" checks. */
export async function otherDistrictCoordinator(hub: TestHub): Promise<{ tenantId: string; token: string }> {
  const t = await hub.database.pool.query<{ id: string }>(
    `INSERT INTO tenants (name) VALUES ('Other district') RETURNING id`,
  );
  const tenantId = t.rows[0]!.id;
  await hub.services.tenants.refresh();
  await hub.services.auth.createUser(tenantId, {
    email: 'coord2@other.local',
    name: 'Coordinator 2',
    password: 'coord2-test-pass',
    role: 'coordinator',
  });
  return { tenantId, token: await hub.login('coord2@other.local', 'coord2-test-pass') };
}
