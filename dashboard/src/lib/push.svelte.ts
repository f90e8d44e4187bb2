/**
 * This browser's Web Push subscription: asks for permission, subscribes with the hub's VAPID key
 * through the service worker, and gives the subscription to the hub (which sends dispatches and
 * alarms to it). A subscription made with another key (the hub's keys changed) is replaced.
 */
import type { PushSubscriptionInfo } from '@eldercare/shared';
import { notifications } from './endpoints';
import { deviceLabel, sameKey, vapidKeyBytes } from './notifications';

export type PushState = 'unsupported' | 'denied' | 'off' | 'on';

export class PushSetup {
  state = $state<PushState>('off');
  busy = $state(false);
  error = $state<unknown>(null);
  /** The hub's record of this browser's subscription (null when not subscribed here). */
  mine = $state<PushSubscriptionInfo | null>(null);

  static supported(): boolean {
    return (
      typeof window !== 'undefined' &&
      'serviceWorker' in navigator &&
      'PushManager' in window &&
      'Notification' in window &&
      window.isSecureContext
    );
  }

  /** Reads the browser's state and matches it with the hub's list of this person's subscriptions. */
  async refresh(subscriptions: readonly PushSubscriptionInfo[]): Promise<void> {
    if (!PushSetup.supported()) {
      this.state = 'unsupported';
      return;
    }
    if (Notification.permission === 'denied') {
      this.state = 'denied';
      return;
    }
    const sub = await this.current();
    this.mine = sub ? (subscriptions.find((s) => s.endpoint === sub.endpoint && !s.goneAt) ?? null) : null;
    this.state = sub && this.mine ? 'on' : 'off';
  }

  private async current(): Promise<PushSubscription | null> {
    const reg = await navigator.serviceWorker.getRegistration('/');
    return reg ? reg.pushManager.getSubscription() : null;
  }

  /** Asks for permission (must follow a tap), subscribes and posts the subscription to the hub. */
  async enable(vapidPublicKey: string): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        this.state = permission === 'denied' ? 'denied' : 'off';
        return;
      }
      const reg = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
      await navigator.serviceWorker.ready;
      const key = vapidKeyBytes(vapidPublicKey);
      let sub = await reg.pushManager.getSubscription();
      if (sub && !sameKey(sub.options.applicationServerKey, key)) {
        await sub.unsubscribe();
        sub = null;
      }
      sub ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
      const json = sub.toJSON();
      this.mine = await notifications.subscribe({
        endpoint: sub.endpoint,
        expirationTime: sub.expirationTime,
        keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
        label: deviceLabel(navigator.userAgent),
      });
      this.state = 'on';
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = false;
    }
  }

  /** Stops push to this browser: the hub forgets the subscription, then the browser drops it. */
  async disable(): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      if (this.mine) await notifications.unsubscribe(this.mine.id);
      const sub = await this.current();
      await sub?.unsubscribe();
      this.mine = null;
      this.state = 'off';
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = false;
    }
  }
}
