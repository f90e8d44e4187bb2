/**
 * Delivery runs and pick-ups: the runner's stops in order, one outcome per stop, pick-up
 * confirmation at meal points, and the safety net: no answer, a missed pick-up or a concern raises a
 * welfare check on the dispatch board; a meal handed over is a welfare contact; a volunteer's
 * completed run is credited to the time bank once.
 */
import type {
  Alert,
  MealOrder,
  MealRun,
  MealRunDetail,
  OutcomeBody,
  PickupBody,
  Severity,
  User,
} from '@eldercare/shared';
import { can } from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import { badReference, badRequest, conflict, forbidden, invalidField, notFound } from '../../http/errors.js';
import { ACTIVITY_EVENTS } from '../alerts/alert-rules.js';
import { DAY_MS, addDays, localDate } from '@eldercare/shared';
import { contactLadder, missedMealSeverity, pickupDeadline, runMinutes } from './meal-rules.js';
import { toOrder, toRun } from './meals.mappers.js';
import type { OrderRow, RunRow } from './meals.rows.js';
import type { RunsRepo } from './runs.repo.js';
import type { MealPeopleRepo } from './meal-people.repo.js';
import { isMealStaff } from './meals.service.js';

export type MissedReason = 'no_answer' | 'missed_pickup' | 'concern';

export interface RunsDeps {
  runs: RunsRepo;
  people: Pick<MealPeopleRepo, 'user' | 'resident' | 'activity'>;
  clock: Clock;
  log: Logger;
  timeZone(tenantId: string): string;
  raiseMissedMeal(c: {
    tenantId: string;
    residentId: string;
    institutionId: string | null;
    severity: Severity;
    detail: Record<string, unknown>;
  }): Promise<Alert>;
  recordContact(c: {
    tenantId: string;
    residentId: string;
    at: Date;
    source: 'meal';
    sourceId: string;
    visitorId: string | null;
    visitorName: string;
  }): Promise<void>;
  /** Credits a volunteer's run to their time-bank account (idempotent per run); null when they have no profile. */
  creditRun(c: { runId: string; runnerUserId: string; minutes: number; memo: string }): Promise<string | null>;
}

const DELIVERY_OUTCOMES = ['delivered', 'left', 'refused', 'no_answer'];

export class RunsService {
  constructor(private readonly d: RunsDeps) {}

  private now = () => new Date(this.d.clock.now());
  private today = (tenantId: string) => localDate(this.now(), this.d.timeZone(tenantId));

  /** A run the user may see: staff any of their district, runners only their own (else 404). */
  private async runRow(user: User, id: string): Promise<RunRow> {
    const r = await this.d.runs.run(id);
    if (!r || r.tenant_id !== user.tenantId || (!isMealStaff(user) && r.runner_user_id !== user.id))
      throw notFound('run');
    return r;
  }

  async runs(user: User, q: { date?: string }): Promise<MealRun[]> {
    const date = q.date ?? this.today(user.tenantId);
    const rows = await this.d.runs.runs(user.tenantId, { date, runnerUserId: isMealStaff(user) ? undefined : user.id });
    return rows.map(toRun);
  }

  async run(user: User, id: string): Promise<MealRunDetail> {
    const r = await this.runRow(user, id);
    return { ...toRun(r), stops: (await this.d.runs.runStops(id)).map(toOrder) };
  }

  async assign(user: User, id: string, runnerUserId: string | null): Promise<MealRun> {
    if (!isMealStaff(user)) throw forbidden();
    await this.runRow(user, id);
    if (runnerUserId) {
      const u = await this.d.people.user(runnerUserId);
      if (!u || u.tenant_id !== user.tenantId || !can(u.role, 'meals.run'))
        throw badReference('runnerUserId', 'must be a volunteer, coordinator or admin of this district');
    }
    if (!(await this.d.runs.assignRun(id, runnerUserId))) throw conflict('a completed run cannot be reassigned');
    return toRun((await this.d.runs.run(id))!);
  }

