import { afterAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { startPushService } from './push-service.js';

const service = await startPushService(() => 42);
afterAll(() => service.close());

describe("the families' push service", () => {
  it('decrypts what a Web Push sender encrypts for the subscription (aes128gcm)', async () => {
    const sub = service.subscribe('05-wandering');
    const vapid = webpush.generateVAPIDKeys();
    const req = webpush.generateRequestDetails(sub, JSON.stringify({ purpose: 'family_raised', alertId: 'a1' }), {
      vapidDetails: { subject: 'mailto:test@example.org', ...vapid },
      contentEncoding: 'aes128gcm',
    });
    const res = await fetch(req.endpoint, {
      method: 'POST',
      headers: req.headers as Record<string, string>,
      body: new Uint8Array(req.body!),
    });
    expect(res.status).toBe(201);
    expect(service.received).toEqual([
      { who: '05-wandering', payload: { purpose: 'family_raised', alertId: 'a1' }, at: 42 },
    ]);
  });
});
