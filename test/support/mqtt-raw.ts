/**
 * Raw MQTT over TCP for attack tests: packets that declare more than they send, CONNECTs sent by
 * hand, and a streamer that reports whether the server cut the connection before the packet ended.
 */
import net from 'node:net';

/** MQTT's variable-length "remaining length" (1–4 bytes). */
export function remainingLength(n: number): Buffer {
  const out: number[] = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
}

const str = (s: string) => {
  const b = Buffer.from(s, 'utf8');
  return Buffer.concat([Buffer.from([b.length >> 8, b.length & 0xff]), b]);
};

/** A complete MQTT 3.1.1 CONNECT (clean session, keep-alive 60 s), with `pad` extra bytes in the password. */
export function connectPacket(clientId: string, username?: string, password?: string): Buffer {
  const flags = 0x02 | (username !== undefined ? 0x80 : 0) | (password !== undefined ? 0x40 : 0);
  const body = Buffer.concat([
    str('MQTT'),
    Buffer.from([4, flags, 0, 60]),
    str(clientId),
    ...(username !== undefined ? [str(username)] : []),
    ...(password !== undefined ? [str(password)] : []),
  ]);
  return Buffer.concat([Buffer.from([0x10]), remainingLength(body.length), body]);
}

export const CONNECT_HEADER = 0x10;
export const PUBLISH_QOS0_HEADER = 0x30;

export function openSocket(port: number, host = '127.0.0.1'): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, host, () => resolve(s));
    s.once('error', reject);
  });
}

/** Sends a CONNECT and waits for the CONNACK; resolves with its return code. */
export function login(socket: net.Socket, packet: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    let got = Buffer.alloc(0);
    const onData = (d: Buffer) => {
      got = Buffer.concat([got, d]);
      if (got.length >= 4) {
        socket.off('data', onData);
        if (got[0] !== 0x20) reject(new Error(`expected CONNACK, got 0x${got[0]!.toString(16)}`));
        else resolve(got[3]!);
      }
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error('closed before CONNACK')));
    socket.write(packet);
  });
}

export interface StreamResult {
  /** The server closed the connection before the declared packet was complete. */
  cut: boolean;
  /** Bytes this side wrote before the connection closed (or `sendBytes`). */
  written: number;
}

/**
 * Writes a fixed header declaring `declared` bytes, then streams up to `sendBytes` of filler in
 * 64 KiB chunks (waiting for the socket to drain), stopping when the server closes the connection.
 * Resolves once the connection is closed or `holdMs` after the last byte was written.
 */
export function streamOversized(
  socket: net.Socket,
  header: number,
  declared: number,
  sendBytes: number,
  holdMs = 2_000,
): Promise<StreamResult> {
  return new Promise((resolve) => {
    let written = 0;
    let closed = false;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve({ cut: closed, written });
    };
    socket.on('error', () => undefined);
    socket.once('close', () => {
      closed = true;
      finish();
    });
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const pump = () => {
      while (!closed && written < sendBytes) {
        const n = Math.min(chunk.length, sendBytes - written);
        written += n;
        if (!socket.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
          socket.once('drain', pump);
          return;
        }
      }
      if (!closed) setTimeout(finish, holdMs);
    };
    socket.write(Buffer.concat([Buffer.from([header]), remainingLength(declared)]));
    pump();
  });
}
