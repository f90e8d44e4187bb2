/**
 * Signed reply links: `<offerId>.<expiry ms>.<base64url HMAC-SHA256(secret, "<offerId>.<expiry>")>`.
 * The signature proves the hub issued it for this offer; single use is enforced by the offer's
 * state in the database (an answer moves it from asked, once).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function signReplyToken(secret: Buffer, offerId: string, expiresAt: number): string {
  const body = `${offerId}.${expiresAt}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** The offer id of a genuine, unexpired token; null for a forged, altered or expired one. */
export function verifyReplyToken(secret: Buffer, token: string, now: number): string | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [offerId, exp, sig] = parts as [string, string, string];
  if (!UUID.test(offerId) || !/^\d{1,15}$/.test(exp)) return null;
  const want = createHmac('sha256', secret).update(`${offerId}.${exp}`).digest();
  const got = Buffer.from(sig, 'base64url');
  if (got.length !== want.length || !timingSafeEqual(got, want)) return null;
  if (Number(exp) < now) return null;
  return offerId;
}
