/**
 * A loopback TCP proxy for fault tests: put it between the hub and PostgreSQL (or anything else)
 * and `cut()` the link — every open connection is reset and new ones are dropped at once, like a
 * database host that went away — or `stall()` it (nothing gets through, nothing is refused: a
 * silent network partition), then `restore()` it.
 */
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** URL of the target with host:port replaced by the proxy. */
  url(targetUrl: string): string;
  cut(): void;
  /** A silent partition: connections stay open (new ones are accepted) but no byte gets through. */
  stall(): void;
  restore(): void;
  readonly isCut: boolean;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let cut = false;
  let stalled = false;
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    if (cut) return void client.resetAndDestroy();
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    if (stalled) {
      client.pause();
      upstream.pause();
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    url(targetUrl) {
      const u = new URL(targetUrl);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    cut() {
      cut = true;
      for (const s of sockets) s.resetAndDestroy();
    },
    stall() {
      stalled = true;
      for (const s of sockets) s.pause();
    },
    restore() {
      cut = false;
      if (stalled) {
        stalled = false;
        for (const s of sockets) s.resume();
      }
    },
    get isCut() {
      return cut;
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
