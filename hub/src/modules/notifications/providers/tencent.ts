/** Tencent Cloud SMS (SendSms 2021-01-11), signed with TC3-HMAC-SHA256. Configured by TENCENT_* variables. */
import { tc3Authorization } from './tencent-signature.js';
import { ProviderError, type Env, type TextMessage, type TextProvider } from './provider.js';

export class TencentSms implements TextProvider {
  readonly name = 'tencent';
  constructor(
    private readonly c: {
      secretId: string;
      secretKey: string;
      appId: string;
      signName: string;
      templateId: string;
      region: string;
      endpoint: string;
      timeoutMs: number;
      now(): number;
    },
  ) {}

  static fromEnv(env: Env, o: { timeoutMs: number; now(): number }): TencentSms | null {
    const {
      TENCENT_SECRET_ID: id,
      TENCENT_SECRET_KEY: key,
      TENCENT_SMS_APP_ID: app,
      TENCENT_SMS_SIGN_NAME: sign,
      TENCENT_SMS_TEMPLATE_ID: tpl,
    } = env;
    if (!id || !key || !app || !sign || !tpl) return null;
    return new TencentSms({
      secretId: id,
      secretKey: key,
      appId: app,
      signName: sign,
      templateId: tpl,
      region: env.TENCENT_SMS_REGION ?? 'ap-guangzhou',
      endpoint: env.TENCENT_SMS_ENDPOINT ?? 'https://sms.tencentcloudapi.com/',
      ...o,
    });
  }

  async send(m: TextMessage): Promise<void> {
    const host = 'sms.tencentcloudapi.com';
    const phone = /^\d{11}$/.test(m.to) ? `+86${m.to}` : m.to;
    const payload = JSON.stringify({
      PhoneNumberSet: [phone],
      SmsSdkAppId: this.c.appId,
      SignName: this.c.signName,
      TemplateId: this.c.templateId,
      TemplateParamSet: [m.params.elder, m.params.what, m.params.link],
    });
    const timestamp = Math.floor(this.c.now() / 1000);
    let res: Response;
    try {
      res = await fetch(this.c.endpoint, {
        method: 'POST',
        headers: {
          authorization: tc3Authorization({
            secretId: this.c.secretId,
            secretKey: this.c.secretKey,
            service: 'sms',
            host,
            timestamp,
            payload,
          }),
          'content-type': 'application/json; charset=utf-8',
          host,
          'x-tc-action': 'SendSms',
          'x-tc-version': '2021-01-11',
          'x-tc-timestamp': String(timestamp),
          'x-tc-region': this.c.region,
        },
        body: payload,
        signal: AbortSignal.timeout(this.c.timeoutMs),
      });
    } catch (err) {
      throw new ProviderError(`no answer: ${(err as Error).message}`);
    }
    const answer = (await res.json().catch(() => null)) as {
      Response?: { Error?: { Code: string; Message: string }; SendStatusSet?: { Code: string; Message: string }[] };
    } | null;
    const err = answer?.Response?.Error;
    if (err)
      throw new ProviderError(
        `${err.Code} ${err.Message}`,
        /^(InvalidParameter|UnauthorizedOperation|FailedOperation\.(Template|Sign))/.test(err.Code),
      );
    const st = answer?.Response?.SendStatusSet?.[0];
    if (!st) throw new ProviderError(`HTTP ${res.status}: no send status`);
    if (st.Code !== 'Ok')
      throw new ProviderError(`${st.Code} ${st.Message}`, /PhoneNumber|Template|Sign/.test(st.Code));
  }
}
