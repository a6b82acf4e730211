import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { realEngine, realEngineParts } from '../../../test/helpers/real-engine';
import { collectAnswer, type ChatEvent, type QaEngine } from '../engine';
import { generateAnswer, generationPassages } from './generate';
import { GeneratorError } from './generator-retry';
import type { GenerationRequest, Generator } from '../ports';
import { createEngine, type EngineParts } from '../engine';

let parts: EngineParts;
let extractiveEngine: QaEngine;
beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  parts = await realEngineParts();
  extractiveEngine = await realEngine();
});
afterAll(() => {
  vi.restoreAllMocks();
});

/** A generator that plays a script against each request and records the requests it saw. */
function scripted(play: (request: GenerationRequest) => AsyncIterable<string>): Generator & { requests: GenerationRequest[] } {
  const requests: GenerationRequest[] = [];
  return {
    id: 'script:test',
    requests,
    generate(request) {
      requests.push(request);
      return play(request);
    },
  };
}

const firstSentence = (text: string) => /^[^。]*。/.exec(text)?.[0] ?? text;
/** Quotes the first sentence of passages [1] and [2], citing them, in small deltas. */
const quoting = () =>
  scripted(async function* (request) {
    const text = request.passages.slice(0, 2).map((p) => `${firstSentence(p.text)}[${p.ref}]`).join('');
    for (let i = 0; i < text.length; i += 7) yield text.slice(i, i + 7);
  });

function engineWith(generator: Generator): QaEngine {
  return createEngine({ ...parts, generator });
}

async function events(engine: QaEngine, question: string, signal?: AbortSignal): Promise<ChatEvent[]> {
  const out: ChatEvent[] = [];
  for await (const e of engine.chat({ question, history: [] }, signal)) out.push(e);
  return out;
}
const deltas = (es: ChatEvent[]) => es.flatMap((e) => (e.type === 'delta' ? [e.text] : [])).join('');
const done = (es: ChatEvent[]) => es.find((e) => e.type === 'done')!.answer;

const QUESTION = 'DeepSeekの開発費は本当に600万ドル以下なのか？';

