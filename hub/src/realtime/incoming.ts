/**
 * Early notices of alarms: an alarm that opens at once is pushed to the screens that may see it the
 * moment it arrives, before its event is stored and its incident raised (which waits for the
 * database; on the embedded database behind a telemetry batch). The incident's `alert:upsert`
 * follows, then `alert:incoming-done` removes the notice. With several hubs the socket.io adapter
 * carries both to every hub's clients. Notices live for the milliseconds the hub takes to record
 * the alarm; they are not replayed to clients that connect later (the incident is).
 */
import type { ProvisionalAlert } from '@eldercare/shared';
import { viewersOf, type HubIo } from './socket.js';

export class IncomingNotices {
  /** Announced and not yet done, by ProvisionalAlert.id. */
  private readonly open = new Map<string, { alert: ProvisionalAlert; tenantId: string }>();

  constructor(private readonly io: () => HubIo | null) {}

  get size(): number {
    return this.open.size;
  }

  announce(alert: ProvisionalAlert, tenantId: string): void {
    this.open.set(alert.id, { alert, tenantId });
    const io = this.io();
    if (!io) return;
    viewersOf(io, tenantId, alert.institutionId).emit('alert:incoming', alert);
  }

  done(id: string): void {
    const n = this.open.get(id);
    if (!n) return;
    this.open.delete(id);
    const io = this.io();
    if (!io) return;
    viewersOf(io, n.tenantId, n.alert.institutionId).emit('alert:incoming-done', { ids: [id] });
  }
}
