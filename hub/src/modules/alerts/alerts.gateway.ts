/**
 * The one place alert events become socket sends: every change of an incident, its escalations and
 * folds, early notices and provisional alarms, and the watchdog. Each goes to the screens that may
 * see it (the tenant's dispatch roles and, for an institution's incident, that institution's staff).
 * Nothing is sent before the HTTP server is up (no screen is connected yet).
 */
import type { Alert, EscalationNotice, FoldNotice, ProvisionalAlert, WatchdogNotice } from '@eldercare/shared';
import type { LiveSockets } from '../../realtime/live.js';
import { rooms, viewersOf, type HubIo } from '../../realtime/socket.js';

export class AlertsGateway {
  constructor(private readonly sockets: LiveSockets) {}

  private get io(): HubIo | null {
    return this.sockets.io;
  }

  /** An incident changed: everyone who may see it. */
  alert(alert: Alert, tenantId: string): void {
    if (this.io) viewersOf(this.io, tenantId, alert.institutionId).emit('alert:upsert', alert);
  }

  /**
   * An escalation: to the supervisors on screen (level 1 is "escalated to supervisors", later levels
   * are reminders) and to the dispatch screens, which show it on the alert.
   */
  escalated(notice: EscalationNotice, tenantId: string): void {
    const to = [rooms.supervisors(tenantId), rooms.dispatch(tenantId)];
    if (notice.alert.institutionId) to.push(rooms.institution(tenantId, notice.alert.institutionId));
    this.io?.to(to).emit('alert:escalated', notice);
  }

  /** A signal of another kind folded into an incident: everyone who may see it (the screen of its holder announces it). */
  folded(notice: FoldNotice, tenantId: string): void {
    if (this.io) viewersOf(this.io, tenantId, notice.alert.institutionId).emit('alert:folded', notice);
  }

  /** An alarm arrived and is being recorded (early notice); `incomingDone` takes it away. */
  incoming(alert: ProvisionalAlert, tenantId: string): void {
    if (this.io) viewersOf(this.io, tenantId, alert.institutionId).emit('alert:incoming', alert);
  }

  incomingDone(alert: ProvisionalAlert, tenantId: string): void {
    if (this.io) viewersOf(this.io, tenantId, alert.institutionId).emit('alert:incoming-done', { ids: [alert.id] });
  }

  /** A provisional alarm (degraded mode); with `share`, the other hubs (socket.io adapter) hold it too. */
  provisional(alert: ProvisionalAlert, tenantId: string, share: boolean): void {
    if (!this.io) return;
    if (share) this.io.serverSideEmit('provisional:add', alert, tenantId);
    viewersOf(this.io, tenantId, alert.institutionId).emit('alert:provisional', alert);
  }

  /** Provisional alarms whose events went through the normal path, by room; with `share`, on every hub. */
  provisionalCleared(byRoom: Map<string, string[]>, ids: string[], share: boolean): void {
    if (!this.io) return;
    if (share && ids.length) this.io.serverSideEmit('provisional:clear', ids);
    for (const [room, list] of byRoom) this.io.to(room).emit('alert:provisional-cleared', { ids: list });
  }

  /** The provisional alarms other hubs hold (several hubs share one socket.io adapter). */
  onSharedProvisional(add: (alert: ProvisionalAlert, tenantId: string) => void, clear: (ids: string[]) => void): void {
    this.io?.on('provisional:add', add);
    this.io?.on('provisional:clear', clear);
  }

  /** Nobody watching, or a critical alarm waiting: the supervisors and the dispatch screens. */
  watchdog(tenantId: string, notice: WatchdogNotice): void {
    this.io?.to(rooms.supervisors(tenantId)).emit('watchdog:alarm', notice);
    this.io?.to(rooms.dispatch(tenantId)).emit('watchdog:alarm', notice);
  }

  /** Dispatchers on screen now for a tenant (every hub, through the adapter); null before the server is up. */
  async connectedDispatchers(tenantId: string): Promise<number | null> {
    if (!this.io) return null;
    return (await this.io.in(rooms.dispatchers(tenantId)).fetchSockets()).length;
  }
}
