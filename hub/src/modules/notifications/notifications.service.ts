/** Notifications: preferences, subscriptions, webhooks, the incident's messages (implementation follows). */
import type {
  ChannelsResponse,
  FamilyStatus,
  MyNotificationSettings,
  NotificationInfo,
  NotificationPreferencesPatch,
  PersonalChannel,
  PushSubscriptionBody,
  PushSubscriptionInfo,
  Role,
  RoleDefaults,
  User,
  Webhook,
  WebhookBody,
} from '@eldercare/shared';
import { AppError } from '../../http/errors.js';

const pending = () => new AppError(503, 'notifications are not ready yet');

export class NotificationsService {
  channels(): Promise<ChannelsResponse> {
    return Promise.reject(pending());
  }
  myPreferences(_u: User): Promise<MyNotificationSettings> {
    return Promise.reject(pending());
  }
  patchMyPreferences(_u: User, _p: NotificationPreferencesPatch): Promise<MyNotificationSettings> {
    return Promise.reject(pending());
  }
  resetMyPreferences(_u: User): Promise<MyNotificationSettings> {
    return Promise.reject(pending());
  }
  sendTest(_u: User, _c: PersonalChannel): Promise<{ id: string }> {
    return Promise.reject(pending());
  }
  roleDefaults(_u: User): Promise<RoleDefaults[]> {
    return Promise.reject(pending());
  }
  setRoleDefaults(_u: User, _r: Role, _p: RoleDefaults['preferences']): Promise<RoleDefaults> {
    return Promise.reject(pending());
  }
  listPushSubscriptions(_u: User): Promise<PushSubscriptionInfo[]> {
    return Promise.reject(pending());
  }
  addPushSubscription(_u: User, _b: PushSubscriptionBody): Promise<PushSubscriptionInfo> {
    return Promise.reject(pending());
  }
  removePushSubscription(_u: User, _id: string): Promise<void> {
    return Promise.reject(pending());
  }
  listWebhooks(_u: User): Promise<Webhook[]> {
    return Promise.reject(pending());
  }
  addWebhook(_u: User, _b: WebhookBody): Promise<Webhook> {
    return Promise.reject(pending());
  }
  patchWebhook(_u: User, _id: string, _b: Partial<WebhookBody>): Promise<Webhook> {
    return Promise.reject(pending());
  }
  removeWebhook(_u: User, _id: string): Promise<void> {
    return Promise.reject(pending());
  }
  ofAlert(_u: User, _id: string): Promise<NotificationInfo[]> {
    return Promise.reject(pending());
  }
  retry(_u: User, _id: string): Promise<NotificationInfo> {
    return Promise.reject(pending());
  }
  familyStatus(_u: User, _residentId?: string): Promise<FamilyStatus> {
    return Promise.reject(pending());
  }
}