  async start(user: User, id: string): Promise<MealRun> {
    const r = await this.runRow(user, id);
    if (r.status === 'completed') throw conflict('the run is already completed');
    if (r.date > this.today(user.tenantId)) throw badRequest('this run is for a later day');
    await this.d.runs.startRun(id, this.now());
    return toRun((await this.d.runs.run(id))!);
  }

  /** Completes a run once all stops have an outcome; a volunteer's minutes go to the time bank (once per run). */
  async complete(user: User, id: string): Promise<MealRun> {
    await this.runRow(user, id);
    const open = (await this.d.runs.runStops(id)).filter((o) => o.status === 'planned').length;
    if (open) throw conflict(`${open} stop(s) have no outcome yet`);
    const at = this.now();
    await this.d.runs.completeRun(id, at, (started) => runMinutes(started, at));
    let row = (await this.d.runs.run(id))!;
    if (row.minutes && !row.transfer_id && row.runner_user_id) {
      const runner = await this.d.people.user(row.runner_user_id);
      if (runner?.role === 'volunteer') {
        const transferId = await this.d.creditRun({
          runId: id,
          runnerUserId: runner.id,
          minutes: row.minutes,
          memo: `送餐 meal delivery · ${row.route_name} · ${row.date} ${row.meal}`,
        });
        if (transferId) {
          await this.d.runs.setRunTransfer(id, transferId);
          row = (await this.d.runs.run(id))!;
        }
      }
    }
    this.d.log.info({ runId: id, minutes: row.minutes, credited: !!row.transfer_id }, 'meal run completed');
    return toRun(row);
  }

  /** Records what happened at a stop (runner or staff), once; a double tap returns the same answer. */
  async outcome(user: User, orderId: string, b: Required<OutcomeBody>): Promise<MealOrder> {
    const o = await this.d.runs.order(orderId);
    if (!o || o.tenant_id !== user.tenantId) throw notFound('order');
    if (!isMealStaff(user)) {
      const run = o.run_id ? await this.d.runs.run(o.run_id) : undefined;
      if (!run || run.runner_user_id !== user.id) throw notFound('order');
      if (run.status === 'completed') throw conflict('the run is already completed');
    }
    if (o.mode === 'delivery' && !DELIVERY_OUTCOMES.includes(b.outcome))
      throw invalidField('outcome', 'of a delivery is delivered, left, refused or no_answer');
    if (o.mode === 'pickup' && b.outcome !== 'picked_up') throw invalidField('outcome', 'of a pick-up is picked_up');
    if (o.date > this.today(user.tenantId)) throw badRequest('this order is for a later day');
    return this.record(user, o, b.outcome, b.note, b.concern);
  }

  private async record(
    user: User,
    o: OrderRow,
    status: string,
    note: string,
    concern: boolean,
    from: readonly string[] = ['planned'],
  ): Promise<MealOrder> {
    const at = this.now();
    const changed = await this.d.runs.setOutcome(o.id, { status, at, by: user.id, note, concern }, from);
    if (!changed) {
      if (o.status === status) return toOrder(o);
      throw conflict(`this stop is already recorded as ${o.status}`);
    }
    this.d.log.info({ orderId: o.id, status, concern }, 'meal outcome recorded');
    if (status === 'delivered' || status === 'picked_up') {
      // Handed over in person: a welfare contact. A failure here never undoes the outcome.
      await this.d
        .recordContact({
          tenantId: o.tenant_id,
          residentId: o.resident_id,
          at,
          source: 'meal',
          sourceId: o.id,
          visitorId: user.id,
          visitorName: user.name,
        })
        .catch((err: Error) => this.d.log.error({ orderId: o.id, err }, 'could not record the contact'));
    }
    if (status === 'no_answer' || concern) {
      await this.welfareCheck(o.id, status === 'no_answer' ? 'no_answer' : 'concern', user.name).catch((err: Error) =>
        // The job retries orders left without their welfare check.
        this.d.log.error({ orderId: o.id, err }, 'welfare check not raised yet; will retry'),
      );
    }
    return toOrder((await this.d.runs.order(o.id))!);
  }

