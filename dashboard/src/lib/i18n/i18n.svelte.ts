/** The chosen language as a rune; remembered in localStorage. Components call `t(key, params)`. */
import { DEFAULT_LANG, isLang, translate, type Lang, type Params } from './translate';
import type { MessageKey } from './zh';

const STORAGE_KEY = 'eldercare.lang';

function initialLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // storage can be disabled; fall back to the default
  }
  return DEFAULT_LANG;
}

class I18n {
  lang = $state<Lang>(initialLang());

  set(lang: Lang): void {
    this.lang = lang;
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // not remembered, still switched
    }
    document.documentElement.lang = lang;
  }
}

export const i18n = new I18n();
export const t = (key: MessageKey, params?: Params): string => translate(i18n.lang, key, params);
export type { MessageKey };
