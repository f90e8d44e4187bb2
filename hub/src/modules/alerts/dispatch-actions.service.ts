/**
 * The dispatcher's actions on an incident: claim it (exactly one dispatcher wins), walk it through
 * its lifecycle (contact, dispatch, accepted, on scene, resolve, cancel, note), tick its checklist,
 * and record a phone call as an incident. Each step is an atomic conditional transition: allowed
 * only from the states the lifecycle table lists (shared/src/lifecycle.ts), by whoever may take it;
 * anything else is a 409 or 403.
 */
import {
  CLOSED_STATUSES,
  type Alert,
  type AlertActionBody,
  type AlertDetail,
  type AlertStatus,
  type PhoneInKind,
  type Severity,
  type User,
  ACTIVE_AFTER_ACK,
  can,
  fromStatuses,
  LIFECYCLE,
  type LifecycleAction,
  mayActOn,
  needsHolder,
  UNCLAIMED,
} from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import { badReference, conflict, forbidden, invalidField } from '../../http/errors.js';
import type { AlertRules } from './alert-rules.js';
import type { AlertRow, AlertsRepo, TransitionAudit } from './alerts.repo.js';
import type { AlertPatch } from './alert-patch.js';
import type { AlertViewsRepo } from './alert-views.repo.js';
import type { AlertRaiser } from './alert-raiser.js';
import type { AlertViews } from './alert-views.service.js';
import type { ActionPlansService } from './action-plans.service.js';
import type { DeviceCommands } from './device-commands.js';

/** How urgent a phone-in incident is, by what the caller reports. */
const PHONE_SEVERITY: Record<PhoneInKind, Severity> = {
  sos: 'critical',
  fall: 'critical',
  smoke: 'critical',
  gas: 'critical',
  vitals: 'high',
  geofence_exit: 'high',
  welfare_concern: 'high',
  water_leak: 'medium',
};
export interface DispatchDeps {
  repo: Pick<AlertsRepo, 'get' | 'transition' | 'addAction'>;
  views: Pick<AlertViews, 'visible' | 'checklistOf' | 'get'>;
  /** The audit trail of an incident, and a tenant's resident (phone-in). */
  reads: Pick<AlertViewsRepo, 'residentOf' | 'actions'>;
  raiser: Pick<AlertRaiser, 'raiseRow' | 'publish'>;
  commands: Pick<DeviceCommands, 'send'>;
  clock: Clock;
  rules(tenantId: string): AlertRules;
  plans?: Pick<ActionPlansService, 'checklistFor'>;
}

export class DispatchActions {
  constructor(private readonly d: DispatchDeps) {}

  private now(): Date {
    return new Date(this.d.clock.now());
  }

  /** Claims an alert for exactly one dispatcher: an atomic conditional update in the database. */
  async claim(user: User, id: string): Promise<Alert> {
    const row = await this.d.views.visible(user, id);
    // The checklist is copied onto the incident as it is claimed (a later edit of the plan does not change it).
    const checklist = row.checklist ? null : await this.d.views.checklistOf(row).catch(() => null);
    const now = this.now();
    const rules = this.d.rules(user.tenantId);
    const claimed = await this.d.repo.transition(
      id,
      user.tenantId,
      LIFECYCLE.claim.from,
      {
        status: LIFECYCLE.claim.to,
        acknowledgedAt: now,
        acknowledgedBy: user.id,
        openedAt: row.opened_at ?? now,
        dueAt: new Date(now.getTime() + rules.resolveEscalationMs),
        ...(checklist ? { checklist } : {}),
      },
      {
        actorId: user.id,
        action: 'acknowledged',
        note: '',
        data: { secondsToAck: Math.round((now.getTime() - row.created_at.getTime()) / 1000) },
        at: now,
      },
    );
    if (!claimed) {
      const current = await this.d.repo.get(id);
      throw conflict(
        current?.acknowledged_by
          ? `already claimed by ${current.ack_name ?? 'another dispatcher'}`
          : `alert is ${current?.status}`,
      );
    }
    void this.d.commands.send(claimed.device_id, 'alarm_received', claimed.tenant_id, id);
    return this.d.raiser.publish(claimed);
  }

