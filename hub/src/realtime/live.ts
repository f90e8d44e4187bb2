/**
 * The socket.io server as the modules see it: they are built before the HTTP server exists, and
 * send to screens through this once it does (nothing is sent before: no screen is connected yet).
 */
import type { HubIo } from './socket.js';

export class LiveSockets {
  private server: HubIo | null = null;

  attach(io: HubIo): void {
    this.server = io;
  }

  /** The socket.io server; null until the HTTP server is up. */
  get io(): HubIo | null {
    return this.server;
  }
}
