/**
 * Aliyun RPC request signing, signature version 1.0 (HMAC-SHA1): the sorted, percent-encoded
 * query string, signed as `METHOD&%2F&<encoded query>` with the key `<AccessKeySecret>&`.
 */
import { createHmac } from 'node:crypto';

/** RFC 3986 percent-encoding as Aliyun specifies it (space %20, `*` %2A, `~` kept). */
export function percentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function aliyunStringToSign(method: string, params: Record<string, string>): string {
  const query = Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`)
    .join('&');
  return `${method}&${percentEncode('/')}&${percentEncode(query)}`;
}

export function aliyunSignature(secret: string, method: string, params: Record<string, string>): string {
  return createHmac('sha1', `${secret}&`).update(aliyunStringToSign(method, params)).digest('base64');
}

/** The complete signed query (common parameters added, Signature last). */
export function aliyunSignedQuery(
  p: { accessKeyId: string; secret: string; action: string; version: string; nonce: string; timestamp: Date },
  params: Record<string, string>,
): string {
  const all: Record<string, string> = {
    ...params,
    AccessKeyId: p.accessKeyId,
    Action: p.action,
    Format: 'JSON',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: p.nonce,
    SignatureVersion: '1.0',
    Timestamp: p.timestamp.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Version: p.version,
  };
  const signature = aliyunSignature(p.secret, 'POST', all);
  return [...Object.entries(all), ['Signature', signature] as const]
    .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
    .join('&');
}