describe('generated answers', () => {
  it('streams meta (every given passage), live deltas and a checked done answer citing what it used', async () => {
    const generator = quoting();
    const es = await events(engineWith(generator), QUESTION);
    expect(es[0]!.type).toBe('meta');
    expect(es.at(-1)!.type).toBe('done');
    const given = generator.requests[0]!.passages;
    expect(given.length).toBeGreaterThanOrEqual(2);
    expect(given.length).toBeLessThanOrEqual(5);
    const meta = (es[0] as Extract<ChatEvent, { type: 'meta' }>).answer;
    expect(meta.citations.map((c) => c.ref)).toEqual(given.map((p) => p.ref));
    expect(meta.generator).toBe('script:test');
    const answer = done(es);
    expect(answer.generator).toBe('script:test');
    expect(answer.grounded).toBe(true);
    expect(answer.citations.map((c) => c.ref)).toEqual([1, 2]);
    expect(answer.citations[0]!.text).toBe(given[0]!.text);
    expect(deltas(es)).toBe(answer.answer);
    expect(answer.answer).toContain('600万ドル');
    expect(answer.footnotes.map((f) => f.n)).toContain(2);
  });

  it('gives the model the passages the extractive answer quoted first, in Japanese, with section and page', async () => {
    const generator = quoting();
    const extractive = await collectAnswer(extractiveEngine.chat({ question: QUESTION, history: [] }));
    await events(engineWith(generator), QUESTION);
    const given = generator.requests[0]!;
    expect(given.lang).toBe('ja');
    expect(given.passages.slice(0, extractive.citations.length).map((p) => p.text)).toEqual(extractive.citations.map((c) => c.text));
    expect(given.passages.every((p) => p.section !== '' && p.page > 0)).toBe(true);
  });

  it('does not call the model for a question the report does not answer', async () => {
    const generator = quoting();
    const engine = engineWith(generator);
    for (const q of ['ソフトバンクの株価はいくらですか？', 'What is the recipe for a classic Margherita pizza?', '脚注99の内容は？']) {
      const answer = done(await events(engine, q));
      expect(answer).toEqual(await collectAnswer(extractiveEngine.chat({ question: q, history: [] })));
      expect(answer.generator).toBe('extractive');
    }
    expect(generator.requests).toEqual([]);
  });

  it('falls back to the extractive answer, saying why, when the model fails before writing', async () => {
    const failing = scripted(async function* () {
      throw new Error('openai:x did not answer within 50 ms');
    });
    const es = await events(engineWith(failing), QUESTION);
    const extractive = await collectAnswer(extractiveEngine.chat({ question: QUESTION, history: [] }));
    expect(es.map((e) => e.type)).toEqual(['meta', 'delta', 'done']);
    expect(done(es)).toEqual({ ...extractive, warnings: ['LLM unavailable: openai:x did not answer within 50 ms'] });
    expect(deltas(es)).toBe(extractive.answer);
  });

  it('replaces text that streamed before the model broke off with the extractive answer in done', async () => {
    const breaking = scripted(async function* () {
      yield '途中まで書いた';
      throw new Error('the stream broke off');
    });
    const es = await events(engineWith(breaking), QUESTION);
    expect(deltas(es)).toBe('途中まで書いた');
    const answer = done(es);
    expect(answer.generator).toBe('extractive');
    expect(answer.warnings).toEqual(['LLM unavailable: the stream broke off']);
    expect(answer.answer).toBe((await collectAnswer(extractiveEngine.chat({ question: QUESTION, history: [] }))).answer);
  });

  it('falls back when the generated text cites no given passage', async () => {
    const uncited = scripted(async function* () {
      yield '開発費については諸説ある[8]。';
    });
    const answer = done(await events(engineWith(uncited), QUESTION));
    expect(answer.generator).toBe('extractive');
    expect(answer.grounded).toBe(true);
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.warnings).toEqual([expect.stringContaining('Dropped citation [8]'), expect.stringContaining('cited no passage')]);
  });

  it('stops without an answer when the reader goes away, and the model sees the abort', async () => {
    const abort = new AbortController();
    let sawAbort = false;
    const slow = scripted(async function* (request) {
      yield '開発費は';
      abort.abort();
      sawAbort = request.signal?.aborted ?? false;
      yield '600万ドル以下[1]。';
    });
    const es = await events(engineWith(slow), QUESTION, abort.signal);
    expect(sawAbort).toBe(true);
    expect(es.some((e) => e.type === 'done')).toBe(false);
  });
});

