/**
 * Provisional alarms (degraded mode): events spooled while the database is unreachable, shown live
 * on dispatch screens (and the institution's screens) until the replay turns them into real
 * incidents. Held in memory and sent again to every (re)connecting client. With several hubs
 * (socket.io adapter) each hub also tells the others, so a dashboard that reconnects to another
 * hub during the outage still gets them; the spooling hub's replay clears them everywhere.
 */
import type { ProvisionalAlert, User } from '@eldercare/shared';
import { rooms, viewersOf, type HubIo } from './socket.js';

const DISPATCH = new Set(['admin', 'coordinator', 'dispatcher', 'supervisor']);

export class ProvisionalBoard {
  private readonly byId = new Map<string, { alert: ProvisionalAlert; tenantId: string }>();
  /** Several hubs share one socket.io adapter: tell the others. */
  private shared = false;

  constructor(private readonly io: () => HubIo | null) {}

  /** Receives the provisional alarms of the other hubs (call once the socket server exists). */
  listen(io: HubIo): void {
    this.shared = true;
    io.on('provisional:add', (alert, tenantId) => this.byId.set(alert.id, { alert, tenantId }));
    io.on('provisional:clear', (ids) => {
      for (const id of ids) this.byId.delete(id);
    });
  }

  get size(): number {
    return this.byId.size;
  }

  add(alert: ProvisionalAlert, tenantId: string): void {
    this.byId.set(alert.id, { alert, tenantId });
    const io = this.io();
    if (!io) return;
    if (this.shared) io.serverSideEmit('provisional:add', alert, tenantId);
    viewersOf(io, tenantId, alert.institutionId).emit('alert:provisional', alert);
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
    const io = this.io();
    if (!io) return;
    if (this.shared && ids.length) io.serverSideEmit('provisional:clear', ids);
    for (const [room, list] of byRoom) io.to(room).emit('alert:provisional-cleared', { ids: list });
  }

  /** What a user may see (for a client that connects during the outage). */
  visibleTo(user: User): ProvisionalAlert[] {
    const out: ProvisionalAlert[] = [];
    for (const { alert, tenantId } of this.byId.values()) {
      if (tenantId !== user.tenantId) continue;
      if (DISPATCH.has(user.role) || (user.role === 'institution_staff' && alert.institutionId === user.institutionId))
        out.push(alert);
    }
    return out;
  }
}
