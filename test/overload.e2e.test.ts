/**
 * Load shedding with a model: at most LLM_MAX_CONCURRENT answers are written at once. Past the
 * bound a chat request is refused at once — 503 `overloaded` JSON with Retry-After, streamed or
 * not — while /health keeps answering; a slot frees as soon as its answer ends or its reader leaves.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOut } from '../src/http/schemas';
import { quoteFirstPassages, startFakeLlm, type FakeLlm } from './helpers/fake-llm';
import { repoRoot, startServer, type StartedServer } from './helpers/server';

const QUESTION = 'DeepSeekの開発費は本当に600万ドル以下なのか？';
const SLOTS = 3;

let fake: FakeLlm;
let server: StartedServer;
beforeAll(async () => {
  fake = await startFakeLlm({ kind: 'hang' });
  server = await startServer({
    env: { DATA_DIR: resolve(repoRoot, '.tmp/e2e-overload-data'), LLM_BASE_URL: fake.url, LLM_MODEL: 'fake', LLM_TIMEOUT_MS: '60000', LLM_MAX_CONCURRENT: String(SLOTS), RATE_LIMIT_PER_MINUTE: '0' },
  });
});
afterAll(async () => {
  await server?.stop();
  await fake?.close();
});

const chat = (signal?: AbortSignal, accept = 'application/json') =>
  fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: accept }, body: JSON.stringify({ question: QUESTION }), ...(signal ? { signal } : {}) });

async function until(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a burst of chat requests with a model', () => {
  it('writes at most LLM_MAX_CONCURRENT answers at once and refuses the rest with 503 and Retry-After', async () => {
    const readers = new AbortController();
    const held = Array.from({ length: SLOTS }, () => chat(readers.signal).catch(() => undefined));
    await until(() => fake.requests.length === SLOTS, 'the model to be asked');

    const refused = await Promise.all([...Array.from({ length: 12 }, () => chat()), chat(undefined, 'text/event-stream')]);
    for (const res of refused) {
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('2');
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(errorOut.parse(await res.json()).error.code).toBe('overloaded');
    }
    expect(fake.requests.length).toBe(SLOTS);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);

    // The readers leave: their slots free, and the next question is answered by the model.
    readers.abort();
    await Promise.all(held);
    fake.script({ kind: 'stream', text: quoteFirstPassages });
    let res: Response | undefined;
    for (let i = 0; i < 50 && res?.status !== 200; i++) {
      res = await chat();
      if (res.status !== 200) await new Promise((r) => setTimeout(r, 50));
    }
    expect(res!.status).toBe(200);
    expect(((await res!.json()) as { generator: string }).generator).toBe('openai:fake');
  });
});