describe('caps on what a model writes', () => {
  /** The sentence of passage [1] that states the cost, cited, repeated far past any answer's length. */
  const endless = (counter: { pulled: number }) =>
    scripted(async function* (request) {
      const sentence = `${firstSentence(request.passages[0]!.text)}[1]`;
      for (let i = 0; i < 2000; i++) {
        counter.pulled++;
        yield sentence.repeat(Math.ceil(1000 / sentence.length)).slice(0, 1000);
      }
    });

  it('stops reading at 4,000 characters and cuts at the end of the last complete sentence, with a warning', async () => {
    const counter = { pulled: 0 };
    const es = await events(engineWith(endless(counter)), QUESTION);
    const answer = done(es);
    expect(counter.pulled).toBeLessThanOrEqual(5);
    expect(answer.generator).toBe('script:test');
    expect(answer.answer.length).toBeLessThanOrEqual(4000);
    expect(answer.answer).toMatch(/。\[1\]$/);
    expect(answer.warnings![0]).toBe('The generated answer was cut at 4,000 characters, at the end of its last complete sentence');
    expect(deltas(es).length).toBeLessThanOrEqual(4000);
  });

  it('falls back when what was read before the cap holds no sentence (100,000 spaces)', async () => {
    const spaces = scripted(async function* () {
      for (let i = 0; i < 10_000; i++) yield ' '.repeat(10);
    });
    const started = performance.now();
    const es = await events(engineWith(spaces), QUESTION);
    // Reading 100,000 characters takes tens of ms; a bound many times that still catches a quadratic scan (seconds).
    expect(performance.now() - started).toBeLessThan(5000);
    const answer = done(es);
    expect(es.map((e) => e.type)).toEqual(['meta', 'delta', 'done']);
    expect(answer.generator).toBe('extractive');
    expect(answer.warnings).toEqual([expect.stringMatching(/^The generated answer was cut at 4,000 characters/), expect.stringContaining('cited no passage')]);
  });

  it('keeps the complete sentences written before time ran out', async () => {
    const slow = scripted(async function* (request) {
      yield `${firstSentence(request.passages[0]!.text)}[1]`;
      yield '続きを書い';
      throw new GeneratorError('no answer from the LLM within 100 ms', { timedOut: true });
    });
    const answer = done(await events(engineWith(slow), QUESTION));
    expect(answer.generator).toBe('script:test');
    expect(answer.answer).toMatch(/。\[1\]$/);
    expect(answer.answer).not.toContain('続き');
    expect(answer.warnings).toEqual(['The generated answer was cut when time ran out (no answer from the LLM within 100 ms), at the end of its last complete sentence']);
  });

  it('checks English sentences against the English rendering of the passages they cite', async () => {
    const extractive = await collectAnswer(extractiveEngine.chat({ question: QUESTION, history: [] }));
    const hits = await extractiveEngine.search(QUESTION, 6);
    const english = scripted(async function* () {
      yield 'DeepSeek was founded on Mars by a crew of astronauts [1].';
    });
    const run = async (renderingOf?: (id: string) => string | undefined) => {
      let last: ChatEvent | undefined;
      for await (const e of generateAnswer({ generator: english, question: QUESTION, lang: 'en', history: [], extractive, hits, library: extractiveEngine.library, ...(renderingOf ? { renderingOf } : {}) })) last = e;
      return (last as Extract<ChatEvent, { type: 'done' }>).answer;
    };
    expect((await run()).generator).toBe('script:test');
    const checked = await run(() => 'DeepSeek announced a development cost of under $6 million, covering training only.');
    expect(checked.generator).toBe('extractive');
    expect(checked.warnings![0]).toMatch(/^Not supported by the passage it cites \(\[1\]\): "DeepSeek was founded on Mars/);
  });
});

describe('passages given to the model', () => {
  it('caps ordinary questions and adds the footnotes behind the passages for source questions', async () => {
    const engine = engineWith(quoting());
    const question = 'Ascend 910Cの性能に関する報道の出典は？';
    const extractive = await collectAnswer(extractiveEngine.chat({ question, history: [] }));
    const hits = await engine.search(question, 6);
    const plain = generationPassages(extractive, hits, engine.library, { max: 3 });
    expect(plain).toHaveLength(3);
    expect(plain.slice(0, extractive.citations.length).map((p) => p.id)).toEqual(extractive.citations.map((c) => c.id).slice(0, 3));
    const sourced = generationPassages(extractive, hits, engine.library, { max: 3, wantsSource: true });
    const added = sourced.slice(3);
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((p) => p.kind === 'footnote')).toBe(true);
    expect(sourced.map((p) => p.id)).toContain('fn-9');
  });
});

describe('the model reads questions the extractive reader would decline', () => {
  const saying = (text: string) =>
    scripted(async function* () {
      yield text;
    });

  it('gives a near miss to the model, and maps its "the passages do not answer" to not_stated, citing what the report says', async () => {
    const question = 'DeepSeekの従業員数は何人ですか？';
    expect((await collectAnswer(extractiveEngine.chat({ question, history: [] }))).status).toBe('not_stated');
    const generator = saying('このレポートの該当箇所には、この質問に答える記述がありません。');
    const a = await collectAnswer(engineWith(generator).chat({ question, history: [] }));
    expect(generator.requests).toHaveLength(1);
    expect(a).toMatchObject({ status: 'not_stated', grounded: false, generator: 'script:test' });
    expect(a.answer).toMatch(/^このレポートの該当箇所には、この質問に答える記述がありません。/);
    expect(a.citations.length).toBeGreaterThan(0);
    expect(a.answer).toMatch(/\[1\]/);
  });

  it('maps an English refusal the same way, even for a question the extractive reader answered', async () => {
    const a = await collectAnswer(engineWith(saying('The passages from the report do not answer this question.')).chat({ question: 'How fast did R1 top the App Store charts?', history: [] }));
    expect(a.status).toBe('not_stated');
    expect(a.answer).toMatch(/^The passages from the report do not answer this question\. What it does say: /);
  });

  it('still costs no call for an off-topic question', async () => {
    const generator = quoting();
    const a = await collectAnswer(engineWith(generator).chat({ question: 'What is a good recipe for homemade ramen broth?', history: [] }));
    expect(a.status).toBe('not_in_report');
    expect(generator.requests).toHaveLength(0);
  });
});
