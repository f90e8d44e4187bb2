/**
 * Opens an incident or folds a signal into the subject's open one (one incident per person), with
 * what the alarm needs to say: the resident (cached), the place of an institution's alarm (cached),
 * its priority and deadlines. Every change goes to the screens through the gateway.
 */
import type { Alert, AlertKind, AlertPlace, Severity } from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import type { RegisteredDevice } from '../devices/device-registry.js';
import { SEVERITY_RANK, priorityOf, type AlertRules, type CancelWindowTiming } from './alert-rules.js';
import type { AlertRow, AlertsRepo, RaiseInput } from './alerts.repo.js';
import type { AlertContextRepo } from './alert-context.repo.js';
import type { AlertsGateway } from './alerts.gateway.js';
import { TITLES, placeFromRow, toAlert } from './alert-model.js';

export interface ResidentCtx {
  name: string;
  risks: string[];
  institutionId: string | null;
  thresholds: Record<string, number>;
}

const RESIDENT_CACHE_MAX = 50_000;

/** Whose incident a signal is: a device (or none: a phone call, a visit) and its resident and institution. */
export type Subject = Pick<RegisteredDevice, 'tenantId' | 'residentId' | 'institutionId'> & {
  id: string | null;
  roomId?: string | null;
};

export class AlertRaiser {
  private readonly residentCache = new Map<string, { at: number; ctx: ResidentCtx | null }>();
  private readonly residentLoads = new Map<string, Promise<ResidentCtx | null>>();
  private readonly places = new Map<string, { at: number; place: AlertPlace | null }>();

  constructor(
    private readonly d: {
      repo: Pick<AlertsRepo, 'raise'>;
      context: AlertContextRepo;
      clock: Clock;
      log: Logger;
      rules(tenantId: string): AlertRules;
      gateway: Pick<AlertsGateway, 'alert' | 'folded'>;
    },
  ) {}

  private now(): Date {
    return new Date(this.d.clock.now());
  }

  /** The resident's context if this hub holds it (no database access: early notices, outage mode). */
  cachedResident(id: string | null): ResidentCtx | null {
    return id ? (this.residentCache.get(id)?.ctx ?? null) : null;
  }

  /**
   * The resident's alert context, cached for a minute. One lookup per resident at a time (a burst of
   * telemetry from a resident's devices must not queue a query per message on the database), and a
   * stale entry answers at once while it is refreshed.
   */
  async resident(id: string | null): Promise<ResidentCtx | null> {
    if (!id) return null;
    const hit = this.residentCache.get(id);
    if (hit && this.d.clock.now() - hit.at < 60_000) return hit.ctx;
    let load = this.residentLoads.get(id);
    if (!load) {
      load = this.loadResident(id).finally(() => this.residentLoads.delete(id));
      this.residentLoads.set(id, load);
    }
    if (hit) {
      load.catch(() => {}); // the stale entry stays until a refresh succeeds
      return hit.ctx;
    }
    return load;
  }

  /**
   * Loads the residents behind devices into the cache at start, so the first alarm of each can be
   * announced (early notice) and, during a database outage, shown with the elder's name.
   */
  async warmResidents(): Promise<number> {
    const rows = await this.d.context.residentContexts(RESIDENT_CACHE_MAX);
    const at = this.d.clock.now();
    for (const row of rows) {
      if (this.residentCache.has(row.id)) continue;
      this.residentCache.set(row.id, {
        at,
        ctx: {
          name: row.name,
          risks: row.risk_categories,
          institutionId: row.institution_id,
          thresholds: row.thresholds,
        },
      });
    }
    return rows.length;
  }

  private async loadResident(id: string): Promise<ResidentCtx | null> {
    const row = await this.d.context.residentContext(id);
    const ctx = row
      ? { name: row.name, risks: row.risk_categories, institutionId: row.institution_id, thresholds: row.thresholds }
      : null;
    if (this.residentCache.size > RESIDENT_CACHE_MAX) this.residentCache.clear();
    this.residentCache.set(id, { at: this.d.clock.now(), ctx });
    return ctx;
  }

  /** Where a resident's alarm comes from (institution, room, bed; null at home), without the staff on shift. */
  async placeOfResident(residentId: string, institutionId: string): Promise<AlertPlace | null> {
    const row = await this.d.context.placeOf({ institutionId, roomId: null, residentId });
    return row ? { ...placeFromRow(row), staffOnShift: [] } : null;
  }

  publish(row: AlertRow): Alert {
    const a = toAlert(row);
    this.d.gateway.alert(a, row.tenant_id);
    return a;
  }

  /**
   * Opens or folds an alert for a device's subject (its resident, else the device itself). With
   * `timing` (an event with a cancel window) it waits pending, or opens as of the window's end.
   */
  /**
   * Where a device's alarm comes from when it belongs to an institution (room, bed, shared device),
   * cached for a minute per device.
   */
  private async placeOf(
    device: Pick<RegisteredDevice, 'residentId' | 'institutionId'> & { id: string | null; roomId?: string | null },
    ctx: ResidentCtx | null,
  ): Promise<AlertPlace | null> {
    const institutionId = device.institutionId ?? ctx?.institutionId ?? null;
    if (!institutionId && !device.roomId) return null;
    const key = `${device.id ?? ''}|${device.residentId ?? ''}`;
    const hit = this.places.get(key);
    if (hit && this.d.clock.now() - hit.at < 60_000) return hit.place;
    const row = await this.d.context.placeOf({
      institutionId,
      roomId: device.roomId ?? null,
      residentId: device.residentId,
    });
    const place: AlertPlace | null = row
      ? {
          ...placeFromRow(row),
          staffOnShift: row.staff,
        }
      : null;
    if (this.places.size > RESIDENT_CACHE_MAX) this.places.clear();
    this.places.set(key, { at: this.d.clock.now(), place });
    return place;
  }

