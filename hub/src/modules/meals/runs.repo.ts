/** SQL of delivery runs and their stops: the runs, each order's outcome, pick-ups and the welfare checks they raise. */
import { MealsSql, ORDER_SELECT, RUN_SELECT, type OrderRow, type RunRow } from './meals.rows.js';

export class RunsRepo extends MealsSql {
  // ---- runs ------------------------------------------------------------------------------------

  runs(tenantId: string, f: { date?: string; runnerUserId?: string }): Promise<RunRow[]> {
    return this.rows(
      `${RUN_SELECT}
        WHERE ru.tenant_id = $1 AND ($2::date IS NULL OR ru.date = $2) AND ($3::uuid IS NULL OR ru.runner_user_id = $3)
        ORDER BY ru.date DESC, array_position(ARRAY['breakfast','lunch','dinner'], ru.meal), rt.name`,
      [tenantId, f.date ?? null, f.runnerUserId ?? null],
    );
  }

  async run(id: string): Promise<RunRow | undefined> {
    return (await this.rows<RunRow>(`${RUN_SELECT} WHERE ru.id = $1`, [id]))[0];
  }

  async assignRun(id: string, runnerUserId: string | null): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE meal_runs SET runner_user_id = $2 WHERE id = $1 AND status <> 'completed'`,
      [id, runnerUserId],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async startRun(id: string, at: Date): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE meal_runs SET status = 'started', started_at = $2 WHERE id = $1 AND status = 'planned'`,
      [id, at],
    );
    return (r.rowCount ?? 0) > 0;
  }

  /** Completes a run once; a run never started counts from its first recorded stop. */
  async completeRun(id: string, at: Date, minutesOf: (startedAt: Date | null) => number): Promise<boolean> {
    const first = await this.rows<{ started: Date | null }>(
      `SELECT COALESCE(ru.started_at, (SELECT min(o.outcome_at) FROM meal_orders o WHERE o.run_id = ru.id)) AS started
         FROM meal_runs ru WHERE ru.id = $1`,
      [id],
    );
    const started = first[0]?.started ?? null;
    const r = await this.pool.query(
      `UPDATE meal_runs SET status = 'completed', started_at = COALESCE(started_at, $3), completed_at = $2, minutes = $4
        WHERE id = $1 AND status <> 'completed'`,
      [id, at, started, minutesOf(started)],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async setRunTransfer(id: string, transferId: string): Promise<void> {
    await this.pool.query(`UPDATE meal_runs SET transfer_id = $2 WHERE id = $1`, [id, transferId]);
  }

  // ---- stops and outcomes ----------------------------------------------------------------------

  runStops(runId: string): Promise<OrderRow[]> {
    return this.rows(
      `${ORDER_SELECT} WHERE o.run_id = $1 AND o.status <> 'cancelled' ORDER BY s.seq NULLS LAST, r.name`,
      [runId],
    );
  }

  async order(id: string): Promise<OrderRow | undefined> {
    return (await this.rows<OrderRow>(`${ORDER_SELECT} WHERE o.id = $1`, [id]))[0];
  }

  /** Records an outcome once: only a planned order changes, so a double tap cannot record twice. */
  async setOutcome(
    id: string,
    o: { status: string; at: Date; by: string | null; note: string; concern: boolean },
    from: readonly string[] = ['planned'],
  ): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE meal_orders SET status = $2, outcome_at = $3, outcome_by = $4, note = $5, concern = $6
        WHERE id = $1 AND status = ANY($7::text[])`,
      [id, o.status, o.at, o.by, o.note, o.concern, from],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async setOrderAlert(id: string, alertId: string): Promise<void> {
    await this.pool.query(`UPDATE meal_orders SET alert_id = $2 WHERE id = $1`, [id, alertId]);
  }

  /** The planned pick-up of an elder (by resident id or card code) at a meal point on a day. */
  async findPickup(tenantId: string, kitchenId: string, date: string, code: string, meal?: string) {
    return (
      await this.rows<{ id: string }>(
        `SELECT o.id FROM meal_orders o JOIN meal_plans p ON p.id = o.plan_id
          WHERE o.tenant_id = $1 AND o.kitchen_id = $2 AND o.date = $3 AND o.mode = 'pickup'
            AND (o.resident_id::text = lower($4) OR p.pickup_code = upper($4))
            AND ($5::text IS NULL OR o.meal = $5)
          ORDER BY (o.status = 'planned') DESC, array_position(ARRAY['breakfast','lunch','dinner'], o.meal)
          LIMIT 1`,
        [tenantId, kitchenId, date, code, meal ?? null],
      )
    )[0];
  }

  /** Misses and concerns since a time that have no welfare check yet (raising it failed): retried by the job. */
  unalerted(since: Date) {
    return this.rows<{ id: string }>(
      `SELECT id FROM meal_orders
        WHERE alert_id IS NULL AND outcome_at >= $1 AND (status IN ('no_answer','missed') OR concern)`,
      [since],
    );
  }

  /** Planned pick-ups up to a day, with the meal point's closing time for that meal. */
  openPickups(upTo: string) {
    return this.rows<{ id: string; tenant_id: string; date: string; until: string }>(
      `SELECT o.id, o.tenant_id, o.date::text AS date, k.pickup_until ->> o.meal AS until
         FROM meal_orders o JOIN meal_kitchens k ON k.id = o.kitchen_id
        WHERE o.mode = 'pickup' AND o.status = 'planned' AND o.date <= $1`,
      [upTo],
    );
  }
}
