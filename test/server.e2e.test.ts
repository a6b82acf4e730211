/** The real Node server, started as `npm start` would, answering over HTTP. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatOut, footnotesOut, healthOut, searchOut } from '../src/http/schemas';
import { startServer, type StartedServer } from './helpers/server';

let server: StartedServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const chat = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('the Node server', () => {
  it('serves health with the index counts', async () => {
    const h = healthOut.parse(await (await fetch(`${server.url}/health`)).json());
    expect(h).toMatchObject({ status: 'ok', footnotes: 21, retrieval: 'hybrid' });
  });

  it('serves all 21 footnotes whole with their URLs rejoined', async () => {
    const { footnotes } = footnotesOut.parse(await (await fetch(`${server.url}/api/footnotes`)).json());
    expect(footnotes).toHaveLength(21);
    const byN = new Map(footnotes.map((f) => [f.n, f]));
    expect(byN.get(3)!.urls).toEqual(['https://www.itmedia.co.jp/aiplus/articles/2502/07/news151_3.html']);
    expect(byN.get(16)!.urls).toEqual(['https://www.reuters.com/technology/artificial-intelligence/indias-finance-ministry-asks-employees-avoid-ai-tools-like-chatgpt-deepseek-2025-02-05/']);
    for (const f of footnotes) for (const u of f.urls) expect(u).toMatch(/^https?:\/\/\S+[^.)）。]$/);
  });

  it('searches and answers in Japanese and English with citations', async () => {
    const s = searchOut.parse(await (await fetch(`${server.url}/api/search?q=${encodeURIComponent('データセンターの数')}&k=3`)).json());
    expect(s.results.length).toBe(3);
    const ja = chatOut.parse(await (await chat({ question: 'R1は公開後どのくらいでApp Storeのランキング1位になった？' })).json());
    expect(ja.grounded).toBe(true);
    expect(ja.answer.replace(/\s/g, '')).toContain('わずか1週間で');
    const en = chatOut.parse(await (await chat({ question: 'Which article reported that OpenAI and Microsoft were investigating DeepSeek?' })).json());
    expect(en.lang).toBe('en');
    expect(en.footnotes.map((f) => f.n)).toContain(2);
  });

  it('streams server-sent events', async () => {
    const res = await chat({ question: '日本企業に求められていることは何か？' }, { Accept: 'text/event-stream' });
    const text = await res.text();
    expect(text.indexOf('event: meta')).toBeLessThan(text.indexOf('event: delta'));
    expect(text).toMatch(/event: done\ndata: \{.*"grounded":true/);
  });

  it('answers bad input with JSON errors', async () => {
    const res = await chat({ question: '' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
  });
});

describe('the bundle `npm start` runs', () => {
  it('builds, starts from an existing index without rebuilding it, and answers', async () => {
    const { buildServer, SERVER_OUTFILE } = await import('../scripts/build-server');
    await buildServer();
    // transformers.js (and onnxruntime) load only when a model is configured: not from the entry chunk.
    expect(readFileSync(SERVER_OUTFILE, 'utf8')).not.toMatch(/from\s*["']@huggingface\/transformers["']/);
    const started = performance.now();
    const bundled = await startServer({ entry: ['dist/server/server.mjs'] });
    try {
      const body = chatOut.parse(await (await fetch(`${bundled.url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: 'R1の価格は？' }) })).json());
      const ms = performance.now() - started;
      console.log(`bundled server: first answer ${Math.round(ms)} ms after spawn`);
      expect(body.grounded).toBe(true);
      expect(bundled.output()).not.toMatch(/building the index/);
    } finally {
      await bundled.stop();
    }
  });
});
