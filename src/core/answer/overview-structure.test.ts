import { describe, expect, it } from 'vitest';
import type { Passage } from '../types';
import { chapterAsked, chapterNamed, keyness, type Group } from './overview-structure';
import { SentenceIndex, type Sentence } from './sentences';

/** Chapters as the structure keeps them; only their headings matter here. */
const chapters = (headings: string[]) => headings.map((heading) => ({ heading }) as Group);

describe('chapterNamed', () => {
  const numbered = chapters(Array.from({ length: 12 }, (_, i) => `${i + 1}――第${i + 1}の話`));

  it('reads a chapter number in digits (full-width too), kanji or English words', () => {
    const cases: [string, number][] = [['第2章を要約して', 2], ['５章のポイントは？', 5], ['第三章には何が書いてある？', 3], ['第十章', 10], ['第十二章の要点', 12], ['Summarize chapter 4', 4], ['What does the third chapter say?', 3], ['chapter two in 2 points', 2]];
    for (const [question, n] of cases) expect(chapterNamed(question, numbered)?.heading, question).toBe(`${n}――第${n}の話`);
  });

  it('finds no chapter in a word that ends in 章 (文章), nor one the report does not have', () => {
    expect(chapterAsked('この文章を要約して')).toBeUndefined();
    expect(chapterAsked('第13章を要約して')).toBe(13);
    expect(chapterNamed('文章の第2章は？', numbered)?.heading).toBe('2――第2の話');
    expect(chapterNamed('第13章を要約して', numbered)).toBeUndefined();
  });

  it('counts titled chapters in order where headings carry no number', () => {
    const plain = chapters(['', '島の歴史', '島の産業']);
    expect(chapterNamed('第2章を要約して', plain)?.heading).toBe('島の産業');
  });
});

describe('keyness', () => {
  it('counts a judgement of what will be needed (…必要となる, …必要だ) as a point stated, a plain report of fact not', () => {
    const passages: Passage[] = [{ id: 'p', order: 0, kind: 'body', text: '港には新しい岸壁の整備も必要となる。港の船は昨年より増えた。港の浚渫が必要だ。', section: '1｜港', page: 1, footnotes: [] }];
    const [needed, fact, must] = new SentenceIndex(passages).of(passages[0]!);
    const none = { closing: new Set<Sentence>(), opening: new Set<Sentence>(), last: undefined, echo: new Map<Sentence, number>() };
    const score = (s: typeof fact) => keyness(s!, none, { opening: false, echo: 0, asides: false });
    expect(score(needed)).toBeGreaterThan(score(fact));
    expect(score(needed)).toBe(score(must));
  });
});
