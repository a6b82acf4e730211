import { describe, expect, it } from 'vitest';
import { analyseQuery, asksForSource, footnoteNumbersIn, looksLikeFollowUp } from './question';

describe('footnote intent', () => {
  it('finds footnote numbers in Japanese and English forms', () => {
    expect(footnoteNumbersIn('脚注9の出典は？')).toEqual([9]);
    expect(footnoteNumbersIn('注２０の内容を教えて')).toEqual([20]);
    expect(footnoteNumbersIn('What does footnote 14 say?')).toEqual([14]);
    expect(footnoteNumbersIn('show note 3 and fn. 4')).toEqual([3, 4]);
    expect(footnoteNumbersIn('2025年に注目された')).toEqual([]);
    expect(footnoteNumbersIn('What happened in 2016?')).toEqual([]);
  });

  it('recognises source questions', () => {
    for (const q of ['R1の価格情報の出典URLは？', 'この記述の根拠は？', 'What is the source for the pricing?', 'Which article reported it?', 'Give me the link']) expect(asksForSource(q)).toBe(true);
    for (const q of ['ジニ係数は最近どうなっているか？', 'When was R1 released?']) expect(asksForSource(q)).toBe(false);
  });
});

describe('follow-ups', () => {
  it('recognises short questions that lean on the previous turn', () => {
    expect(looksLikeFollowUp('その出典は？', 'ja')).toBe(true);
    expect(looksLikeFollowUp('日本はどうか？', 'ja')).toBe(true);
    expect(looksLikeFollowUp('and why?', 'en')).toBe(true);
    expect(looksLikeFollowUp('What about Japan?', 'en')).toBe(true);
    expect(looksLikeFollowUp('具体的には？', 'ja')).toBe(true);
    expect(looksLikeFollowUp('Explain more, please', 'en')).toBe(true);
    expect(looksLikeFollowUp('How has China’s Gini coefficient changed over the last twenty years in detail?', 'en')).toBe(false);
    expect(looksLikeFollowUp('ジニ係数の推移は？', 'ja')).toBe(false);
  });

  it('reads a follow-up together with the previous user question only when there is history', () => {
    const history = [
      { role: 'user' as const, content: 'DeepSeekの開発費は本当に600万ドル以下なのか？' },
      { role: 'assistant' as const, content: '…[1]' },
    ];
    const a = analyseQuery('その出典は？', history);
    expect(a.followUp).toBe(true);
    expect(a.context).toBe(history[0]!.content);
    expect(a.wantsSource).toBe(true);
    expect(a.lang).toBe('ja');
    expect(analyseQuery('What about Japan?').lang).toBe('en');
    expect(analyseQuery('その出典は？').followUp).toBe(false);
    expect(analyseQuery('脚注3の内容は？', history).followUp).toBe(false);
  });
});