  async act(user: User, id: string, body: AlertActionBody & { note?: string }): Promise<Alert> {
    const row = await this.d.views.visible(user, id);
    const now = this.now();
    const note = body.note ?? '';
    const mayAct = mayActOn({ acknowledgedBy: row.acknowledged_by }, user);
    const audit = (action: string, data: Record<string, unknown> = {}, extra: Partial<TransitionAudit> = {}) => ({
      actorId: user.id,
      action,
      note,
      data,
      at: now,
      ...extra,
    });
    // A step of the lifecycle table: from the statuses it allows this user, to the status it leads to.
    const step = async (
      taken: LifecycleAction,
      set: Omit<AlertPatch, 'status'>,
      action: string,
      data?: Record<string, unknown>,
      extra?: Partial<TransitionAudit>,
    ) => {
      if (taken !== 'cancel' && !mayAct && needsHolder(taken, row.status as AlertStatus))
        throw forbidden('only the dispatcher who claimed it (or a supervisor) can do that');
      const from = fromStatuses(taken, user.role);
      const to = { status: LIFECYCLE[taken].to, ...set };
      const r = await this.d.repo.transition(id, user.tenantId, from, to, audit(action, data, extra));
      if (!r)
        throw conflict(`cannot ${action.replace('_', ' ')} an alert that is ${(await this.d.repo.get(id))?.status}`);
      return r;
    };
    let updated: AlertRow;
    switch (body.action) {
      case 'contact_made':
        updated = await step('contact_made', { contactAt: now }, 'contact_made');
        break;
      case 'no_contact':
        // No voice contact is handled as an emergency: priority up, a responder must go.
        updated = await step('no_contact', { contactAt: now, priority: row.priority + 15 }, 'no_contact');
        break;
      case 'dispatch': {
        // One responder, or a ladder tried in order until one accepts (advanced by tick()).
        const tiers = body.responders ?? [body.responder!];
        const askAll = !!body.askAllAtOnce && tiers.length > 1;
        const rules = this.d.rules(user.tenantId);
        updated = await step(
          'dispatch',
          {
            dispatchedAt: now,
            acceptedAt: null,
            responder: tiers[0],
            responderLadder: tiers.length > 1 ? { tiers, index: 0, ...(askAll ? { askAllAtOnce: true } : {}) } : null,
            dueAt: new Date(now.getTime() + rules.responderTimeoutMs),
          },
          'dispatched',
          { responder: tiers[0], ...(tiers.length > 1 ? { ladder: tiers.length } : {}), ...(askAll ? { askAll } : {}) },
          {
            // The responders are asked (and told) in the same transaction as the dispatch.
            offers: {
              ask: {
                responders: (askAll ? tiers : tiers.slice(0, 1)).map((responder, position) => ({
                  responder,
                  position,
                })),
                askAll,
                note,
              },
            },
          },
        );
        break;
      }
      case 'accepted':
        updated = await step(
          'accepted',
          {
            acceptedAt: now,
            dueAt: new Date(now.getTime() + this.d.rules(user.tenantId).resolveEscalationMs),
          },
          'responder_accepted',
          { responder: row.responder },
          // Recorded by the dispatcher (e.g. the responder phoned): the offers still asked are withdrawn.
          { offers: { withdrawAsked: true } },
        );
        break;
      case 'on_scene':
        // Care-home staff are on the premises: whoever claimed it goes to the room themselves,
        // without a dispatch (the lifecycle's on-site statuses).
        updated = await step(
          'on_scene',
          { onSceneAt: now },
          'on_scene',
          {},
          {
            notify: [{ purpose: 'family_on_scene' }],
            offers: { withdrawAsked: true },
          },
        );
        void this.d.commands.send(row.device_id, 'help_arriving', row.tenant_id, id);
        break;
      case 'resolve':
        updated = await step(
          'resolve',
          { closedAt: now, outcome: body.outcome, dueAt: null },
          'resolved',
          { outcome: body.outcome },
          {
            notify: [{ purpose: 'family_closed', data: { outcome: body.outcome } }],
            offers: { withdrawAsked: true },
          },
        );
        void this.d.commands.send(row.device_id, 'alarm_closed', row.tenant_id, id);
        break;
      case 'cancel':
        if (!mayAct && needsHolder('cancel', row.status as AlertStatus)) throw forbidden();
        updated = await step(
          'cancel',
          { closedAt: now, dueAt: null },
          'cancelled',
          {},
          {
            // The family was told of the alarm only once it reached dispatch (not while pending).
            notify: row.opened_at ? [{ purpose: 'family_closed', data: { outcome: 'cancelled' } }] : [],
            offers: { withdrawAsked: true },
          },
        );
        void this.d.commands.send(row.device_id, 'alarm_closed', row.tenant_id, id);
        break;
      case 'note':
        await this.d.repo.addAction(id, user.id, 'note', note, {}, now);
        updated = (await this.d.repo.get(id))!;
        break;
    }
    return this.d.raiser.publish(updated);
  }

