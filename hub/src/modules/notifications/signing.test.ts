/**
 * Request signing of the SMS/voice providers and robots, against the providers' documented examples,
 * and the signed reply links.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aliyunSignature, aliyunStringToSign } from './providers/aliyun-signature.js';
import { tc3Authorization } from './providers/tencent-signature.js';
import { dingtalkSign } from './channels/webhooks.js';
import { signReplyToken, verifyReplyToken } from './reply-token.js';
import { decide, quietUntil } from './preferences.js';

describe('Aliyun RPC signature v1 (HMAC-SHA1)', () => {
  // The documented example: DescribeRegions with AccessKeyId testid, AccessKeySecret testsecret.
  const params = {
    TimeStamp: '2016-02-23T12:46:24Z',
    Format: 'XML',
    AccessKeyId: 'testid',
    Action: 'DescribeRegions',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
    Version: '2014-05-26',
    SignatureVersion: '1.0',
  };
  it('builds the documented string to sign', () => {
    expect(aliyunStringToSign('GET', params)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1' +
        '%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0' +
        '%26TimeStamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
  });
  it('gives the documented signature', () => {
    expect(aliyunSignature('testsecret', 'GET', params)).toBe('CT9X0VtwR86fNWSnsc6v8YGOjuE=');
    expect(aliyunSignature('othersecret', 'GET', params)).not.toBe('CT9X0VtwR86fNWSnsc6v8YGOjuE=');
  });
});

describe('Tencent Cloud TC3-HMAC-SHA256', () => {
  it('gives the documented signature (CVM DescribeInstances, 2019-02-25)', () => {
    const auth = tc3Authorization({
      secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
      service: 'cvm',
      host: 'cvm.tencentcloudapi.com',
      timestamp: 1551113065,
      payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
    });
    expect(auth).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, ' +
        'SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });
});

describe('DingTalk robot signature', () => {
  it('signs "<ms>\\n<secret>" with HMAC-SHA256, base64, URL-encoded', () => {
    const secret = 'SECexample';
    const want = encodeURIComponent(createHmac('sha256', secret).update(`1700000000000\n${secret}`).digest('base64'));
    expect(dingtalkSign(secret, 1700000000000)).toBe(want);
    expect(dingtalkSign(secret, 1700000000001)).not.toBe(want);
  });
});

describe('reply links', () => {
  const secret = Buffer.from('a-secret-of-the-hub-0123456789');
  const offer = '3f1c1a52-1b7e-4f0e-9a51-0c1d2e3f4a5b';
  it('verifies its own token until it expires', () => {
    const t = signReplyToken(secret, offer, 2_000);
    expect(verifyReplyToken(secret, t, 1_000)).toBe(offer);
    expect(verifyReplyToken(secret, t, 2_001)).toBeNull();
  });
  it('refuses a forged, altered or foreign token', () => {
    const t = signReplyToken(secret, offer, 2_000);
    expect(verifyReplyToken(Buffer.from('another-secret-000000000000'), t, 1_000)).toBeNull();
    expect(verifyReplyToken(secret, t.replace('2000', '9999'), 1_000)).toBeNull();
    expect(verifyReplyToken(secret, t.replace(offer.slice(0, 8), '00000000'), 1_000)).toBeNull();
    expect(verifyReplyToken(secret, 'not.a.token', 1_000)).toBeNull();
  });
});

describe('quiet hours', () => {
  const prefs = {
    channels: ['web_push' as const],
    purposes: ['device_health' as const, 'family_raised' as const],
    kinds: [],
    minSeverity: 'low' as const,
    quietHours: { start: '22:00', end: '07:00' },
  };
  const at = new Date('2026-12-07T15:30:00Z'); // 23:30 in Shanghai
  it('holds a low-severity message until they end (over midnight)', () => {
    const d = decide(prefs, {
      purpose: 'device_health',
      kind: 'low_battery',
      severity: 'low',
      at,
      timeZone: 'Asia/Shanghai',
    });
    expect(d).toEqual({ send: true, notBefore: new Date('2026-12-07T23:00:00Z') });
  });
  it('never holds a critical alarm', () => {
    expect(
      decide(prefs, { purpose: 'family_raised', kind: 'sos', severity: 'critical', at, timeZone: 'Asia/Shanghai' }),
    ).toEqual({
      send: true,
      notBefore: null,
    });
  });
  it('is outside them by day', () => {
    expect(quietUntil(prefs.quietHours, new Date('2026-12-07T04:00:00Z'), 'Asia/Shanghai')).toBeNull();
  });
});
