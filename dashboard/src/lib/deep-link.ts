/**
 * Imported first by main.ts, before the router reads the address: a link the hub sends by path
 * (`/dispatch?alert=…` in a push message or webhook) becomes the dashboard's hash route.
 */
import { pathToHash } from './notifications';

if (typeof window !== 'undefined') {
  const to = pathToHash(window.location.pathname, window.location.search, window.location.hash);
  if (to) window.history.replaceState(window.history.state, '', to);
}
