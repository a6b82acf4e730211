import { beforeAll, describe, expect, it } from 'vitest';
import { realEngine } from '../../../test/helpers/real-engine';
import type { QaEngine } from '../engine';

let engine: QaEngine;
beforeAll(async () => {
  engine = await realEngine();
});

describe('retrieval over the report', () => {
  it('finds Japanese questions by their words', async () => {
    const hits = await engine.search('農村戸籍の人々にとっての課題は何か？', 5);
    expect(hits[0]!.passage.text).toContain('農村戸籍');
  });

  it('finds English questions through the English→Japanese lexicon', async () => {
    const hits = await engine.search('What problem does the household registration (hukou) system pose?', 5);
    expect(hits.some((h) => h.passage.text.includes('戸籍'))).toBe(true);
    const semis = await engine.search('semiconductor value chain self-reliance', 5);
    expect(semis.some((h) => h.passage.text.includes('自立自'))).toBe(true);
  });

  it('puts a named footnote first and the passage citing it second', async () => {
    const hits = await engine.search('脚注9', 5);
    expect(hits[0]!.passage.id).toBe('fn-9');
    expect(hits[1]!.passage.footnotes).toContain(9);
  });

  it('follows a claim with the footnotes it cites when the question asks for a source', async () => {
    const ids = (await engine.search('中国のAI政策のスタンスに関する記述の出典は？', 5)).map((h) => h.passage.id);
    const claim = ids.findIndex((id) => engine.library.passage(id)!.footnotes.includes(19));
    expect(claim).toBeGreaterThanOrEqual(0);
    expect(ids[claim + 1]).toBe('fn-19');
    expect((await engine.search('中国のAI政策のスタンス', 5)).map((h) => h.passage.id)).not.toContain('fn-19');
  });

  it('returns each passage once, at most k', async () => {
    const hits = await engine.search('DeepSeek', 20);
    expect(hits.length).toBeLessThanOrEqual(20);
    expect(new Set(hits.map((h) => h.passage.id)).size).toBe(hits.length);
  });
});

describe('remembered questions', () => {
  it('answer a repeated question the same, and keep follow-ups apart by their context', async () => {
    const first = await engine.search('ジニ係数の推移', 5);
    const again = await engine.search('ジニ係数の推移', 5);
    expect(again.map((h) => h.passage.id)).toEqual(first.map((h) => h.passage.id));
    const ask = async (context: string) => {
      const { collectAnswer } = await import('../engine');
      return collectAnswer(engine.chat({ question: 'その出典は？', history: [{ role: 'user', content: context }, { role: 'assistant', content: '…' }] }));
    };
    const india = await ask('インド財務省はDeepSeekについてどのような指示を出したか？');
    const cost = await ask('DeepSeekの開発費は本当に600万ドル以下なのか？');
    expect(india.footnotes.map((f) => f.n)).toContain(16);
    expect(cost.footnotes.map((f) => f.n)).toContain(2);
    expect(cost.footnotes.map((f) => f.n)).not.toContain(16);
  });
});
