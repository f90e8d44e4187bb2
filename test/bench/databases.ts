/** The run's own databases on an external PostgreSQL server, and what the hub's database holds at the end. */
import pg from 'pg';
import type { Cleanups } from './lib.js';

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** CREATE DATABASE `name` on the server of `serverUrl` (dropped at clean-up); its URL. */
export async function createDatabase(cleanups: Cleanups, serverUrl: string, name: string): Promise<string> {
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  cleanups.push(() => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Readings rows in the hub's database against the telemetry acknowledged, and where dead letters
 * came from (first part of the device id, topic kind), read before the database is dropped: on a
 * shared broker the hub also receives other clients' traffic for unknown devices.
 */
export async function databaseCheck(dbUrl: string, acked: number) {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const { rows } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM readings`);
  const dl = await c.query<{ source: string; reason: string; n: string; first: Date; last: Date }>(
    `SELECT coalesce(split_part(device_id, '-', 1), '(none)') || '…/' || split_part(topic, '/', 5) AS source,
            reason, count(*) AS n, min(received_at) AS first, max(received_at) AS last
       FROM dead_letters GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 10`,
  );
  await c.end();
  return {
    readingsRows: Number(rows[0]!.n),
    acked,
    deadLettersBySource: dl.rows.map((r) => ({
      source: r.source,
      reason: r.reason,
      n: Number(r.n),
      first: r.first.toISOString(),
      last: r.last.toISOString(),
    })),
  };
}

export type DatabaseCheck = Awaited<ReturnType<typeof databaseCheck>>;
