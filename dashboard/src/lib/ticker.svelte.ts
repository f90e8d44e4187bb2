/** A once-a-second "now" for running timers; it only ticks while some screen reads it. */
import { createSubscriber } from 'svelte/reactivity';

class Ticker {
  #now = Date.now();
  #subscribe = createSubscriber((update) => {
    this.#now = Date.now();
    const timer = setInterval(() => {
      this.#now = Date.now();
      update();
    }, 1000);
    return () => clearInterval(timer);
  });

  get now(): number {
    this.#subscribe();
    return this.#now;
  }
}

export const ticker = new Ticker();
