import { describe, expect, it } from 'vitest';
import { questionTerms } from './query-terms';

describe('questionTerms', () => {
  it('keeps at most 64 terms a question, however long its context, weighting the question over the context', () => {
    const context = Array.from({ length: 400 }, (_, i) => `語彙${i}を含む長い文脈`).join('、');
    const terms = questionTerms({ lang: 'ja', focus: 'ジニ係数の推移は？', context }, { english: false });
    expect(terms.ja.length).toBeLessThanOrEqual(64);
    const weight = (t: string) => terms.ja.find((x) => x.term === t)?.weight ?? 0;
    expect(weight('ジニ')).toBeGreaterThan(weight('文脈'));
  });

  it('weighs a new subject double', () => {
    const terms = questionTerms({ lang: 'ja', focus: '日本は？', subject: '日本', context: '中国の利用率は？' }, { english: false });
    expect(terms.ja.find((t) => t.term === '日本')?.weight).toBe(2);
  });

  it('reads a space typed between Japanese keywords as a break between words', () => {
    for (const focus of ['港湾　利用規約', '港湾 利用規約']) {
      const terms = questionTerms({ lang: 'ja', focus }, { english: false }).ja.map((t) => t.term);
      expect(terms, focus).toContain('港湾');
      expect(terms, focus).toContain('規約');
      expect(terms, focus).not.toContain('湾利');
    }
  });

  it('leaves out a share asked as 何割 and a hedge on how much (くらい), which no report writes, and keeps 何年 and 何人', () => {
    const terms = (focus: string) => questionTerms({ lang: 'ja', focus }, { english: false }).ja.map((t) => t.term);
    const share = terms('灯台の光は何割くらい届く？');
    expect(share).toEqual(expect.arrayContaining(['灯台', '届く']));
    for (const t of ['何割', '割く', 'くらい']) expect(share).not.toContain(t);
    expect(terms('灯台はどれくらい古い？')).not.toContain('くらい');
    expect(terms('灯台は何年に建った？')).toContain('何年');
  });

  it("adds the edition's other form of a place's name (Chinese for China) at a discount to an English question", () => {
    const synonyms = { ja: new Map(), en: new Map(), enRelated: new Map([['china', ['chines']], ['chines', ['china']]]) };
    const terms = questionTerms({ lang: 'en', focus: "What are the risks for China's economy?" }, { english: true, synonyms }).en;
    expect(terms.find((t) => t.term === 'china')?.weight).toBe(1);
    expect(terms.find((t) => t.term === 'chines')?.weight).toBe(0.5);
  });
});
