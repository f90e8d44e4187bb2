/**
 * The live alert queue, fed by the hub's socket.io channel. Every (re)connect sends `since` = the
 * highest seq held, so the hub replays only what changed; a `full` snapshot replaces the active set.
 * The connection state drives the "live connection lost" banner.
 */
import { io, type Socket } from 'socket.io-client';
import type {
  Alert,
  ClientToServerEvents,
  EscalationNotice,
  FoldNotice,
  LiveSettings,
  ProvisionalAlert,
  ServerToClientEvents,
  User,
  WatchdogNotice,
} from '@eldercare/shared';
import { can } from '@eldercare/shared';
import { client, send } from './api';
import { AlertIndex, canWatchAlerts, needsAttention } from './alerts';
import { NotificationFeed } from './notification-feed.svelte';

type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionStatus = 'idle' | 'connecting' | 'live' | 'down';

/** The state of the live channel. `down` means the board may be stale. */
export class Connection {
  status = $state<ConnectionStatus>('idle');
  /** When the channel last went down (ms), for "since …". */
  downSince = $state<number | null>(null);
  /** Whether the first snapshot has arrived since the last connect. */
  synced = $state(false);
  hub = $state<{ mqtt: boolean; database: boolean; at: string } | null>(null);

  get down(): boolean {
    return this.status === 'down';
  }

  /** The hub is connected but tells us its broker or database is unreachable. */
  get brokerDown(): boolean {
    return this.status === 'live' && this.hub?.mqtt === false;
  }

  get databaseDown(): boolean {
    return this.status === 'live' && this.hub?.database === false;
  }

  set(status: ConnectionStatus): void {
    if (status === 'down' && this.status !== 'down') this.downSince = Date.now();
    if (status !== 'down') this.downSince = null;
    if (status !== 'live') this.synced = false;
    this.status = status;
  }
}

export class AlertStore {
  /** Active alerts, most urgent first. */
  list = $state.raw<Alert[]>([]);
  /** Highest change number held; sent as `since` on reconnect. */
  seq = $state(0);
  /** Bumped on every change, for screens that refresh derived data. */
  version = $state(0);
  watchdog = $state<WatchdogNotice | null>(null);
  /**
   * Alarms the hub received while its database was unreachable (degraded mode): shown live, not
   * claimable; each is removed when the hub has turned it into a normal incident.
   */
  provisional = $state.raw<ProvisionalAlert[]>([]);
  /**
   * Alarms that have just arrived and are being recorded (early notice, before the database has
   * them): shown and rung at once; each is removed when its incident has arrived.
   */
  incoming = $state.raw<ProvisionalAlert[]>([]);
  /**
   * The newest critical alarm that needs someone (new, or just made critical, and unclaimed): the
   * dispatch board brings it into view and announces it, even while another incident is open.
   */
  attention = $state<{ id: string; at: number } | null>(null);
  /** Escalations the hub sent (supervisors: "escalated to you"), newest first, until dismissed. */
  escalations = $state.raw<EscalationNotice[]>([]);
  /** Signals of another kind folded into incidents this user holds (or unclaimed ones), until seen. */
  folds = $state.raw<FoldNotice[]>([]);
  /** Per-tenant settings for the live screens (sent with every snapshot). */
  settings = $state<LiveSettings>({ ringHigh: true });
  readonly connection = new Connection();
  /** Messages sent about incidents (delivery timeline, and those that gave up). */
  readonly notifications = new NotificationFeed();

  private index = new AlertIndex();
  private socket: HubSocket | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retries = 0;
  private userId: string | null = null;
  /** Supervisors and admins are the ones escalations go to. */
  private escalationsToMe = false;

  get(id: string): Alert | undefined {
    return this.index.active.get(id);
  }

