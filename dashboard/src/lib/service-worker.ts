/**
 * Registers the service worker (public/sw.js) that shows the hub's Web Push notifications and makes
 * the dashboard installable. A failure leaves the dashboard working as a plain web page.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((err: unknown) => {
    console.warn('service worker not registered', err);
  });
}
