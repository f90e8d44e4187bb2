/** SQL shared by the repositories of several modules (each module's own SQL stays in its repositories). */
import { sql } from 'drizzle-orm';

/** `column IN (the region and every region below it)`, for filters by region at any level. */
export const inRegionTree = (column: unknown, regionId: string) =>
  sql`${column} IN (WITH RECURSIVE t AS (SELECT id FROM regions WHERE id = ${regionId}::uuid
      UNION ALL SELECT r.id FROM regions r JOIN t ON r.parent_id = t.id) SELECT id FROM t)`;

/**
 * An SLA exception, as the SLA report counts it: an emergency that reached dispatch, not cancelled
 * by the elder before anyone acknowledged it, not a phone-in (held by its call taker as it opens),
 * acknowledged more than 180 s after it opened (or not acknowledged before it closed, or by now
 * while it is open: `$now`).
 */
export const overSlaSql = (now: string) => `(a.queue = 'emergency' AND a.opened_at IS NOT NULL
  AND NOT (a.status = 'cancelled' AND a.acknowledged_at IS NULL) AND a.source <> 'phone'
  AND COALESCE(a.acknowledged_at, a.closed_at, ${now}) - a.opened_at > interval '180 seconds')`;

/** A meal order that reached the elder (delivered, left at the door, or picked up): meals and subsidies count these. */
export const MEAL_SERVED_SQL = `o.status IN ('delivered','left','picked_up')`;
