/**
 * The live channel to dashboards (socket.io). Only authenticated users connect; each joins rooms by
 * tenant, role and institution and so receives exactly the alerts it may see. On every (re)connect
 * the client gets a snapshot — the active alerts, or everything changed after the last `seq` it
 * holds — so no update is lost across a dropped connection. What is sent about alerts is sent by
 * the alerts gateway (modules/alerts/alerts.gateway.ts).
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { ClientToServerEvents, ProvisionalAlert, ServerToClientEvents, User } from '@eldercare/shared';
import { can } from '@eldercare/shared';
import type { Logger } from '../logger.js';
import type { AuthService } from '../modules/auth/auth.service.js';
import type { AlertViews } from '../modules/alerts/alert-views.service.js';
import { SESSION_COOKIE } from '../modules/auth/auth.middleware.js';

interface SocketData {
  user: User;
  /** When it connected, by the hub's clock. */
  connectedAt?: number;
}
type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
/** Between hubs (socket.io adapter, e.g. Redis): the provisional alarms each hub holds in memory. */
export interface InterServerEvents {
  'provisional:add': (alert: ProvisionalAlert, tenantId: string) => void;
  'provisional:clear': (ids: string[]) => void;
}

export type HubIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export const rooms = {
  dispatch: (tenantId: string) => `t:${tenantId}:dispatch`,
  dispatchers: (tenantId: string) => `t:${tenantId}:dispatchers`,
  supervisors: (tenantId: string) => `t:${tenantId}:supervisors`,
  /** Under its tenant: a user bound to an institution id gets only that tenant's alerts for it. */
  institution: (tenantId: string, institutionId: string) => `t:${tenantId}:i:${institutionId}`,
};

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

export function createRealtime(
  httpServer: HttpServer,
  deps: {
    auth: AuthService;
    alerts: Pick<AlertViews, 'sync'>;
    log: Logger;
    onError(where: string): void;
    /** Provisional alarms (degraded mode) this user may see, sent on connect. */
    provisional?(user: User): ProvisionalAlert[];
    /** Heartbeat: a client silent for pingInterval + pingTimeout is dropped (default 10 s + 10 s). */
    ping?: { intervalMs: number; timeoutMs: number };
    /** The hub's clock (when each screen connected). */
    now?: () => number;
  },
): HubIo {
  const io: HubIo = new Server(httpServer, {
    serveClient: false,
    // A stuck client must not hold memory or slow others: bounded buffers, and ping-based eviction.
    maxHttpBufferSize: 64 * 1024,
    pingInterval: deps.ping?.intervalMs ?? 10_000,
    pingTimeout: deps.ping?.timeoutMs ?? 10_000,
    connectionStateRecovery: undefined,
  });

  io.use((socket, next) => {
    const token =
      (typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : undefined) ??
      cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
    if (!token) return next(new Error('unauthorized'));
    deps.auth.authenticate(token).then(
      (user) => {
        if (!user) return next(new Error('unauthorized'));
        if (!can(user.role, 'alerts.watch')) return next(new Error('forbidden'));
        socket.data.user = user;
        next();
      },
      () => next(new Error('unavailable')),
    );
  });

  io.on('connection', (socket: HubSocket) => {
    const user = socket.data.user;
    socket.data.connectedAt = deps.now?.() ?? Date.now();
    if (can(user.role, 'alerts.dispatch')) void socket.join(rooms.dispatch(user.tenantId));
    if (user.role === 'dispatcher') void socket.join(rooms.dispatchers(user.tenantId));
    if (can(user.role, 'alerts.escalations')) void socket.join(rooms.supervisors(user.tenantId));
    if (user.role === 'institution_staff' && user.institutionId)
      void socket.join(rooms.institution(user.tenantId, user.institutionId));
    for (const p of deps.provisional?.(user) ?? []) socket.emit('alert:provisional', p);
    const since = Number(socket.handshake.auth?.since ?? 0) || 0;
    deps.alerts.sync(user, since).then(
      (snap) => socket.emit('alerts:snapshot', snap),
      (err: Error) => {
        deps.onError('socket:snapshot');
        deps.log.error({ err }, 'snapshot failed');
      },
    );
    socket.on('sync', (p, ack) => {
      if (typeof ack !== 'function') return;
      const s = Number(p?.since ?? 0) || 0;
      deps.alerts.sync(user, s).then(ack, (err: Error) => {
        deps.onError('socket:sync');
        deps.log.error({ err }, 'sync failed');
      });
    });
  });
  return io;
}

/**
 * Everyone who may see an alarm: the tenant's dispatch roles and, for a resident of an institution,
 * that institution's staff of the same tenant (a socket in both rooms gets each message once).
 */
export function viewersOf(io: HubIo, tenantId: string, institutionId: string | null) {
  return io.to(
    institutionId ? [rooms.dispatch(tenantId), rooms.institution(tenantId, institutionId)] : rooms.dispatch(tenantId),
  );
}

/** The dispatch-room screens open now for a tenant (every hub, through the adapter): who, and since when. */
export async function connectedScreens(
  io: HubIo,
  tenantId: string,
): Promise<{ userId: string; name: string; role: string; connectedAt: number }[]> {
  return (await io.in(rooms.dispatch(tenantId)).fetchSockets()).map((s) => ({
    userId: s.data.user.id,
    name: s.data.user.name,
    role: s.data.user.role,
    connectedAt: s.data.connectedAt ?? s.handshake.issued,
  }));
}
