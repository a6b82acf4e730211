/**
 * A misbehaving model against the real Node server: endless whitespace, an answer far past
 * max_tokens (streamed and whole), one enormous event-stream line, and fluent sentences its
 * passages do not support. While each answer is produced, /health is polled: it must stay about
 * as fast as while a well-behaved model answers (the server's event loop is never blocked by
 * model output), and the answer must come back capped and flagged. Replies are built before polling starts, so that the fake model's own work
 * (it shares this process with the poller) is not counted as the server's.
 */
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatOut, type ChatResponse } from '../src/http/schemas';
import { chunkJson, promptPassages, quoteFirstPassages, startFakeLlm, streamBody, type FakeLlm, type FakeReply } from './helpers/fake-llm';
import { startServer, type StartedServer } from './helpers/server';

const QUESTION = 'DeepSeekの開発費は本当に600万ドル以下なのか？';
/**
 * The slowest /health while a model misbehaves, against the slowest while it answers well: within
 * this factor, or within HEALTH_FLOOR_MS (a hundred times an idle machine's /health: on a machine
 * busy with other work a poll, or the fake model beside it, waits a second now and then). A loop
 * blocked by megabytes of model output — rescanning a 4 MB line as it grows, say — stalls /health
 * for tens of seconds.
 */
const HEALTH_FACTOR = 5;
const HEALTH_FLOOR_MS = 2500;
let healthBudgetMs = Infinity;
/** Characters of a generated answer the server keeps at most (see defaults.maxAnswerChars). */
const ANSWER_CAP = 4000;

let fake: FakeLlm;
let server: StartedServer;

beforeAll(async () => {
  fake = await startFakeLlm();
  server = await startServer({
    env: { LLM_BASE_URL: fake.url, LLM_MODEL: 'fake', LLM_TIMEOUT_MS: '8000', RATE_LIMIT_PER_MINUTE: '0' },
  });
  await askWhilePolling({ kind: 'stream', text: quoteFirstPassages }); // the first answer of a new server warms it up
  const calm = await askWhilePolling({ kind: 'stream', text: quoteFirstPassages });
  healthBudgetMs = Math.max(HEALTH_FLOOR_MS, HEALTH_FACTOR * calm.slowestHealthMs);
  report('a well-behaved model', calm);
}, 120_000);

afterAll(async () => {
  if (process.env.SHOW_SERVER_LOG) console.log(server?.output());
  await server?.stop();
  await fake?.close();
});

/** GET /health on a connection of its own (a pooled one may be closed under it while the server stalls). */
function healthOk(url: string): Promise<boolean> {
  return new Promise((ok) => {
    const req = get(`${url}/health`, { agent: false }, (res) => {
      res.resume();
      res.once('end', () => ok(res.statusCode === 200));
    });
    req.once('error', () => ok(false));
  });
}

/** Asks once while polling /health back to back; the slowest /health and the answer. */
async function askWhilePolling(reply: FakeReply): Promise<{ answer: ChatResponse; slowestHealthMs: number; answerMs: number }> {
  fake.script(reply);
  let done = false;
  let slowest = 0;
  let failed = 0;
  const poll = (async () => {
    while (!done) {
      const started = performance.now();
      if (!(await healthOk(server.url))) failed++;
      slowest = Math.max(slowest, performance.now() - started);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const started = performance.now();
  let res: Response;
  let body: unknown;
  try {
    res = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: QUESTION }) });
    body = await res.json();
  } finally {
    done = true;
    // The last /health may still be waiting on a stalled server: it counts too.
    await poll;
  }
  const answerMs = performance.now() - started;
  expect(res.status, JSON.stringify(body)).toBe(200);
  return { answer: chatOut.parse(body), slowestHealthMs: failed ? Infinity : slowest, answerMs };
}

const report = (what: string, r: { slowestHealthMs: number; answerMs: number; answer: ChatResponse }) =>
  console.log(`${what}: slowest /health ${r.slowestHealthMs.toFixed(0)} ms, answer in ${r.answerMs.toFixed(0)} ms, ${r.answer.answer.length} characters, generator ${r.answer.generator}, first warnings ${JSON.stringify((r.answer.warnings ?? []).slice(0, 2))}`);

