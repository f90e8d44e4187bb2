/** SQL of the hub registry (hub_instances): heartbeats and the claims on dead peers' MQTT sessions. */
import type pg from 'pg';
import type { Db } from '../db/client.js';

export class HubInstancesRepo {
  private readonly pool: pg.Pool;
  constructor(db: Db) {
    this.pool = db.$client;
  }

  /** Records that this hub is alive (and, on its first beat, that it (re)started). */
  async heartbeat(hubId: string, now: Date, starting: boolean): Promise<void> {
    await this.pool.query(
      `INSERT INTO hub_instances (hub_id, started_at, heartbeat_at) VALUES ($1, $2, $2)
       ON CONFLICT (hub_id) DO UPDATE SET heartbeat_at = $2,
         started_at = CASE WHEN $3 THEN $2 ELSE hub_instances.started_at END`,
      [hubId, now, starting],
    );
  }

  /**
   * Claims the sessions of peers silent since `staleBefore` that nobody alive holds yet: one
   * conditional UPDATE, so two live hubs never claim the same peer.
   */
  async claimStale(hubId: string, staleBefore: Date, now: Date): Promise<string[]> {
    const r = await this.pool.query<{ hub_id: string }>(
      `UPDATE hub_instances h SET taken_over_by = $1, taken_over_at = $3
        WHERE h.hub_id <> $1 AND h.heartbeat_at < $2
          AND (h.taken_over_by IS NULL OR h.taken_over_by <> $1 AND NOT EXISTS (
                SELECT 1 FROM hub_instances o WHERE o.hub_id = h.taken_over_by AND o.heartbeat_at >= $2))
        RETURNING h.hub_id`,
      [hubId, staleBefore, now],
    );
    return r.rows.map((row) => row.hub_id);
  }

  /** Gives a claimed session back (the peer returned, or the takeover connection ended). */
  async release(hubId: string, peerId: string): Promise<void> {
    await this.pool.query(
      `UPDATE hub_instances SET taken_over_by = NULL, taken_over_at = NULL WHERE hub_id = $2 AND taken_over_by = $1`,
      [hubId, peerId],
    );
  }

  /** How many other hubs have heartbeat since `since`. */
  async livePeers(hubId: string, since: Date): Promise<number> {
    const r = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM hub_instances WHERE hub_id <> $1 AND heartbeat_at >= $2`,
      [hubId, since],
    );
    return r.rows[0]!.n;
  }

  /** A hub leaving the cluster for good: peers must not take over its (emptied) session. */
  async remove(hubId: string): Promise<void> {
    await this.pool.query(`DELETE FROM hub_instances WHERE hub_id = $1`, [hubId]);
  }
}
