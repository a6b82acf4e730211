import { describe, expect, it } from 'vitest';
import { tokenize } from '../search/tokenize';
import { aspectsAsked, speaksOf } from './aspects';

const speaks = (question: string, ja: string, en = '') => {
  const aspects = aspectsAsked(question);
  return aspects !== undefined && speaksOf(aspects, new Set(tokenize(ja)), new Set(tokenize(en)));
};

describe('aspects of a topic', () => {
  it('finds the aspect a question asks for in any of the words a report states it with', () => {
    expect(speaks('漁業のリスクは何？', '漁獲の減少を招く恐れがある。')).toBe(true);
    expect(speaks('What are the main risks for farmers?', '農家の懸念は強い。')).toBe(true);
    expect(speaks('観光のチャンスは？', '', 'Tourism could become a tailwind for the town.')).toBe(true);
  });

  it('reads "what should X do" as asking for what must be done', () => {
    expect(speaks('町は何をすべき？', '対策が求められる。')).toBe(true);
    expect(speaks('What should the town do?', '港の整備が課題となる。')).toBe(true);
  });

  it('does not take one aspect for another, nor a question without one for any', () => {
    expect(speaks('漁業のリスクは何？', '観光は町の追い風となる。')).toBe(false);
    expect(aspectsAsked('港の取扱量はどれくらい？')).toBeUndefined();
  });

  it('sets aside the aspect words, which say what about the topic, not which topic', () => {
    const tokens = aspectsAsked('漁業のリスクは何？')!.tokens;
    expect(tokens.has('リスク')).toBe(true);
    expect(tokens.has('漁業')).toBe(false);
  });
});
