import { describe, expect, it } from 'vitest';
import { describeLayout, footnoteNumber, headingLevel, isRule } from './parse-layout';

describe('line shapes', () => {
  it('reads footnote numbers in ASCII or full-width digits', () => {
    expect(footnoteNumber('12 出典は次の通り。')).toEqual({ n: 12, rest: '出典は次の通り。', fullWidth: false });
    expect(footnoteNumber('１２ 出典は次の通り。')).toEqual({ n: 12, rest: '出典は次の通り。', fullWidth: true });
    expect(footnoteNumber('2024年には')).toBeUndefined();
  });

  it('tells chapters from sub-sections, with full-width numbers too', () => {
    expect(['1――はじめに', '１――はじめに', '2——結び', '3──課題', '1｜節', '２|節', '1 はじめに', '（1）小見出し'].map(headingLevel)).toEqual([1, 1, 1, 1, 2, 2, 0, 0]);
  });
});

describe('isRule', () => {
  it('takes space-only lines as rules when the text has any', () => {
    const raw = ['本文', '', ' ', '1 脚注'];
    expect(raw.map((_, i) => isRule(raw, i, describeLayout(raw)))).toEqual([false, false, true, false]);
  });

  it('takes empty lines as rules when the text has no space-only line', () => {
    const single = ['本文', '', '1 脚注', '本文'];
    expect(single.map((_, i) => isRule(single, i, describeLayout(single)))).toEqual([false, true, false, false]);
    // Double-spaced: one empty line only separates printed lines; a second one in a row is the rule.
    const double = ['本文', '', '本文', '', '', '1 脚注', '', '続き', ''];
    expect(double.map((_, i) => isRule(double, i, describeLayout(double)))).toEqual([false, false, false, false, true, false, false, false, false]);
  });
});
