import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ALERT_KINDS,
  ALERT_STATUSES,
  CARE_LEVELS,
  DEVICE_TYPES,
  INSTITUTION_KINDS,
  OUTCOMES,
  RESPONDER_KINDS,
  RISK_CATEGORIES,
  ROLES,
  SEVERITIES,
  DIETS,
  KITCHEN_KINDS,
  MEALS,
  MEAL_MODES,
  ORDER_STATUSES,
  SUBSIDY_CATEGORIES,
} from '@eldercare/shared';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { LANGS, dictionaries, isLang, placeholders, translate } from './translate';
import { zh, type MessageKey } from './zh';

const keys = (o: object) => Object.keys(o).sort();

describe('translations', () => {
  it('has every key in both Chinese and English, and no extra ones', () => {
    expect(keys(en)).toEqual(keys(zh));
  });

  it('has no empty message in any language', () => {
    for (const lang of LANGS) {
      for (const [key, message] of Object.entries(dictionaries[lang])) {
        expect(message.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('uses the same {placeholders} in both languages', () => {
    for (const key of keys(zh) as MessageKey[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });

  it('leaves no Chinese in the English messages (except the language name)', () => {
    for (const [key, message] of Object.entries(en)) {
      if (key === 'lang.zh-CN') continue;
      expect(message, key).not.toMatch(/[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/);
    }
  });

  it('names every shared enum value (roles, risks, care levels, device types, institution kinds, alert and meal enums)', () => {
    const needed = [
      ...ROLES.map((v) => `role.${v}`),
      ...RISK_CATEGORIES.map((v) => `risk.${v}`),
      ...CARE_LEVELS.map((v) => `care.${v}`),
      ...DEVICE_TYPES.map((v) => `deviceType.${v}`),
      ...INSTITUTION_KINDS.map((v) => `institutionKind.${v}`),
      ...LANGS.map((v) => `lang.${v}`),
      ...ALERT_KINDS.map((v) => `alertKind.${v}`),
      ...ALERT_STATUSES.map((v) => `alertStatus.${v}`),
      ...SEVERITIES.map((v) => `severity.${v}`),
      ...RESPONDER_KINDS.map((v) => `responderKind.${v}`),
      ...OUTCOMES.map((v) => `outcome.${v}`),
      ...MEALS.map((v) => `meal.${v}`),
      ...DIETS.map((v) => `diet.${v}`),
      ...KITCHEN_KINDS.map((v) => `kitchenKind.${v}`),
      ...MEAL_MODES.map((v) => `mealMode.${v}`),
      ...ORDER_STATUSES.map((v) => `orderStatus.${v}`),
      ...SUBSIDY_CATEGORIES.map((v) => `subsidy.${v}`),
    ];
    for (const key of needed) expect(zh, key).toHaveProperty([key]);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh-CN', 'residents.count', { total: 12 })).toBe('共 12 人');
    expect(translate('en', 'common.pageInfo', { from: 1, to: 50 })).toBe('1–50 of {total}');
  });

  it('switches language by key', () => {
    expect(translate('zh-CN', 'nav.dispatch')).toBe('调度台');
    expect(translate('en', 'nav.dispatch')).toBe('Dispatch');
  });

  it('recognises only supported languages', () => {
    expect(isLang('en')).toBe(true);
    expect(isLang('zh-CN')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(isLang(null)).toBe(false);
  });
});

/** Text written straight into Svelte markup would not follow the language switch. */
describe('components', () => {
  const srcDir = join(import.meta.dirname, '..', '..');
  const svelteFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return svelteFiles(path);
      return name.endsWith('.svelte') ? [path] : [];
    });

  /** Markup text outside `{expressions}`, scripts and styles. */
  function literalText(source: string): string[] {
    const markup = source
      .replace(/<script[\s\S]*?<\/script>/g, '')
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/&[a-z]+;/g, ' ');
    let depth = 0;
    let text = '';
    for (const ch of markup) {
      if (ch === '{') depth++;
      else if (ch === '}') depth = Math.max(0, depth - 1);
      else if (depth === 0) text += ch;
    }
    return [...text.matchAll(/>([^<]*)</g)].map((m) => (m[1] ?? '').trim()).filter(Boolean);
  }

  it('contain no untranslated words in their markup', () => {
    const files = svelteFiles(srcDir);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const words = literalText(readFileSync(file, 'utf8')).filter((s) => /[A-Za-z\u4e00-\u9fff]/.test(s));
      expect(words, file).toEqual([]);
    }
  });
});
