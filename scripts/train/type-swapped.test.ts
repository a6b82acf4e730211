import { describe, expect, it } from 'vitest';
import { holdsAnswer, typeEvidence } from '../../src/core/answer/answer-types';
import type { Article } from './public-sets';
import { typeSwappedQuestions } from './type-swapped';

const ask = (id: string, question: string) => ({ id, question, answers: ['x'], expected: 'answered' as const });

/** A made-up article: one paragraph gives only a year, the other a year, a count, a price and a person. */
const article: Article = {
  set: 'test',
  title: '港の灯台',
  lang: 'ja',
  paragraphs: [
    {
      text: '港の灯台は1901年に建てられた。灯台は白く塗られている。',
      questions: [...['港の灯台はいつ建てられたか', '灯台はいつ白く塗られたか', '港の灯台は何年に建てられたか', '灯台が建ったのはいつか'].map((q, i) => ask(`a${i}`, q)), ask('a-none', '灯台は何色に塗られているか')],
    },
    { text: '1920年、山田太郎氏が灯台守となった。灯台守は3人いた。入場料は500円だった。', questions: [ask('b0', '山田太郎氏が灯台守となったのはいつか'), ask('b1', '灯台守は何人いたか'), ask('b2', '誰が灯台守となったか')] },
  ],
};

describe('type-swapped near misses', () => {
  const made = typeSwappedQuestions(article, 1, 17);

  it('asks a question for another kind of value its paragraph does not hold, and expects "not stated"', () => {
    expect(made.questions.length).toBeGreaterThan(0);
    for (const q of made.questions) {
      expect(q.expected).toBe('not_stated');
      const expected = typeEvidence(q.question);
      expect(['date', 'person', 'place', 'count', 'amount']).toContain(expected.type);
      expect(article.paragraphs[0]!.text.split('。').some((s) => holdsAnswer(s, expected))).toBe(false);
    }
  });

  it('leaves alone a question without an interrogative of a kind, and one whose paragraph holds every kind', () => {
    const ids = made.questions.map((q) => q.id);
    expect(ids).not.toContain('a-none-type-swapped');
    expect(ids.filter((id) => id.startsWith('b'))).toEqual([]);
  });

  it('takes the share asked for, the same questions every time', () => {
    expect(typeSwappedQuestions(article, 0, 17).questions).toEqual([]);
    expect(typeSwappedQuestions(article, 1, 17)).toEqual(made);
  });
});