  /** Connects for a signed-in user who may watch alerts; disconnects otherwise. Idempotent. */
  start(user: User | null): void {
    const id = user && canWatchAlerts(user.role) ? user.id : null;
    if (id === this.userId) return;
    this.stop();
    if (!id) return;
    this.userId = id;
    this.escalationsToMe = can(user!.role, 'alerts.escalations');
    this.connection.set('connecting');
    const socket: HubSocket = io({
      path: '/socket.io',
      withCredentials: true,
      // A function, so every reconnect sends the seq held at that moment.
      auth: (cb) => cb({ since: this.index.seq }),
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      timeout: 8000,
    });
    this.socket = socket;
    socket.on('connect', () => {
      this.retries = 0;
      this.connection.set('live');
    });
    socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return;
      this.connection.set('down');
      // The server closed us: socket.io does not retry that by itself.
      if (reason === 'io server disconnect') this.retryLater();
    });
    socket.on('connect_error', (err) => {
      this.connection.set('down');
      if (err.message === 'unauthorized') {
        // Ends the session (and shows the login screen) if the cookie expired.
        void send(client.GET('/api/auth/me')).catch(() => undefined);
      }
      if (!socket.active) this.retryLater();
    });
    socket.on('alerts:snapshot', (s) => {
      this.index.snapshot(s);
      if (s.settings) this.settings = s.settings;
      this.connection.synced = true;
      this.publish();
    });
    socket.on('alert:upsert', (a) => this.upsert(a));
    socket.on('alert:escalated', (n) => {
      this.upsert(n.alert);
      if (!this.escalationsToMe) return;
      this.escalations = [n, ...this.escalations.filter((x) => x.alertId !== n.alertId)].slice(0, 20);
    });
    socket.on('alert:folded', (n) => {
      this.upsert(n.alert);
      // The holder is told; while nobody holds it, everyone who sees it.
      if (n.holderId && n.holderId !== this.userId) return;
      this.folds = [n, ...this.folds.filter((x) => x.alertId !== n.alertId)].slice(0, 20);
    });
    socket.on('watchdog:alarm', (n) => (this.watchdog = n));
    socket.on('hub:status', (s) => (this.connection.hub = s));
    socket.on('alert:provisional', (p) => {
      this.provisional = [...this.provisional.filter((x) => x.id !== p.id), p];
      this.connection.hub = { mqtt: this.connection.hub?.mqtt ?? true, database: false, at: p.receivedAt };
    });
    socket.on('alert:provisional-cleared', ({ ids }) => {
      this.provisional = this.provisional.filter((x) => !ids.includes(x.id));
    });
    socket.on('alert:incoming', (p) => {
      this.incoming = [...this.incoming.filter((x) => x.id !== p.id), p];
    });
    socket.on('alert:incoming-done', ({ ids }) => {
      this.incoming = this.incoming.filter((x) => !ids.includes(x.id));
    });
    socket.on('notification:update', (n) => this.notifications.update(n));
    socket.on('notification:dead', (n) => this.notifications.gaveUp(n));
  }

  stop(): void {
    clearTimeout(this.retryTimer);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.userId = null;
    this.index = new AlertIndex();
    this.list = [];
    this.seq = 0;
    this.watchdog = null;
    this.provisional = [];
    this.incoming = [];
    this.attention = null;
    this.escalations = [];
    this.folds = [];
    this.notifications.clear();
    this.connection.set('idle');
  }

  /** Dismisses the escalation and fold notices of an alert (seen by the user). */
  seen(alertId: string): void {
    this.escalations = this.escalations.filter((x) => x.alertId !== alertId);
    this.folds = this.folds.filter((x) => x.alertId !== alertId);
  }

  private upsert(a: Alert): void {
    const before = this.index.active.get(a.id);
    if (!this.index.merge(a)) {
      this.seq = this.index.seq;
      return;
    }
    if (needsAttention(before, a)) this.attention = { id: a.id, at: Date.now() };
    // A notice of an alert that closed or was claimed by someone else is void.
    if (!this.index.active.has(a.id)) this.seen(a.id);
    this.publish();
  }

  /** Puts an alert the REST API just returned into the queue at once (the socket confirms it later). */
  apply(a: Alert): void {
    if (this.index.merge(a)) this.publish();
  }

  private retryLater(): void {
    clearTimeout(this.retryTimer);
    const delay = Math.min(3000, 500 * 2 ** Math.min(this.retries++, 3));
    this.retryTimer = setTimeout(() => {
      if (this.socket && !this.socket.connected) this.socket.connect();
    }, delay);
  }

  private publish(): void {
    this.list = this.index.sorted();
    this.seq = this.index.seq;
    this.version++;
  }
}

export const alertStore = new AlertStore();
