/**
 * The dashboard's service worker: receives Web Push messages from the hub and shows them as
 * notifications, with action buttons (accept / decline for a dispatch, open for an alarm); a tap
 * opens (or focuses) the dashboard on the incident or the responder page. Accept and decline are
 * answered straight from the notification through the message's signed, single-use reply link,
 * so a responder can answer with the phone locked and the app closed.
 *
 * The payload is the hub's push message (docs/notifications.md, "Web Push"); anything unreadable
 * still shows a notification, so a message is never silently dropped.
 */

self.addEventListener('install', () => {
  void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

const FALLBACK = { title: '智慧养老监护中心', body: '有新的通知 · New notification' };

/** Reads the push message; never throws. */
function readPayload(event) {
  if (!event.data) return { ...FALLBACK };
  try {
    const p = event.data.json();
    return p && typeof p === 'object' ? p : { ...FALLBACK, body: String(p) };
  } catch {
    return { ...FALLBACK, body: event.data.text() };
  }
}

self.addEventListener('push', (event) => {
  const p = readPayload(event);
  const actions = Array.isArray(p.actions)
    ? p.actions
        .filter((a) => a && typeof a.action === 'string' && typeof a.title === 'string')
        .slice(0, 2)
        .map((a) => ({ action: a.action, title: a.title }))
    : [];
  const options = {
    body: typeof p.body === 'string' ? p.body : '',
    tag: typeof p.tag === 'string' ? p.tag : undefined,
    // A newer message about the same incident replaces the old one and rings again.
    renotify: typeof p.tag === 'string',
    // Critical alarms and dispatches stay until answered.
    requireInteraction: p.severity === 'critical' || p.purpose === 'dispatch',
    icon: '/icons/icon-192.png',
    badge: '/icons/badge-96.png',
    timestamp: typeof p.at === 'string' ? Date.parse(p.at) : Date.now(),
    actions,
    data: {
      url: typeof p.url === 'string' ? p.url : '/#/',
      // { url, method }: where accept / decline are POSTed (the signed, single-use reply link).
      reply: p.reply && typeof p.reply === 'object' && typeof p.reply.url === 'string' ? { url: p.reply.url } : null,
      tag: typeof p.tag === 'string' ? p.tag : null,
    },
  };
  options.vibrate = options.requireInteraction ? [300, 150, 300, 150, 300] : [200];
  event.waitUntil(self.registration.showNotification(typeof p.title === 'string' ? p.title : FALLBACK.title, options));
});

/** Only paths of this origin are opened (a message can't send the user elsewhere). */
function sameOrigin(url) {
  try {
    const u = new URL(url, self.location.origin);
    return u.origin === self.location.origin ? u.href : new URL('/#/', self.location.origin).href;
  } catch {
    return new URL('/#/', self.location.origin).href;
  }
}

async function openPage(url) {
  const target = sameOrigin(url);
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const w of windows) {
    if (new URL(w.url).origin !== self.location.origin) continue;
    try {
      const focused = await w.focus();
      await focused.navigate(target);
      return;
    } catch {
      // An uncontrolled window can't be navigated: open a new one below.
    }
  }
  await self.clients.openWindow(target);
}

/** Answers a dispatch from the notification through its signed reply link (single use). */
async function reply(data, answer) {
  const link = data.reply ? data.reply.url : null;
  if (!link) return openPage(data.url);
  let ok = false;
  let message = '';
  try {
    const res = await fetch(sameOrigin(link), {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ answer }),
    });
    ok = res.ok;
    if (!ok) {
      const body = await res.json().catch(() => null);
      message = body && typeof body.error === 'string' ? body.error : `HTTP ${res.status}`;
    }
  } catch {
    message = 'network';
  }
  if (ok) {
    // Tell any open dashboard, then show the answer was recorded.
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    for (const w of windows) w.postMessage({ type: 'dispatch-replied', answer });
    await self.registration.showNotification(answer === 'accept' ? '已接受 · Accepted' : '已拒绝 · Declined', {
      body: answer === 'accept' ? '调度中心已收到，请尽快出发。The centre has your answer.' : '调度中心已收到。',
      tag: data.tag ?? undefined,
      icon: '/icons/icon-192.png',
      badge: '/icons/badge-96.png',
      data: { url: data.url, reply: null, tag: data.tag },
    });
    return;
  }
  // Not recorded (expired, already answered, offline): open the dispatch so the responder sees why
  // and can answer there.
  console.warn('reply from the notification failed', message);
  await openPage(data.url);
}

self.addEventListener('notificationclick', (event) => {
  const data = event.notification.data ?? { url: '/#/' };
  event.notification.close();
  const answer = event.action;
  if (answer === 'accept' || answer === 'decline') event.waitUntil(reply(data, answer));
  else event.waitUntil(openPage(data.url));
});