describe('a misbehaving model does not stall the server', () => {
  it('streams 100,000 spaces: /health stays fast, the answer falls back with the reason', async () => {
    const r = await askWhilePolling({ kind: 'raw', body: Buffer.from(streamBody(' '.repeat(100_000), { deltaChars: 10 })), byteChunk: 4096 });
    report('100,000 spaces', r);
    expect(r.slowestHealthMs).toBeLessThan(healthBudgetMs);
    expect(r.answer.generator).toBe('extractive');
    expect(r.answer.grounded).toBe(true);
    expect(r.answer.warnings?.join(' ')).toMatch(/cut at 4,000 characters|cited no passage/);
  }, 60_000);

  /** A sentence passage [1] does say, cited, repeated to about 2 MB of UTF-8: a model that ignores max_tokens. */
  async function twoMegabytes(): Promise<string> {
    await askWhilePolling({ kind: 'stream', text: quoteFirstPassages });
    const first = promptPassages(fake.requests.at(-1)!)[0]!.text;
    const sentence = `${/^[^。]*。/.exec(first)![0]}[1]`;
    return sentence.repeat(Math.ceil((2 * 1024 * 1024) / Buffer.byteLength(sentence)));
  }

  it('streams a 2 MB answer past max_tokens: the answer is cut at a sentence end, with a warning', async () => {
    const body = Buffer.from(streamBody(await twoMegabytes(), { deltaChars: 1000 }));
    const r = await askWhilePolling({ kind: 'raw', body, byteChunk: 65536 });
    report('2 MB answer, streamed', r);
    expect(r.slowestHealthMs).toBeLessThan(healthBudgetMs);
    expect(r.answer.generator).toBe('openai:fake');
    expect(r.answer.answer.length).toBeLessThanOrEqual(ANSWER_CAP);
    expect(r.answer.answer).toMatch(/。\[1\]$/);
    expect(r.answer.warnings).toContainEqual(expect.stringMatching(/cut at 4,000 characters/));
  }, 60_000);

  it('returns a 2 MB answer as one JSON completion: capped the same way', async () => {
    const r = await askWhilePolling({ kind: 'json', text: await twoMegabytes() });
    report('2 MB answer, one JSON completion', r);
    expect(r.slowestHealthMs).toBeLessThan(healthBudgetMs);
    expect(r.answer.answer.length).toBeLessThanOrEqual(ANSWER_CAP);
    expect(r.answer.warnings?.join(' ')).toMatch(/cut at 4,000 characters/);
  }, 60_000);

  it('sends one 4 MB event-stream line in 1 KB pieces: the stream is refused, the server stays responsive', async () => {
    const line = `data: ${chunkJson('あ'.repeat(1_400_000))}\n\n`;
    const r = await askWhilePolling({ kind: 'raw', body: Buffer.from(`${line}data: [DONE]\n\n`), byteChunk: 1024 });
    report('4 MB event-stream line', r);
    expect(r.slowestHealthMs).toBeLessThan(healthBudgetMs);
    expect(r.answer.generator).toBe('extractive');
    expect(r.answer.warnings?.join(' ')).toMatch(/LLM unavailable/);
  }, 60_000);

  it('writes fluent sentences its passages do not support: named in warnings, and mostly unsupported falls back', async () => {
    const r = await askWhilePolling({ kind: 'stream', text: 'DeepSeekは火星で創業された。[1]創業者は宇宙飛行士である。[2]' });
    report('unsupported sentences', r);
    expect(r.slowestHealthMs).toBeLessThan(healthBudgetMs);
    expect(r.answer.generator).toBe('extractive');
    expect(r.answer.answer).not.toContain('火星');
    expect(r.answer.warnings).toContainEqual(expect.stringContaining('DeepSeekは火星で創業された。'));
  }, 60_000);
});