  /** Confirms a pick-up at a meal point by the elder's card (resident id or short code). */
  async pickup(user: User, b: PickupBody): Promise<MealOrder> {
    if (!isMealStaff(user)) throw forbidden();
    const today = this.today(user.tenantId);
    const hit = await this.d.runs.findPickup(user.tenantId, b.kitchenId, today, b.code, b.meal);
    if (!hit) throw notFound('expected pick-up for this card today');
    const o = (await this.d.runs.order(hit.id))!;
    // A late pick-up after the welfare check was raised is still recorded: good news for the dispatcher.
    return this.record(user, o, 'picked_up', '', false, ['planned', 'missed']);
  }

  /**
   * Raises the welfare check of a missed meal: an emergency incident for the elder, critical when
   * their activity sensors have been quiet for 12 h, with the calls to make in order.
   */
  async welfareCheck(orderId: string, reason: MissedReason, reportedBy: string | null): Promise<Alert | null> {
    const o = await this.d.runs.order(orderId);
    if (!o || o.alert_id) return null;
    const r = (await this.d.people.resident(o.resident_id))!;
    const act = await this.d.people.activity(o.resident_id, ACTIVITY_EVENTS);
    const now = this.now();
    const severity: Severity =
      reason === 'concern' && o.status !== 'no_answer' ? 'high' : missedMealSeverity(act.last, act.sensors > 0, now);
    const alert = await this.d.raiseMissedMeal({
      tenantId: o.tenant_id,
      residentId: o.resident_id,
      institutionId: r.institution_id,
      severity,
      detail: {
        reason,
        orderId: o.id,
        date: o.date,
        meal: o.meal,
        mode: o.mode,
        kitchen: o.kitchen_name,
        note: o.note,
        reportedBy,
        address: r.address,
        lastActivityAt: act.last?.toISOString() ?? null,
        quietHours: act.last ? Math.floor((now.getTime() - act.last.getTime()) / 3600_000) : null,
        activitySensors: act.sensors,
        // The dispatcher works down this list, recording each call with the usual alert actions.
        callOrder: contactLadder({ name: r.name, phone: r.phone }, Array.isArray(r.contacts) ? r.contacts : []),
      },
    });
    await this.d.runs.setOrderAlert(o.id, alert.id);
    this.d.log.warn({ orderId: o.id, alertId: alert.id, reason, severity }, 'missed meal raised a welfare check');
    return alert;
  }

  /**
   * The scheduled check: pick-ups not confirmed by the meal point's closing time are missed (and
   * raise a welfare check); misses whose welfare check failed to raise are retried.
   */
  async checkMissed(): Promise<number> {
    const now = this.now();
    let missed = 0;
    const upTo = addDays(localDate(now, 'UTC'), 1);
    for (const p of await this.d.runs.openPickups(upTo)) {
      if (now < pickupDeadline(p.date, p.until ?? '23:59', this.d.timeZone(p.tenant_id))) continue;
      const changed = await this.d.runs.setOutcome(p.id, {
        status: 'missed',
        at: now,
        by: null,
        note: '',
        concern: false,
      });
      if (!changed) continue;
      missed++;
      await this.welfareCheck(p.id, 'missed_pickup', null).catch((err: Error) =>
        this.d.log.error({ orderId: p.id, err }, 'welfare check not raised yet; will retry'),
      );
    }
    for (const o of await this.d.runs.unalerted(new Date(now.getTime() - 2 * DAY_MS))) {
      const full = await this.d.runs.order(o.id);
      const reason: MissedReason =
        full?.status === 'missed' ? 'missed_pickup' : full?.status === 'no_answer' ? 'no_answer' : 'concern';
      await this.welfareCheck(o.id, reason, full?.outcome_by_name ?? null).catch((err: Error) =>
        this.d.log.error({ orderId: o.id, err }, 'welfare check retry failed'),
      );
    }
    return missed;
  }
}
