import { describe, expect, it } from 'vitest';
import { chapterAsked, chapterNamed, type Group } from './overview-structure';

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
