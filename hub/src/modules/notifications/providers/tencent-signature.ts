/** Tencent Cloud API 3.0 request signing, TC3-HMAC-SHA256 (POST, application/json). */
import { createHash, createHmac } from 'node:crypto';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s).digest();

export function tc3Authorization(p: {
  secretId: string;
  secretKey: string;
  service: string;
  host: string;
  /** Unix seconds. */
  timestamp: number;
  payload: string;
}): string {
  const date = new Date(p.timestamp * 1000).toISOString().slice(0, 10);
  const canonical = [
    'POST',
    '/',
    '',
    `content-type:application/json; charset=utf-8\nhost:${p.host}\n`,
    'content-type;host',
    sha256(p.payload),
  ].join('\n');
  const scope = `${date}/${p.service}/tc3_request`;
  const toSign = ['TC3-HMAC-SHA256', String(p.timestamp), scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(`TC3${p.secretKey}`, date), p.service), 'tc3_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return `TC3-HMAC-SHA256 Credential=${p.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
}