  // ---- responders' own answers (signed link, push action, webhook callback, or logged in) -------

  /**
   * Ticks a step of the incident's checklist: an audit entry with the hub's time and who ticked it.
   * Only while it is being handled, by whoever may act on it; each step once.
   */
  async tickStep(user: User, id: string, body: { stepId: string; note: string }): Promise<AlertDetail> {
    const row = await this.d.views.visible(user, id);
    if (CLOSED_STATUSES.includes(row.status as AlertStatus)) throw conflict(`the incident is ${row.status}`);
    if (UNCLAIMED.includes(row.status as AlertStatus)) throw conflict('claim the incident first');
    if (!mayActOn({ acknowledgedBy: row.acknowledged_by }, user))
      throw forbidden('only the dispatcher who claimed it (or a supervisor) can do that');
    const items = await this.d.views.checklistOf(row);
    const index = items.findIndex((s) => s.id === body.stepId);
    if (index < 0) throw invalidField('stepId', "is not a step of this incident's checklist");
    const done = await this.d.reads.actions(id);
    if (done.some((a) => a.action === 'checklist_step' && a.data.stepId === body.stepId))
      throw conflict('that step is already ticked');
    const step = items[index]!;
    const now = this.now();
    const updated = await this.d.repo.transition(
      id,
      user.tenantId,
      ACTIVE_AFTER_ACK,
      Array.isArray(row.checklist) ? {} : { checklist: items },
      {
        actorId: user.id,
        action: 'checklist_step',
        note: body.note,
        data: {
          stepId: step.id,
          key: step.key,
          text: step.text,
          source: step.source,
          index: index + 1,
          of: items.length,
        },
        at: now,
      },
    );
    if (!updated) throw conflict(`the incident is ${(await this.d.repo.get(id))?.status}`);
    this.d.raiser.publish(updated);
    return this.d.views.get(user, id);
  }

  /**
   * A phone-in incident: a dispatcher took a call (from the elder, a neighbour, or an unknown caller)
   * and records it. It is the same incident as a device alarm — same lifecycle, timers, escalation,
   * family notice and audit — with source "phone" and the caller kept; the dispatcher who took the
   * call holds it at once. A call about an elder whose incident is already open is folded into it.
   */
  async phoneIn(
    user: User,
    b: {
      residentId?: string;
      callerPhone: string;
      callerName: string;
      kind: PhoneInKind;
      note: string;
      address: string;
    },
  ): Promise<{ alert: Alert; created: boolean }> {
    if (!can(user.role, 'alerts.dispatch')) throw forbidden();
    const resident = b.residentId ? await this.d.reads.residentOf(user.tenantId, b.residentId) : null;
    if (b.residentId && !resident) throw badReference('residentId');
    const digits = b.callerPhone.replace(/\D/g, '');
    const caller = { phone: b.callerPhone, name: b.callerName, address: b.address };
    const now = this.now();
    // A new incident opens already held by the call taker (no ring, no "unclaimed" moment), with its checklist.
    const checklist = this.d.plans
      ? await this.d.plans.checklistFor(user.tenantId, b.kind, resident?.id ?? null).catch(() => null)
      : null;
    const { alert, created } = await this.d.raiser.raiseRow(
      { id: null, tenantId: user.tenantId, residentId: resident?.id ?? null, institutionId: null },
      { kind: b.kind, severity: PHONE_SEVERITY[b.kind], queue: 'emergency' },
      {
        ts: now,
        eventId: null,
        type: 'phone_call',
        detail: { kind: b.kind, callerPhone: b.callerPhone, callerName: b.callerName, address: b.address },
      },
      {
        source: 'phone',
        caller,
        receivedAt: now.getTime(),
        ...(resident ? {} : { subjectKey: `phone:${digits}` }),
        heldBy: {
          userId: user.id,
          dueAt: new Date(now.getTime() + this.d.rules(user.tenantId).resolveEscalationMs),
          checklist,
        },
        audit: [{ actorId: user.id, action: 'phone_call', note: b.note, data: { kind: b.kind, caller } }],
      },
    );
    // Folded into an incident nobody holds yet: the call taker takes it (someone else's stays theirs).
    if (alert.status === 'open' || alert.status === 'pending')
      return { alert: await this.claim(user, alert.id).catch(() => this.current(alert.id, alert)), created };
    return { alert, created };
  }

  private async current(id: string, fallback: Alert): Promise<Alert> {
    const row = await this.d.repo.get(id);
    return row ? this.d.raiser.publish(row) : fallback;
  }
}
