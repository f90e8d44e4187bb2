/**
 * Aliyun SMS (Dysmsapi SendSms) and voice notification (Dyvmsapi SingleCallByTts), RPC style,
 * signed with signature v1 (HMAC-SHA1). Configured by ALIYUN_* variables (docs/notifications.md).
 */
import { randomUUID } from 'node:crypto';
import { aliyunSignedQuery } from './aliyun-signature.js';
import { ProviderError, type Env, type TextMessage, type TextProvider } from './provider.js';

interface Common {
  accessKeyId: string;
  secret: string;
  timeoutMs: number;
  now(): number;
}

async function call(c: Common, endpoint: string, action: string, version: string, params: Record<string, string>) {
  const body = aliyunSignedQuery(
    {
      accessKeyId: c.accessKeyId,
      secret: c.secret,
      action,
      version,
      nonce: randomUUID(),
      timestamp: new Date(c.now()),
    },
    params,
  );
  let res: Response;
  try {
    res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      signal: AbortSignal.timeout(c.timeoutMs),
    });
  } catch (err) {
    throw new ProviderError(`no answer: ${(err as Error).message}`);
  }
  const answer = (await res.json().catch(() => null)) as { Code?: string; Message?: string } | null;
  if (!answer || answer.Code !== 'OK') {
    const code = answer?.Code ?? `HTTP ${res.status}`;
    // Wrong number, template or signature name: retrying cannot help. Throttling and server errors can.
    const permanent = /^isv\.(MOBILE|TEMPLATE|SMS_SIGNATURE|INVALID|PARAM)/i.test(code);
    throw new ProviderError(`${code} ${answer?.Message ?? ''}`.trim(), permanent);
  }
}

export class AliyunSms implements TextProvider {
  readonly name = 'aliyun';
  constructor(private readonly c: Common & { endpoint: string; signName: string; template: string }) {}
  static fromEnv(env: Env, o: { timeoutMs: number; now(): number }): AliyunSms | null {
    const {
      ALIYUN_ACCESS_KEY_ID: id,
      ALIYUN_ACCESS_KEY_SECRET: secret,
      ALIYUN_SMS_SIGN_NAME: sign,
      ALIYUN_SMS_TEMPLATE: tpl,
    } = env;
    if (!id || !secret || !sign || !tpl) return null;
    return new AliyunSms({
      accessKeyId: id,
      secret,
      signName: sign,
      template: tpl,
      endpoint: env.ALIYUN_SMS_ENDPOINT ?? 'https://dysmsapi.aliyuncs.com/',
      ...o,
    });
  }
  send(m: TextMessage): Promise<void> {
    return call(this.c, this.c.endpoint, 'SendSms', '2017-05-25', {
      PhoneNumbers: m.to,
      SignName: this.c.signName,
      TemplateCode: this.c.template,
      TemplateParam: JSON.stringify(m.params),
    });
  }
}

export class AliyunVoice implements TextProvider {
  readonly name = 'aliyun';
  constructor(private readonly c: Common & { endpoint: string; showNumber: string; ttsCode: string }) {}
  static fromEnv(env: Env, o: { timeoutMs: number; now(): number }): AliyunVoice | null {
    const {
      ALIYUN_ACCESS_KEY_ID: id,
      ALIYUN_ACCESS_KEY_SECRET: secret,
      ALIYUN_VOICE_SHOW_NUMBER: show,
      ALIYUN_VOICE_TTS_CODE: tts,
    } = env;
    if (!id || !secret || !show || !tts) return null;
    return new AliyunVoice({
      accessKeyId: id,
      secret,
      showNumber: show,
      ttsCode: tts,
      endpoint: env.ALIYUN_VOICE_ENDPOINT ?? 'https://dyvmsapi.aliyuncs.com/',
      ...o,
    });
  }
  send(m: TextMessage): Promise<void> {
    return call(this.c, this.c.endpoint, 'SingleCallByTts', '2017-05-25', {
      CalledNumber: m.to,
      CalledShowNumber: this.c.showNumber,
      TtsCode: this.c.ttsCode,
      TtsParam: JSON.stringify({ elder: m.params.elder, what: m.params.what }),
    });
  }
}
