/** An async value as runes: the last request wins, earlier answers are dropped. */
export class Resource<T> {
  value = $state<T | undefined>(undefined);
  error = $state<unknown>(null);
  loading = $state(false);
  private seq = 0;
  private controller: AbortController | null = null;

  async load(fetcher: (signal: AbortSignal) => Promise<T>): Promise<void> {
    const id = ++this.seq;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.loading = true;
    this.error = null;
    try {
      const value = await fetcher(controller.signal);
      if (id === this.seq) this.value = value;
    } catch (err) {
      if (id === this.seq && !(err instanceof DOMException && err.name === 'AbortError')) this.error = err;
    } finally {
      if (id === this.seq) this.loading = false;
    }
  }

  /** Stops listening to the request in flight (on unmount). */
  cancel(): void {
    this.seq++;
    this.controller?.abort();
  }
}
