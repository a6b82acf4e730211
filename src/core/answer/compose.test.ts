import { describe, expect, it } from 'vitest';
import { Library } from '../library';
import type { Passage } from '../types';
import { compose } from './compose';
import { SentenceIndex } from './sentences';

/** A made-up report: one claim in the body, citing a footnote that states a fact and its source. */
const claim = 'データセンターの整備需要は旺盛とみられる。';
const fact = '2024年 3月末時点のデータセンターは 449棟となっている（「未来の地図」.『経済と データ』、東西新聞、2024年 3月 27日。https://news.example/vol3/.）。';
const passages: Passage[] = [
  { id: 'p1', order: 0, kind: 'body', text: claim, section: '1 はじめに', page: 1, footnotes: [7], markers: [{ n: 7, at: claim.length - 1 }] },
  { id: 'fn-7', order: 1, kind: 'footnote', text: fact, section: '', page: 1, footnotes: [7] },
];
const library = new Library(passages, [{ n: 7, text: fact, urls: ['https://news.example/vol3/'], page: 1 }]);
const sentences = new SentenceIndex(passages);
const [claimSentence] = sentences.of(passages[0]!);
const [factSentence] = sentences.of(passages[1]!);

describe('compose', () => {
  it('answers a fact from a footnote as a sentence; its bibliography stays in the citation and the footnotes', () => {
    const a = compose([factSentence!], { lang: 'ja', library });
    expect(a.answer).toBe('2024年3月末時点のデータセンターは449棟となっている。[1]');
    expect(a.citations[0]!.quote).toBe(fact);
    expect(a.footnotes.map((f) => f.n)).toEqual([7]);
  });

  it('keeps the bibliography under the footnote number when the footnote itself is asked for', () => {
    const a = compose([factSentence!], { lang: 'ja', library, sources: 'inline' });
    expect(a.answer).toMatch(/^脚注7：2024年3月末.*東西新聞.*https:\/\/news\.example\/vol3\/.*\[1\]$/);
  });

  it('leads a source answer with the footnote, before the claim it backs', () => {
    const a = compose([claimSentence!, factSentence!], { lang: 'ja', library, sources: 'first' });
    expect(a.answer.startsWith('脚注7：')).toBe(true);
    expect(a.answer.indexOf('整備需要')).toBeGreaterThan(a.answer.indexOf('東西新聞'));
  });
});
