/**
 * Live messages of incidents, from the dispatch socket (`notification:update`, `notification:dead`):
 * the incident panel merges them into the timeline it loaded, and messages that gave up are kept
 * until seen, so a dispatcher phones instead.
 */
import type { NotificationDeadNotice, NotificationInfo } from '@eldercare/shared';
import { mergeNotification } from './notifications';

const KEEP = 500;

export class NotificationFeed {
  /** Recent messages of any incident, oldest first (bounded). */
  recent = $state.raw<NotificationInfo[]>([]);
  /** Messages that gave up, newest first, until dismissed. */
  dead = $state.raw<NotificationDeadNotice[]>([]);

  update(n: NotificationInfo): void {
    const next = mergeNotification(this.recent, n);
    this.recent = next.length > KEEP ? next.slice(next.length - KEEP) : next;
  }

  gaveUp(notice: NotificationDeadNotice): void {
    this.update(notice.notification);
    this.dead = [notice, ...this.dead.filter((d) => d.notification.id !== notice.notification.id)].slice(0, 50);
  }

  dismiss(id: string): void {
    this.dead = this.dead.filter((d) => d.notification.id !== id);
  }

  clear(): void {
    this.recent = [];
    this.dead = [];
  }
}
