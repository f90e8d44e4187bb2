/** Pure message lookup and interpolation, shared by the rune store and the tests. */
import { en } from './en';
import { zh, type MessageKey } from './zh';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';
export const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zh, en };

export type Params = Record<string, string | number>;

/** `{name}` placeholders in a message, sorted. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const message = dictionaries[lang][key] ?? dictionaries[DEFAULT_LANG][key] ?? key;
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
