/**
 * The DC-09 TCP and UDP listeners. TCP is a byte stream: frames (LF … CR) are cut out of it and
 * answered one after another, in order, on the same connection. Each UDP datagram is one frame,
 * answered to its sender. Noise between frames is skipped; an over-long frame, too many pending
 * frames or a silent connection closes the connection. Nothing here throws into the hub.
 */
import net from 'node:net';
import dgram from 'node:dgram';
import type { Logger } from '../../logger.js';
import { CR, LF, MAX_FRAME_BYTES, frameShape } from './frame.js';

export interface FrameHandler {
  receive(frame: Uint8Array, transport: 'tcp' | 'udp'): Promise<Buffer>;
}

export interface ListenerOptions {
  host: string;
  tcpPort?: number;
  udpPort?: number;
  handler: FrameHandler;
  log: Logger;
  /** A TCP connection silent this long is closed (panels connect, send, and hang up or keep polling). */
  idleMs?: number;
  maxConnections?: number;
  /** UDP frames being handled at once; more are not answered (the panel sends again). */
  maxUdpInFlight?: number;
  onError?(where: string): void;
}

export interface Dc09Listener {
  tcpPort: number | null;
  udpPort: number | null;
  close(): Promise<void>;
}

const MAX_PENDING_FRAMES = 32;

/** Splits a TCP byte stream into frames; returns the frames found and the bytes left over. */
export function cutFrames(buf: Buffer): { frames: Buffer[]; rest: Buffer; overflow: boolean } {
  const frames: Buffer[] = [];
  let at = 0;
  for (;;) {
    const start = buf.indexOf(LF, at);
    if (start < 0) return { frames, rest: Buffer.alloc(0), overflow: false };
    // A frame whose CRC is two binary bytes may carry LF or CR inside them: cut it by its length.
    const shape = frameShape(buf, start);
    if (shape?.crcForm === 'binary') {
      if (buf.length - start < shape.total) {
        const rest = buf.subarray(start);
        return { frames, rest, overflow: rest.length > MAX_FRAME_BYTES };
      }
      if (buf[start + shape.total - 1] === CR) {
        frames.push(buf.subarray(start, start + shape.total));
        at = start + shape.total;
        continue;
      }
    }
    const end = buf.indexOf(CR, start + 1);
    // Too little to tell the frame's form yet, and the CR may be a binary CRC byte: wait for more.
    const undecided = !shape && buf.length - start < 10 && end >= 0 && end <= start + 2;
    if (end < 0 || undecided) {
      const rest = buf.subarray(start);
      return { frames, rest, overflow: rest.length > MAX_FRAME_BYTES };
    }
    // The LF nearest the CR starts the frame: noise with a stray LF before it is skipped.
    frames.push(buf.subarray(buf.lastIndexOf(LF, end), end + 1));
    at = end + 1;
  }
}

export async function startListener(o: ListenerOptions): Promise<Dc09Listener> {
  const idleMs = o.idleMs ?? 120_000;
  const sockets = new Set<net.Socket>();
  let tcp: net.Server | null = null;
  let udp: dgram.Socket | null = null;

  if (o.tcpPort !== undefined) {
    tcp = net.createServer((socket) => {
      sockets.add(socket);
      let buffer = Buffer.alloc(0);
      let pending = 0;
      let chain = Promise.resolve();
      socket.setTimeout(idleMs, () => socket.destroy());
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
      socket.on('data', (chunk: Buffer) => {
        const cut = cutFrames(buffer.length ? Buffer.concat([buffer, chunk]) : chunk);
        buffer = Buffer.from(cut.rest);
        if (cut.overflow) {
          o.onError?.('dc09-oversized');
          socket.destroy();
          return;
        }
        for (const frame of cut.frames) {
          if (++pending > MAX_PENDING_FRAMES) {
            o.onError?.('dc09-backlog');
            socket.destroy();
            return;
          }
          const copy = Buffer.from(frame);
          chain = chain.then(async () => {
            try {
              const answer = await o.handler.receive(copy, 'tcp');
              if (!socket.destroyed) socket.write(answer);
            } catch (err) {
              o.onError?.('dc09');
              o.log.error({ err }, 'DC-09 frame failed');
            } finally {
              pending--;
            }
          });
        }
      });
    });
    tcp.maxConnections = o.maxConnections ?? 5000;
    const server = tcp;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(o.tcpPort, o.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (err) => o.log.error({ err }, 'DC-09 TCP listener error'));
  }

  if (o.udpPort !== undefined) {
    const family = net.isIPv6(o.host) ? 'udp6' : 'udp4';
    udp = dgram.createSocket(family);
    let inFlight = 0;
    const limit = o.maxUdpInFlight ?? 1000;
    const socket = udp;
    socket.on('message', (msg, rinfo) => {
      if (inFlight >= limit) {
        o.onError?.('dc09-udp-busy');
        return;
      }
      inFlight++;
      o.handler
        .receive(msg, 'udp')
        .then((answer) => socket.send(answer, rinfo.port, rinfo.address, () => undefined))
        .catch((err: Error) => {
          o.onError?.('dc09');
          o.log.error({ err }, 'DC-09 datagram failed');
        })
        .finally(() => inFlight--);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(o.udpPort, o.host, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    socket.on('error', (err) => o.log.error({ err }, 'DC-09 UDP listener error'));
  }

  const tcpAddr = tcp?.address();
  return {
    tcpPort: tcpAddr && typeof tcpAddr === 'object' ? tcpAddr.port : null,
    udpPort: udp ? udp.address().port : null,
    async close() {
      await Promise.all([
        tcp &&
          new Promise<void>((resolve) => {
            tcp!.close(() => resolve());
            for (const s of sockets) s.destroy();
          }),
        udp && new Promise<void>((resolve) => udp!.close(() => resolve())),
      ]);
    },
  };
}
