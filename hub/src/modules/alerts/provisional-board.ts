/**
 * Provisional alarms (degraded mode): events spooled while the database is unreachable, shown live
 * on dispatch screens (and the institution's screens) until the replay turns them into real
 * incidents. Held in memory and sent again to every (re)connecting client. With several hubs
 * (socket.io adapter) each hub also tells the others, so a dashboard that reconnects to another
 * hub during the outage still gets them; the spooling hub's replay clears them everywhere.
 */
import type { ProvisionalAlert, User } from '@eldercare/shared';
import { can } from '@eldercare/shared';
import { rooms } from '../../realtime/socket.js';
import type { AlertsGateway } from './alerts.gateway.js';

export class ProvisionalBoard {
  private readonly byId = new Map<string, { alert: ProvisionalAlert; tenantId: string }>();
  /** Several hubs share one socket.io adapter: tell the others. */
  private shared = false;

  constructor(private readonly gateway: AlertsGateway) {}

  /** Receives the provisional alarms of the other hubs (call once the socket server exists). */
  listen(): void {
    this.shared = true;
    this.gateway.onSharedProvisional(
      (alert, tenantId) => this.byId.set(alert.id, { alert, tenantId }),
      (ids) => {
        for (const id of ids) this.byId.delete(id);
      },
    );
  }

  get size(): number {
    return this.byId.size;
  }

  add(alert: ProvisionalAlert, tenantId: string): void {
    this.byId.set(alert.id, { alert, tenantId });
    this.gateway.provisional(alert, tenantId, this.shared);
  }

  /** The events behind these ids went through the normal path: remove them from every screen. */
  clear(ids: string[]): void {
    const byRoom = new Map<string, string[]>();
    const add = (room: string, id: string) => byRoom.set(room, [...(byRoom.get(room) ?? []), id]);
    for (const id of ids) {
      const p = this.byId.get(id);
      if (!p) continue;
      this.byId.delete(id);
      add(rooms.dispatch(p.tenantId), id);
      if (p.alert.institutionId) add(rooms.institution(p.tenantId, p.alert.institutionId), id);
    }
    this.gateway.provisionalCleared(byRoom, ids, this.shared);
  }

  /** What a user may see (for a client that connects during the outage). */
  visibleTo(user: User): ProvisionalAlert[] {
    const out: ProvisionalAlert[] = [];
    for (const { alert, tenantId } of this.byId.values()) {
      if (tenantId !== user.tenantId) continue;
      if (
        can(user.role, 'alerts.dispatch') ||
        (user.role === 'institution_staff' && alert.institutionId === user.institutionId)
      )
        out.push(alert);
    }
    return out;
  }
}
