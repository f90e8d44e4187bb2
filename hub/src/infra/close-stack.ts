/** What the hub opened, closed in reverse order; one part failing to close never stops the rest. */
import type { Logger } from '../logger.js';

export class CloseStack {
  private readonly closers: (() => Promise<void>)[] = [];

  constructor(private readonly log: Logger) {}

  push(close: () => Promise<void> | void): void {
    this.closers.push(async () => close());
  }

  async closeAll(): Promise<void> {
    for (const c of this.closers.splice(0).reverse())
      await c().catch((err: Error) => this.log.error({ err }, 'error while closing'));
  }
}
