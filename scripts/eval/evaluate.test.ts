import { describe, expect, it } from 'vitest';
import type { ChatAnswer, ChatEvent, QaEngine } from '../../src/core/engine';
import { cjkShare, evaluate, formatReport, parseEvalFile } from './evaluate';

const line = (o: object) => JSON.stringify({ id: 'a', lang: 'ja', question: 'q', gold: [], footnotes: [], kind: 'fact', unanswerable: false, ...o });

describe('parseEvalFile', () => {
  it('reads JSON lines with optional answer keys and history, and names the line of a bad one', () => {
    const items = parseEvalFile(`${line({ answer_key: ['x'], history: [{ role: 'user', content: 'c' }] })}\n\n`);
    expect(items[0]!.answer_key).toEqual(['x']);
    expect(() => parseEvalFile(`${line({})}\n{"id":"b","lang":"fr"}`)).toThrow(/line 2/);
    expect(() => parseEvalFile('{oops')).toThrow(/line 1: not JSON/);
  });
});

/** An engine that answers from a script, to check the metrics themselves. */
function scripted(answers: Record<string, Partial<ChatAnswer>>, passages: Record<string, string[]>): QaEngine {
  const answer = (q: string): ChatAnswer => ({ answer: '', status: 'answered', grounded: true, lang: 'ja', citations: [], footnotes: [], ...answers[q] });
  return {
    library: undefined as never,
    info: { embedder: 'x', retrieval: 'lexical', editions: ['ja'] },
    english: () => undefined,
    search: async (q) => (passages[q] ?? []).map((text, i) => ({ passage: { id: `p${i}`, kind: 'body', text, section: '', page: 1, footnotes: [], order: i }, score: 1 })),
    chat: async function* (input): AsyncIterable<ChatEvent> {
      yield { type: 'done', answer: answer(input.question) };
    },
    explain: () => Promise.reject(new Error('the metrics never ask how a question was read')),
  };
}

describe('evaluate', () => {
  it('counts an answer key found in a citation quote, a missed footnote, a wrongly answered unanswerable and an empty answer', async () => {
    const quote = { ref: 1, id: 'p0', text: 't', section: '', page: 1, footnotes: [], quote: '中国が 56.3％' };
    const engine = scripted(
      {
        q1: { answer: 'China had the highest share [1]', lang: 'en', citations: [quote], footnotes: [] },
        q2: { answer: '答え' },
        q3: { answer: '' , grounded: false, status: 'not_in_report' },
      },
      { q1: ['別の文', '中国が 56.3％と最も高い'] },
    );
    const items = parseEvalFile(
      [
        line({ id: '1', lang: 'en', question: 'q1', gold: ['中国が56.3％'], answer_key: ['56.3'], footnotes: [5] }),
        line({ id: '2', question: 'q2', kind: 'unanswerable', unanswerable: true }),
        line({ id: '3', question: 'q3' }),
      ].join('\n'),
    );
    const r = await evaluate(engine, items);
    expect(r.byLang.en.retrieval).toMatchObject({ n: 1, hit1: 0, hit5: 1, mrr: 0.5 });
    expect(r.byLang.en.answerKey).toEqual({ n: 1, ok: 1 });
    expect(r.byLang.en.english).toEqual({ n: 1, ok: 1 });
    expect(r.byLang.en.footnotes).toEqual({ n: 1, ok: 0 });
    expect(r.byLang.ja.abstained).toEqual({ n: 1, ok: 0 });
    expect(r.byLang.ja.empty).toBe(1);
    expect(r.failures.join('\n')).toMatch(/1 \[en\] footnotes: want 5 got none/);
    expect(formatReport(r)).toMatch(/\| answer carries the answer key \| — \| 1\.00 \(1\/1\) \|/);
  });

  it('measures how Japanese a text is, ignoring markers', () => {
    expect(cjkShare('The report says [1]')).toBe(0);
    expect(cjkShare('中国経済[1]')).toBe(1);
  });
});
