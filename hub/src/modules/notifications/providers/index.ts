/** The configured SMS and voice providers (adding one: a file, and a line here). */
import { AliyunSms, AliyunVoice } from './aliyun.js';
import { TencentSms } from './tencent.js';
import type { Env, TextProvider } from './provider.js';

export function smsProvider(env: Env, o: { timeoutMs: number; now(): number }): TextProvider | null {
  switch (env.SMS_PROVIDER) {
    case 'aliyun':
      return AliyunSms.fromEnv(env, o);
    case 'tencent':
      return TencentSms.fromEnv(env, o);
    default:
      return null;
  }
}

export function voiceProvider(env: Env, o: { timeoutMs: number; now(): number }): TextProvider | null {
  return env.VOICE_PROVIDER === 'aliyun' ? AliyunVoice.fromEnv(env, o) : null;
}
