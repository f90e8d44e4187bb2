// One client connection of the embedded database's wire server (wire-server.mjs): it reads the
// socket's bytes as protocol messages — the start-up phase (handed to wire-auth.mjs), then typed
// messages, every complete exchange (up to a Sync, a simple Query, ...) handed to the server's
// queue as one request — and writes answers and FATAL errors back.
import { passwordMessage, startupMessage } from './wire-auth.mjs';
import {
  BACKUP,
  COPY_REFUSED,
  EXCHANGE_ENDS,
  MAX_STARTUP,
  copiesFromStdin,
  errorResponse,
  isBaseBackup,
} from './wire-protocol.mjs';

export class Session {
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
        startupMessage(this, code, msg);
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
        passwordMessage(this, body);
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
