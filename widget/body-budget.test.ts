import { describe, expect, it } from 'vitest';
import type { HistoryMessage } from './api-types';
import { bodyBytes, DEFAULT_MAX_BODY_BYTES, fitRequest, limitAfterRejection } from './body-budget';

/** Ten long Japanese exchanges: about 70 KB as JSON, over the server's default limit. */
function longHistory(): HistoryMessage[] {
  const history: HistoryMessage[] = [];
  for (let i = 0; i < 10; i++) {
    history.push({ role: 'user', content: `${i}：${'中国経済の先行きについて詳しく教えてください。'.repeat(80)}` });
    history.push({ role: 'assistant', content: `${'レポートによれば、生成AIは雇用に影響する。'.repeat(30)}[1]`, citations: [`p${i}-001-abcdef`] });
  }
  return history;
}

describe('bodyBytes', () => {
  it('counts UTF-8 bytes of the JSON body, three for each Japanese character', () => {
    expect(bodyBytes({ question: 'ab' })).toBe('{"question":"ab"}'.length);
    expect(bodyBytes({ question: '開発費' })).toBe('{"question":""}'.length + 9);
  });
});

describe('fitRequest', () => {
  it('sends the whole history when it fits', () => {
    const history: HistoryMessage[] = [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a', citations: ['fn-1'] }];
    expect(fitRequest('次は？', history, DEFAULT_MAX_BODY_BYTES)).toEqual({ question: '次は？', history });
    expect(fitRequest('最初', [], DEFAULT_MAX_BODY_BYTES)).toEqual({ question: '最初' });
  });

  it('leaves out the oldest exchanges until the body fits, keeping the newest', () => {
    const history = longHistory();
    const question = '日本への影響は？'.repeat(200);
    expect(bodyBytes({ question, history })).toBeGreaterThan(DEFAULT_MAX_BODY_BYTES);
    const fitted = fitRequest(question, history, DEFAULT_MAX_BODY_BYTES);
    expect(bodyBytes(fitted)).toBeLessThanOrEqual(DEFAULT_MAX_BODY_BYTES);
    expect(fitted.history?.[0]?.role).toBe('user');
    expect(fitted.history?.at(-1)).toEqual(history.at(-1));
    expect(fitted.history?.length).toBeLessThan(history.length);
    expect(fitted.history?.length).toBeGreaterThanOrEqual(14);
  });

  it('sends the question alone when not even one exchange fits', () => {
    expect(fitRequest('q', longHistory(), 500)).toEqual({ question: 'q' });
  });

  it('never starts history with an answer', () => {
    const history: HistoryMessage[] = [{ role: 'assistant', content: 'orphan' }, { role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }];
    expect(fitRequest('x', history, DEFAULT_MAX_BODY_BYTES).history?.[0]).toEqual({ role: 'user', content: 'q' });
  });
});

describe('limitAfterRejection', () => {
  it('uses the limit the server names, else half of what was refused', () => {
    expect(limitAfterRejection('request body is larger than 20000 bytes', 30_000, DEFAULT_MAX_BODY_BYTES)).toBe(20_000);
    expect(limitAfterRejection('too large', 30_000, DEFAULT_MAX_BODY_BYTES)).toBe(15_000);
    // Never above what was just refused.
    expect(limitAfterRejection('request body is larger than 90000 bytes', 30_000, DEFAULT_MAX_BODY_BYTES)).toBe(29_999);
  });
});
