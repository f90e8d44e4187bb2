/** A tiny hash router: the current route as runes, updated on `hashchange`. */
import { parseHash, type Route } from './routes';

class Router {
  route = $state<Route>({ name: 'overview' });
  query = $state<URLSearchParams>(new URLSearchParams());

  constructor() {
    if (typeof window === 'undefined') return;
    this.sync();
    window.addEventListener('hashchange', () => this.sync());
  }

  private sync(): void {
    const loc = parseHash(window.location.hash);
    this.route = loc.route;
    this.query = loc.query;
  }

  /** Navigates to a hash such as `#/residents`. */
  go(hash: string): void {
    if (window.location.hash !== hash) window.location.hash = hash;
    // Update at once rather than on the (asynchronous) hashchange event, so code that runs next sees the new route.
    this.sync();
  }

  /** Replaces the query of the current route without adding a history entry. */
  replaceQuery(params: Record<string, string | undefined>): void {
    const qs = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
    const path = (window.location.hash.replace(/^#/, '') || '/').split('?')[0] ?? '/';
    const s = qs.toString();
    history.replaceState(history.state, '', `#${path}${s ? `?${s}` : ''}`);
    this.query = qs;
  }
}

export const router = new Router();