  /**
   * Opens or folds an alert for a device's subject (its resident, else the device itself). With
   * `timing` (an event with a cancel window) it waits pending, or opens as of the window's end. Every
   * time it stores is the hub's: `receivedAt` (default now); the signal's `ts` is kept as data.
   */
  async raise(
    device: Pick<RegisteredDevice, 'tenantId' | 'residentId' | 'institutionId'> & {
      id: string | null;
      roomId?: string | null;
    },
    c: { kind: AlertKind; severity: Severity; queue: 'emergency' | 'device_health' },
    signal: { ts: Date; eventId: string | null; type: string; detail: Record<string, unknown> },
    opts: {
      location?: { lat: number; lon: number } | null;
      timing?: CancelWindowTiming | null;
      receivedAt?: number;
      subjectKey?: string;
      source?: 'device' | 'phone' | 'system';
      caller?: { phone: string; name: string; address: string } | null;
    } = {},
  ): Promise<Alert> {
    return (await this.raiseRow(device, c, signal, opts)).alert;
  }

  async raiseRow(
    device: Pick<RegisteredDevice, 'tenantId' | 'residentId' | 'institutionId'> & {
      id: string | null;
      roomId?: string | null;
    },
    c: { kind: AlertKind; severity: Severity; queue: 'emergency' | 'device_health' },
    signal: { ts: Date; eventId: string | null; type: string; detail: Record<string, unknown> },
    opts: {
      location?: { lat: number; lon: number } | null;
      timing?: CancelWindowTiming | null;
      receivedAt?: number;
      subjectKey?: string;
      source?: 'device' | 'phone' | 'system';
      caller?: { phone: string; name: string; address: string } | null;
      heldBy?: RaiseInput['heldBy'];
      audit?: RaiseInput['audit'];
    },
  ): Promise<{ alert: Alert; created: boolean }> {
    const rules = this.d.rules(device.tenantId);
    const ctx = await this.resident(device.residentId);
    const now = this.now();
    const receivedAt = new Date(Math.min(opts.receivedAt ?? now.getTime(), now.getTime()));
    const timing = opts.timing ?? null;
    const pendingUntil = timing && 'pendingUntil' in timing ? timing.pendingUntil : null;
    const pending = pendingUntil !== null;
    const escalateAfter = c.queue === 'device_health' ? rules.deviceHealthEscalationMs : rules.ackEscalationMs;
    const subjectKey =
      opts.subjectKey ??
      (c.queue === 'device_health'
        ? `device:${device.id}`
        : device.residentId
          ? `resident:${device.residentId}`
          : `device:${device.id}`);
    const place = await this.placeOf(device, ctx).catch((err: Error) => {
      // The alarm goes on without its place rather than not at all.
      this.d.log.warn({ deviceId: device.id, err }, 'place of alarm not found');
      return null;
    });
    const { row, created, duplicate, newKind, previousSeverity } = await this.d.repo.raise(
      {
        tenantId: device.tenantId,
        residentId: device.residentId,
        institutionId: device.institutionId ?? ctx?.institutionId ?? null,
        deviceId: device.id,
        queue: c.queue,
        kind: c.kind,
        severity: c.severity,
        severityRank: SEVERITY_RANK[c.severity],
        priority: priorityOf(c.severity, ctx?.risks ?? []),
        title: TITLES[c.kind],
        status: pending ? 'pending' : 'open',
        dueAt: new Date(pendingUntil ?? receivedAt.getTime() + escalateAfter),
        ackDueAt: new Date(receivedAt.getTime() + escalateAfter),
        openedAt: timing && 'openedAt' in timing ? new Date(timing.openedAt) : undefined,
        opensPending: !pending,
        location: opts.location ?? null,
        place,
        // The outbox event of a new incident: the family hears of an emergency once it reaches
        // dispatch (a fall after its cancel window: see openDuePending); device health to whoever chose it.
        notifyOnCreate: c.queue === 'device_health' ? 'device_health' : pending ? null : 'family_raised',
        source: opts.source ?? (device.id ? 'device' : 'system'),
        caller: opts.caller ?? null,
        heldBy: opts.heldBy ?? null,
        audit: opts.audit ?? [],
        signal: {
          ts: signal.ts,
          receivedAt,
          deviceId: device.id,
          eventId: signal.eventId,
          type: signal.type,
          detail: signal.detail,
        },
      },
      subjectKey,
    );
    if (duplicate) return { alert: toAlert(row), created: false };
    this.d.log.info(
      { alertId: row.id, kind: c.kind, created, deviceId: device.id },
      created ? 'alert raised' : 'signal folded into alert',
    );
    const alert = this.publish(row);
    if (newKind && !created) {
      // Whoever holds the incident hears of the new kind (and it rings if it made the incident critical).
      this.d.gateway.folded(
        {
          alertId: alert.id,
          kind: c.kind,
          severity: c.severity,
          previousSeverity: (previousSeverity ?? alert.severity) as Severity,
          becameCritical: alert.severity === 'critical' && previousSeverity !== 'critical',
          holderId: alert.acknowledgedBy,
          at: receivedAt.toISOString(),
          alert,
        },
        device.tenantId,
      );
    }
    return { alert, created };
  }
}
