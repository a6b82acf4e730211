/**
 * Generated answers end to end, against a scripted OpenAI-compatible server on loopback: in
 * process through the Hono app over the real report, then through the real Node server.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEngine } from '../src/core/engine';
import { collectAnswer, type QaEngine } from '../src/core/engine';
import { createApp } from '../src/http/app';
import { chatOut, type ChatResponse } from '../src/http/schemas';
import { createOpenAiGenerator } from '../src/node/openai-generator';
import { promptPassages, startFakeLlm, type FakeLlm, type FakeRequest } from './helpers/fake-llm';
import { realEngineParts } from './helpers/real-engine';
import { startServer, type StartedServer } from './helpers/server';

const QUESTION = 'DeepSeekの開発費は本当に600万ドル以下なのか？';
const TIMEOUT_MS = 400;

let fake: FakeLlm;
let app: ReturnType<typeof createApp>;
let extractiveEngine: QaEngine;
beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  fake = await startFakeLlm();
  const parts = await realEngineParts();
  const engine = createEngine({ ...parts, generator: createOpenAiGenerator({ baseUrl: fake.url, model: 'fake', timeoutMs: TIMEOUT_MS, retryDelayMs: 10 }) });
  extractiveEngine = createEngine(parts);
  app = createApp({ engine, report: { title: 'test', publisher: '', suggestions: { ja: [], en: [] } } });
});
afterAll(async () => {
  await fake.close();
  vi.restoreAllMocks();
});

async function ask(question = QUESTION, lang?: 'ja' | 'en'): Promise<ChatResponse> {
  const res = await app.request('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question, ...(lang ? { lang } : {}) }) });
  expect(res.status).toBe(200);
  return chatOut.parse(await res.json());
}

const firstSentence = (text: string) => /^[^。]*。/.exec(text)?.[0] ?? text;
const firstOf = (request: FakeRequest, ref: number) => firstSentence(promptPassages(request).find((p) => p.ref === ref)!.text);

function sseEvents(body: string): { event: string; data: unknown }[] {
  return body
    .split(/\n\n+/)
    .filter((block) => block.includes('data:'))
    .map((block) => ({ event: /^event: (.*)$/m.exec(block)?.[1] ?? 'message', data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!) }));
}

describe('generated answers through the app (in process, real report)', () => {
  it('answers with the model’s cited text, listing the cited passages and their footnotes', async () => {
    const a = await ask();
    const request = fake.requests.at(-1)!;
    expect(a.generator).toBe('openai:fake');
    expect(a.grounded).toBe(true);
    expect(a.answer).toBe(`${firstOf(request, 1)}[1]${firstOf(request, 2)}[2]`);
    expect(a.citations.map((c) => c.ref)).toEqual([1, 2]);
    expect(a.citations[0]!.text).toBe(promptPassages(request)[0]!.text);
    expect(a.footnotes.map((f) => f.n)).toContain(2);
    expect(a.warnings).toBeUndefined();
  });

  it('streams meta (the passages given), live deltas, then the checked answer in done', async () => {
    const res = await app.request('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' }, body: JSON.stringify({ question: QUESTION }) });
    const events = sseEvents(await res.text());
    expect(events[0]!.event).toBe('meta');
    expect(events.at(-1)!.event).toBe('done');
    const given = promptPassages(fake.requests.at(-1)!);
    expect((events[0]!.data as ChatResponse).citations.map((c) => c.ref)).toEqual(given.map((p) => p.ref));
    const deltas = events.filter((e) => e.event === 'delta').map((e) => (e.data as { text: string }).text);
    expect(deltas.length).toBeGreaterThan(1);
    const done = chatOut.parse(events.at(-1)!.data);
    expect(deltas.join('')).toBe(done.answer);
    expect(done.citations.map((c) => c.ref)).toEqual([1, 2]);
  });

  it('drops a citation of a passage it was not given', async () => {
    fake.script({ kind: 'stream', text: (r) => `${firstOf(r, 1)}[1]詳しくは別資料にある[9]。` });
    const a = await ask();
    expect(a.generator).toBe('openai:fake');
    expect(a.answer).not.toContain('[9]');
    expect(a.citations.map((c) => c.ref)).toEqual([1]);
    expect(a.warnings).toEqual([expect.stringMatching(/^Dropped citation \[9\]/), expect.stringMatching(/^Not supported by any cited passage: "詳しくは別資料にある。".*; removed from the answer$/)]);
    expect(a.answer).not.toContain('別資料');
    expect(a.grounded).toBe(true);
  });

  it('removes a sentence stating numbers no cited passage holds, naming them', async () => {
    fake.script({ kind: 'stream', text: (r) => `${firstOf(r, 1)}[1]開発費は2031年に3兆円へ増える[1]。` });
    const a = await ask();
    expect(a.generator).toBe('openai:fake');
    expect(a.grounded).toBe(true);
    expect(a.answer).toBe(`${firstOf(fake.requests.at(-1)!, 1)}[1]`);
    expect(a.warnings).toHaveLength(3);
    expect(a.warnings![0]).toContain('"2031"');
    expect(a.warnings![1]).toContain('"3兆"');
    expect(a.warnings![2]).toMatch(/^Not supported by the passage it cites \(\[1\]\): "開発費は2031年に3兆円へ増える\[1\]。"/);
  });

  it('falls back to the extractive answer, saying why, when the model never answers', async () => {
    const question = 'ジニ係数は最近どうなっているか？';
    fake.script({ kind: 'hang' });
    const started = performance.now();
    const a = await ask(question);
    // The model never answers: the reply came because the timeout fired, and not long after it.
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS * 25);
    const extractive = await collectAnswer(extractiveEngine.chat({ question, history: [] }));
    expect(a).toEqual(chatOut.parse({ ...extractive, warnings: [`LLM unavailable: no answer from the LLM within ${TIMEOUT_MS} ms`] }));
    expect(a.generator).toBe('extractive');
    expect(a.answer).toContain('高水準のまま横ばい');
  });

  it('survives malformed stream chunks', async () => {
    const good = (r: FakeRequest) => JSON.stringify({ choices: [{ delta: { content: `${firstOf(r, 1)}[1]` } }] });
    fake.script({ kind: 'raw', body: (r) => `data: {"choices":[{"delta":{"content":"途中\n\n: ping\n\ndata: ${good(r)}\n\ndata: [DONE]\n\n`, byteChunk: 9 });
    const a = await ask();
    expect(a.generator).toBe('openai:fake');
    expect(a.answer).toBe(`${firstOf(fake.requests.at(-1)!, 1)}[1]`);
  });

  it('retries once after a 500', async () => {
    const before = fake.requests.length;
    fake.script({ kind: 'status', status: 500 });
    const a = await ask();
    expect(a.generator).toBe('openai:fake');
    expect(fake.requests.length - before).toBe(2);
  });

  it('answers an English question in English from the Japanese passages', async () => {
    fake.script({ kind: 'stream', text: 'The reported cost of under $6 million covers training only [1].' });
    const a = await ask('Is the claimed training cost of under 6 million dollars the full cost of developing DeepSeek?');
    expect(a.lang).toBe('en');
    expect(a.generator).toBe('openai:fake');
    expect(a.warnings).toBeUndefined();
    expect(fake.requests.at(-1)!.body.messages![0]!.content).toContain('Write the answer in English');
  });

  it('does not call the model for questions the report does not answer', async () => {
    const before = fake.requests.length;
    for (const q of ['ソフトバンクの株価はいくらですか？', 'What is the recipe for a classic Margherita pizza?']) {
      const a = await ask(q);
      expect(a.grounded).toBe(false);
      expect(a.generator).toBe('extractive');
    }
    expect(fake.requests.length).toBe(before);
  });
});

describe('generated answers through the real server', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startServer({ env: { LLM_BASE_URL: fake.url, LLM_MODEL: 'fake', LLM_TIMEOUT_MS: '3000', RATE_LIMIT_PER_MINUTE: '0' } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const post = (body: unknown, accept = 'application/json') =>
    fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: accept }, body: JSON.stringify(body) });

  it('says at start-up which model writes answers', () => {
    expect(server.output()).toContain('answers by openai:fake');
  });

  it('answers through the configured endpoint, JSON and streamed', async () => {
    const a = chatOut.parse(await (await post({ question: QUESTION })).json());
    expect(a.generator).toBe('openai:fake');
    expect(a.citations.length).toBeGreaterThan(0);
    expect(fake.requests.at(-1)!.body.model).toBe('fake');
    const events = sseEvents(await (await post({ question: QUESTION }, 'text/event-stream')).text());
    expect(events.map((e) => e.event)).toEqual(['meta', ...events.slice(1, -1).map(() => 'delta'), 'done']);
    expect((events.at(-1)!.data as ChatResponse).generator).toBe('openai:fake');
  });

  it('falls back to the extractive answer when the endpoint keeps failing', async () => {
    fake.script({ kind: 'status', status: 503 }, { kind: 'status', status: 503 });
    const a = chatOut.parse(await (await post({ question: QUESTION })).json());
    expect(a.generator).toBe('extractive');
    expect(a.grounded).toBe(true);
    expect(a.warnings).toEqual(['LLM unavailable: the LLM endpoint answered HTTP 503']);
    await vi.waitFor(() => expect(server.output()).toContain('openai:fake failed: the LLM endpoint answered HTTP 503 (scripted 503)'));
  });
});
