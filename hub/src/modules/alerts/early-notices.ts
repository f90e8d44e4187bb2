/**
 * Early notices of alarms: an alarm that opens at once is pushed to the screens that may see it the
 * moment it arrives, before its event is stored and its incident raised (which waits for the
 * database; on the embedded database behind a telemetry batch). The incident's `alert:upsert`
 * follows, then `alert:incoming-done` removes the notice. With several hubs the socket.io adapter
 * carries both to every hub's clients. Notices live for the milliseconds the hub takes to record
 * the alarm; they are not replayed to clients that connect later (the incident is).
 */
import type { ProvisionalAlert } from '@eldercare/shared';
import type { AlertsGateway } from './alerts.gateway.js';

export class EarlyNotices {
  /** Announced and not yet done, by ProvisionalAlert.id. */
  private readonly open = new Map<string, { alert: ProvisionalAlert; tenantId: string }>();

  constructor(private readonly gateway: AlertsGateway) {}

  get size(): number {
    return this.open.size;
  }

  announce(alert: ProvisionalAlert, tenantId: string): void {
    this.open.set(alert.id, { alert, tenantId });
    this.gateway.incoming(alert, tenantId);
  }

  done(id: string): void {
    const n = this.open.get(id);
    if (!n) return;
    this.open.delete(id);
    this.gateway.incomingDone(n.alert, n.tenantId);
  }
}
