import { describe, expect, it } from 'vitest';
import { absentKanjiWords, unknownCapitalised } from './names';

const known = new Set(['china', 'japan', 'export', 'control']);
const isKnown = (s: string) => known.has(s);

describe('unknownCapitalised', () => {
  it('finds places and brands the report never names, the first word of a keyword query included', () => {
    expect(unknownCapitalised("What about Norway's salmon farms?", isKnown)).toEqual(['Norway']);
    expect(unknownCapitalised('Peru mining exports', isKnown)).toEqual(['Peru']);
  });

  it('passes over words that only open a request, and names the report uses', () => {
    expect(unknownCapitalised('Tell me about export controls on China', isKnown)).toEqual([]);
    expect(unknownCapitalised('Apart from Japan, who else?', isKnown)).toEqual([]);
  });
});

describe('absentKanjiWords', () => {
  it('treats words that ask for a name or frame the question as no topic', () => {
    expect(absentKanjiWords('正式な名称は何？', '')).toEqual([]);
    expect(absentKanjiWords('株価はいくら？', '')).toEqual(['株価']);
  });
});
