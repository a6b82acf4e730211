import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../search/bm25';
import { tokenize } from '../search/tokenize';
import { weighQuery } from './read';

const index = Bm25Index.build([
  { id: 'a', text: '2025年1月20日に公開されたR1はランキングで1位になった。' },
  { id: 'b', text: 'リーダー企業のコースを見直す会議が開かれた。' },
  { id: 'c', text: '中国の銀行は融資を拡大した。' },
]);
const terms = (q: string) => ({ ja: tokenize(q).map((term) => ({ term, weight: 1 })), en: [] });

describe('weighQuery', () => {
  it('leaves out bigrams that straddle a word boundary and the pieces of a katakana word the report never uses', () => {
    const q = weighQuery(terms('R1っていつリリースされたんですか？'), { ja: index });
    expect([...q.ja.keys()]).toContain('r1');
    expect([...q.ja.keys()]).toContain('リリース');
    for (const artefact of ['つリ', 'スさ', 'リリ', 'リー', 'ース']) expect(q.ja.has(artefact)).toBe(false);
  });

  it('keeps a kanji word with its kana ending, and the pieces of a katakana word the report uses', () => {
    const q = weighQuery(terms('リーダーが見直す'), { ja: index });
    expect(q.ja.has('直す')).toBe(true);
    expect(q.ja.has('リー')).toBe(true);
  });

  it('counts what the report never uses as unseen', () => {
    expect(weighQuery(terms('サッカーの試合'), { ja: index }).unseen).toBe(1);
    expect(weighQuery(terms('中国の銀行'), { ja: index }).unseen).toBe(0);
  });

  it('counts the share of distinct terms the report never uses, leaving out kanji-kana pairs split across words', () => {
    expect(weighQuery(terms('中国の銀行'), { ja: index }).unseenTerms).toBe(0);
    expect(weighQuery(terms('サッカーの銀行'), { ja: index }).unseenTerms).toBeGreaterThan(0);
    const q = weighQuery(terms('銀行は最近どう'), { ja: index });
    expect(q.ja.has('近ど')).toBe(true);
    expect(q.unseenTerms).toBeLessThan(1);
  });

  it('counts an English word as seen when the edition lacks it but the Japanese report uses its translation', () => {
    const en = Bm25Index.build([{ id: 'a', text: 'The bank expanded its lending.' }]);
    const english = { ja: [], en: ['bank', 'startup'].map((term) => ({ term, weight: 1 })) };
    expect(weighQuery(english, { ja: index, en }).unseenTerms).toBe(0.5);
    const translated = weighQuery(english, { ja: index, en }, new Set(), (t) => t === 'startup');
    expect(translated.unseenTerms).toBe(0);
    // Still a word of the question, weighed as the rarest the edition uses.
    expect(translated.en.get('startup')).toBeGreaterThan(translated.en.get('bank')!);
    // Without an edition the question's English words stand beside their Japanese translations: a translated one is not absent.
    const dictionary = { ja: [{ term: '銀行', weight: 1 }, { term: 'bank', weight: 0.5 }], en: [] };
    expect(weighQuery(dictionary, { ja: index }).unseenTerms).toBe(0.5);
    expect(weighQuery(dictionary, { ja: index }, new Set(), (t) => t === 'bank').unseenTerms).toBe(0);
  });

  it('weighs a katakana word once, however many pieces it is indexed by', () => {
    const q = weighQuery(terms('ウクライナのリーダー'), { ja: index });
    // リーダー is in the report: the word and its three pieces share one word's weight.
    const pieces = ['リーダー', 'リー', 'ーダ', 'ダー'].map((t) => q.ja.get(t)!);
    expect(new Set(pieces.map((w) => w.toFixed(9))).size).toBe(1);
    expect(pieces.reduce((a, b) => a + b, 0)).toBeCloseTo(pieces[0]! * 4, 9);
    expect(pieces.reduce((a, b) => a + b, 0)).toBeLessThan(q.ja.get('ウクライナ')!);
    // So the word the report never uses is most of the question, as it is of its meaning.
    expect(q.unseen).toBeGreaterThan(0.5);
  });
});
