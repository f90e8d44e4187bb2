// The PostgreSQL wire protocol as the embedded database's wire server (wire-server.mjs) speaks it:
// codes and statuses, message builders, and readers of the messages it passes between the clients
// and PGlite's backend.

export const SSL_REQUEST = 80877103;
export const GSS_REQUEST = 80877104;
export const CANCEL_REQUEST = 80877102;
/** The protocol version of a StartupMessage (3.0). */
export const PROTOCOL_3 = 196608;
/** Messages after which the client waits for answers: Sync, Query, Flush, Terminate, password, CopyDone, CopyFail. */
export const EXCHANGE_ENDS = new Set(['S', 'Q', 'H', 'X', 'p', 'c', 'f'].map((c) => c.charCodeAt(0)));
export const IDLE = 0x49; // ReadyForQuery status 'I' (not in a transaction); 'T' in one, 'E' in a failed one
/** Not a ReadyForQuery status: the backend answered without one and waits for more of the session's exchange. */
export const PENDING = 0;
/** Longest start-up packet accepted (PostgreSQL's own limit is 10,000 bytes). */
export const MAX_STARTUP = 10_000;
/** ReadyForQuery, not in a transaction. */
export const READY_IDLE = Buffer.from([0x5a, 0, 0, 0, 5, IDLE]);
/** Stands in for a BASE_BACKUP request in the queue. */
export const BACKUP = new Uint8Array(0);

/** A typed protocol message: type byte, length, body. */
export function message(type, body) {
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}

/** A StartupMessage (protocol 3.0) with `params`. */
export function startupMessage(params) {
  const body = Buffer.concat([
    Buffer.from([0, 3, 0, 0]),
    ...Object.entries(params).map(([k, v]) => Buffer.from(`${k}\0${v}\0`)),
    Buffer.from([0]),
  ]);
  const head = Buffer.alloc(4);
  head.writeInt32BE(4 + body.length);
  return new Uint8Array(Buffer.concat([head, body]));
}

/** The parameters of a StartupMessage (length, protocol, then name\0value\0 pairs). */
export function startupParameters(msg) {
  const parts = msg.subarray(8).toString('utf8').split('\0');
  const params = {};
  for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i]) params[parts[i]] = parts[i + 1];
  return params;
}

/** The backend messages in `buf` as [type, body]. */
export function backendMessages(buf) {
  const out = [];
  for (let at = 0; buf.length - at >= 5;) {
    const end = at + 1 + buf.readInt32BE(at + 1);
    if (end > buf.length) break;
    out.push([String.fromCharCode(buf[at]), buf.subarray(at + 5, end)]);
    at = end;
  }
  return out;
}

/** The status byte of the ReadyForQuery that ends `out`, if it ends with one. */
export function readyStatus(out) {
  const n = out.length;
  if (n < 6 || out[n - 6] !== 0x5a) return undefined;
  if (out[n - 5] !== 0 || out[n - 4] !== 0 || out[n - 3] !== 0 || out[n - 2] !== 5) return undefined;
  return out[n - 1];
}

/** The SQL text of a request's first Parse or Query message (no parameters), shortened. */
export function statementOf(bytes) {
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

/** A request that is exactly one simple Query of BASE_BACKUP. */
export function isBaseBackup(bytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] !== 0x51 || buf.readInt32BE(1) + 1 !== buf.length) return false;
  return /^\s*BASE_BACKUP\s*;?\s*$/i.test(buf.subarray(5, buf.length - 1).toString('utf8'));
}

/** A request with a COPY ... FROM STDIN, which PGlite's backend cannot take (it aborts for good). */
export function copiesFromStdin(bytes) {
  const statement = statementOf(bytes);
  return /^\s*copy\b/i.test(statement) && /\bfrom\s+stdin\b/i.test(statement);
}

/** Stands in for a refused request: an error raised by the backend, so its answer ends as the client expects. */
export const COPY_REFUSED = new Uint8Array(
  message(
    'Q',
    Buffer.from(
      `DO $$ BEGIN RAISE EXCEPTION 'COPY FROM STDIN is not supported by the embedded database' USING ERRCODE = 'feature_not_supported'; END $$\0`,
    ),
  ),
);

/** An ErrorResponse (+ ReadyForQuery when `ready`), for failures outside PGlite's own answers. */
export function errorResponse(code, text, ready = false, severity = 'ERROR') {
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
