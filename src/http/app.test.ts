import { beforeAll, describe, expect, it } from 'vitest';
import { realEngine } from '../../test/helpers/real-engine';
import type { QaEngine } from '../core/engine';
import { createApp } from './app';
import { chatOut, footnotesOut, healthOut, passageOut, reportOut, searchOut } from './schemas';

let app: ReturnType<typeof createApp>;
let engine: QaEngine;

beforeAll(async () => {
  engine = await realEngine();
  app = createApp({ engine, report: { title: 'テスト', publisher: '出版社', suggestions: { ja: ['質問？'], en: ['Question?'] } }, widgetJs: 'console.log(1)', demoPage: '<!doctype html><title>demo</title>' });
});

const post = (body: string, headers: Record<string, string> = {}) =>
  app.request('/api/chat', { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
}

describe('GET /health', () => {
  it('reports the index counts and retrieval mode', async () => {
    const body = healthOut.parse(await (await app.request('/health')).json());
    expect(body.footnotes).toBe(21);
    expect(body.passages).toBeGreaterThan(21);
    expect(body.retrieval).toBe('hybrid');
    expect(body.embedder).toMatch(/^hash/);
  });
});

describe('footnotes and passages', () => {
  it('lists all 21 footnotes whole, with URLs rejoined', async () => {
    const { footnotes } = footnotesOut.parse(await (await app.request('/api/footnotes')).json());
    expect(footnotes.map((f) => f.n)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(footnotes[1]!.urls).toContain('https://www.nikkei.com/article/DGXZQOGN293P40Z20C25A1000000/');
  });

  it('returns one footnote, and 404 JSON for unknown or malformed numbers', async () => {
    const res = await app.request('/api/footnotes/16');
    expect(res.status).toBe(200);
    const f = (await res.json()) as { n: number; urls: string[] };
    expect(f.n).toBe(16);
    expect(f.urls[0]).toMatch(/^https:\/\/www\.reuters\.com\/technology\//);
    for (const bad of ['0', '22', 'abc', '1e1', '-1', '%2e%2e%2fetc']) await expectError(await app.request(`/api/footnotes/${bad}`), 404, 'not_found');
  });

  it('returns a passage with its neighbours, and 404 for unknown ids and path tricks', async () => {
    const first = engine.library.passages.find((p) => p.kind === 'body')!;
    const body = passageOut.parse(await (await app.request(`/api/passages/${first.id}`)).json());
    expect(body.text).toBe(first.text);
    expect(body.next).not.toBeNull();
    const next = passageOut.parse(await (await app.request(`/api/passages/${body.next}`)).json());
    expect(next.prev).toBe(first.id);
    for (const bad of ['nope', '..%2f..%2fpackage.json', 'P1', '%00']) await expectError(await app.request(`/api/passages/${bad}`), 404, 'not_found');
  });
});

describe('GET /api/search', () => {
  it('finds Japanese and English questions in the report', async () => {
    const ja = searchOut.parse(await (await app.request('/api/search?q=' + encodeURIComponent('ジニ係数の推移') + '&k=3')).json());
    expect(ja.results).toHaveLength(3);
    expect(ja.results.some((r) => r.text.includes('ジニ係数'))).toBe(true);
    const en = searchOut.parse(await (await app.request('/api/search?q=' + encodeURIComponent("India's finance ministry DeepSeek"))).json());
    expect(en.results.some((r) => r.text.includes('インドの財務省'))).toBe(true);
    expect(en.results.find((r) => r.text.includes('インドの財務省'))!.footnotes.map((f) => f.n)).toEqual([16]);
  });

  it('rejects bad q and k with 400 JSON', async () => {
    await expectError(await app.request('/api/search'), 400, 'validation_failed');
    await expectError(await app.request('/api/search?q='), 400, 'validation_failed');
    await expectError(await app.request('/api/search?q=%20%20'), 400, 'validation_failed');
    await expectError(await app.request('/api/search?q=' + 'a'.repeat(2001)), 400, 'validation_failed');
    for (const k of ['0', '21', 'x', '2.5', '-3']) await expectError(await app.request(`/api/search?q=AI&k=${k}`), 400, 'validation_failed');
  });
});

describe('POST /api/chat', () => {
  it('answers a question asked again with the same JSON, served as JSON', async () => {
    const ask = () => post(JSON.stringify({ question: 'R1はいつ公開されましたか？' }));
    const [first, again] = [await ask(), await ask()];
    for (const res of [first, again]) expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await first.text();
    expect(await again.text()).toBe(text);
    expect(chatOut.parse(JSON.parse(text)).answer).toContain('2025年1月20日');
  });

  it('answers a Japanese question with cited passages and footnotes', async () => {
    const res = await post(JSON.stringify({ question: 'DeepSeekの開発費は本当に600万ドル以下なのか？' }));
    expect(res.status).toBe(200);
    const body = chatOut.parse(await res.json());
    expect(body.grounded).toBe(true);
    expect(body.lang).toBe('ja');
    expect(body.answer).toMatch(/\[1\]/);
    expect(body.citations[0]!.ref).toBe(1);
    expect(body.footnotes.map((f) => f.n)).toContain(2);
  });

  it('answers in English when asked in English, and abstains off-topic', async () => {
    const en = chatOut.parse(await (await post(JSON.stringify({ question: 'Which countries restricted the use of DeepSeek?' }))).json());
    expect(en.lang).toBe('en');
    expect(en.grounded).toBe(true);
    const off = chatOut.parse(await (await post(JSON.stringify({ question: 'Who won the 2022 FIFA World Cup final?' }))).json());
    expect(off.grounded).toBe(false);
    expect(off.citations).toEqual([]);
  });

  it('takes an earlier answer\'s citations back in the history as /api/chat returned them, or as their ids', async () => {
    const first = 'Which countries restricted the use of DeepSeek?';
    const before = chatOut.parse(await (await post(JSON.stringify({ question: first }))).json());
    expect(before.citations.length).toBeGreaterThan(0);
    const followUp = (citations: unknown) => post(JSON.stringify({ question: 'Where is that from?', history: [{ role: 'user', content: first }, { role: 'assistant', content: before.answer, citations }] }));
    const asReturned = chatOut.parse(await (await followUp(before.citations)).json());
    const asIds = chatOut.parse(await (await followUp(before.citations.map((c) => c.id))).json());
    expect(asReturned.status).toBe('answered');
    expect(asReturned.answer).toBe(asIds.answer);
    await expectError(await followUp([42]), 400, 'validation_failed');
  });

  it('streams the same answer as server-sent events: meta, deltas, done', async () => {
    const question = JSON.stringify({ question: 'ジニ係数は最近どうなっているか？' });
    const plain = chatOut.parse(await (await post(question)).json());
    const res = await post(question, { Accept: 'text/event-stream' });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = await res.text();
    const events = [...text.matchAll(/event: (\w+)\ndata: (.*)\n/g)].map((m) => ({ event: m[1], data: JSON.parse(m[2]!) }));
    expect(events[0]!.event).toBe('meta');
    expect(events[0]!.data.citations).toEqual(plain.citations);
    expect(events.at(-1)!.event).toBe('done');
    const deltas = events.filter((e) => e.event === 'delta').map((e) => e.data.text).join('');
    expect(deltas).toBe(plain.answer);
  });

  it('rejects malformed requests with 4xx JSON, never 5xx', async () => {
    await expectError(await post('{not json'), 400, 'invalid_json');
    await expectError(await post(''), 400, 'invalid_json');
    await expectError(await post(JSON.stringify({ question: 42 })), 400, 'validation_failed');
    await expectError(await post(JSON.stringify({ question: '' })), 400, 'validation_failed');
    await expectError(await post(JSON.stringify({ question: 'x'.repeat(2001) })), 400, 'validation_failed');
    await expectError(await post(JSON.stringify({ question: 'AI', lang: 'fr' })), 400, 'validation_failed');
    await expectError(await post(JSON.stringify({ question: 'AI', history: [{ role: 'system', content: 'x' }] })), 400, 'validation_failed');
    await expectError(await post(JSON.stringify({ question: 'AI', history: Array(21).fill({ role: 'user', content: 'x' }) })), 400, 'validation_failed');
    await expectError(await post(JSON.stringify({ question: 'a'.repeat(70_000) })), 413, 'payload_too_large');
    await expectError(await app.request('/api/chat'), 405, 'method_not_allowed');
    await expectError(await app.request('/health', { method: 'DELETE' }), 405, 'method_not_allowed');
    await expectError(await app.request('/nope'), 404, 'not_found');
  });
});

describe('documents and assets', () => {
  it('describes the API as OpenAPI and as a page', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/api/search', '/api/chat', '/api/footnotes/{n}', '/api/passages/{id}']));
    const page = await (await app.request('/docs')).text();
    expect(page).toContain('/api/chat');
  });

  it('serves the widget and the demo page, and CORS for other origins', async () => {
    const js = await app.request('/widget.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(await js.text()).toBe('console.log(1)');
    expect(await (await app.request('/')).text()).toContain('demo');
    const pre = await app.request('/api/chat', { method: 'OPTIONS', headers: { Origin: 'https://example.org', 'Access-Control-Request-Method': 'POST' } });
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('GET /api/report and English renderings', () => {
  it('introduces the report with its starter questions and the body limit clients must respect', async () => {
    const body = reportOut.parse(await (await app.request('/api/report')).json());
    expect(body).toMatchObject({ title: 'テスト', publisher: '出版社', suggestions: { ja: ['質問？'], en: ['Question?'] }, limits: { maxBodyBytes: 65536 } });
  });

  it('gives passages and search results their English rendering', async () => {
    const first = engine.library.passages.find((p) => p.kind === 'body')!;
    const passage = passageOut.parse(await (await app.request(`/api/passages/${first.id}`)).json());
    expect(passage.translation).toMatch(/DeepSeek/);
    const { results } = searchOut.parse(await (await app.request('/api/search?q=' + encodeURIComponent('Gini coefficient'))).json());
    expect(results[0]!.translation).toMatch(/Gini coefficient/);
  });
});
