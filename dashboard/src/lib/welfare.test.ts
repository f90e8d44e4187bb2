import { describe, expect, it } from 'vitest';
import { translate } from './i18n/translate';
import { describeMatch, describeRule, ruleFromDraft, yuan } from './welfare';

const zh = (key: string, params?: Record<string, string | number>) => translate('zh-CN', key as never, params);
const en = (key: string, params?: Record<string, string | number>) => translate('en', key as never, params);

describe('subsidy rule wording', () => {
  it('states every condition a rule sets, in both languages', () => {
    const r = {
      minAge: 80,
      maxAge: 89,
      grades: ['severe', 'complete'] as const,
      economicStatus: ['subsistence', 'low_income'] as const,
    };
    expect(describeRule({ ...r, grades: [...r.grades], economicStatus: [...r.economicStatus] }, zh)).toBe(
      '80–89 周岁 · 重度失能、完全失能 · 低保或低收入',
    );
    expect(describeRule({ minAge: 80, maxAge: null, grades: [], economicStatus: [] }, en)).toBe('aged 80 or over');
    expect(describeRule({ minAge: null, maxAge: null, grades: [], economicStatus: [] }, zh)).toBe('所有老人');
  });

  it('explains a match with the elder’s own values', () => {
    expect(
      describeMatch(
        {
          rule: '80 周岁以上',
          ruleIndex: 0,
          age: { value: 85, min: 80, max: null },
          grade: null,
          economicStatus: null,
        },
        zh,
      ),
    ).toBe('80 周岁以上 (85 岁)');
  });

  it('turns a draft into a rule: empty ages are no bound', () => {
    expect(ruleFromDraft({ name: ' x ', minAge: '80', maxAge: '', grades: ['mild'], economicStatus: [] })).toEqual({
      name: 'x',
      minAge: 80,
      maxAge: null,
      grades: ['mild'],
      economicStatus: [],
    });
    expect(ruleFromDraft({ name: 'y', minAge: 90, maxAge: null, grades: [], economicStatus: [] }).minAge).toBe(90);
    expect(yuan(12_345)).toBe('123.45');
  });
});
