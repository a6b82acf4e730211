import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHashEmbedder } from '../core/search/hash-embedder';
import { memorySnapshot, standInModelEmbedder, TEST_WIDGET_JS } from '../../test/helpers/worker';
import type { Snapshot } from './snapshot';
import { createSnapshotServer } from './snapshot-server';

let hashJson: unknown;
let modelJson: unknown;
beforeAll(async () => {
  hashJson = JSON.parse(JSON.stringify(await memorySnapshot(createHashEmbedder())));
  modelJson = JSON.parse(JSON.stringify(await memorySnapshot(standInModelEmbedder())));
});
afterEach(() => vi.restoreAllMocks());

const quiet = () => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  return vi.spyOn(console, 'error').mockImplementation(() => {});
};
const get = (fetch: ReturnType<typeof createSnapshotServer>, path: string, env: Record<string, unknown> = {}, init?: RequestInit) =>
  Promise.resolve(fetch(new Request(`https://chat.example${path}`, init), env));

describe('createSnapshotServer', () => {
  it('builds the app on the first request and reuses it for every later one', async () => {
    quiet();
    const load = vi.fn(() => hashJson);
    const fetch = createSnapshotServer(load);
    expect(load).not.toHaveBeenCalled();
    const health = await get(fetch, '/health');
    expect(await health.json()).toEqual({ status: 'ok', passages: 60, footnotes: 21, embedder: 'hash-ngram-v2-384', retrieval: 'hybrid', editions: ['ja', 'en'], reports: 1, editionsByReport: { report: ['ja', 'en'] } });
    const search = await (await get(fetch, `/api/search?q=${encodeURIComponent('DeepSeekの開発コストは？')}&k=3`)).json();
    expect(search.results).toHaveLength(3);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('serves the widget and the demo page from the snapshot', async () => {
    quiet();
    const fetch = createSnapshotServer(() => hashJson);
    const widget = await get(fetch, '/widget.js');
    expect(widget.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await widget.text()).toBe(TEST_WIDGET_JS);
    const page = await get(fetch, '/');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toBe((hashJson as Snapshot).demoPage);
  });

  it('passes ALLOWED_ORIGINS and MAX_BODY_BYTES through to the app', async () => {
    quiet();
    const fetch = createSnapshotServer(() => hashJson);
    const env = { ALLOWED_ORIGINS: 'https://publisher.example', MAX_BODY_BYTES: '100' };
    const preflight = (origin: string) =>
      get(fetch, '/api/chat', env, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
    expect((await preflight('https://publisher.example')).headers.get('access-control-allow-origin')).toBe('https://publisher.example');
    expect((await preflight('https://elsewhere.example')).headers.get('access-control-allow-origin')).toBeNull();
    const big = await get(fetch, '/api/chat', env, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: 'あ'.repeat(200) }) });
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe('payload_too_large');
  });

  it('writes answers with Workers AI when an AI binding is configured, extractive without one', async () => {
    quiet();
    const models: string[] = [];
    const AI = {
      run: async (model: string) => {
        models.push(model);
        return { response: 'DeepSeekは開発コストを600万ドル以下と発表した。[1]' };
      },
    };
    const ask = (env: Record<string, unknown>) =>
      get(createSnapshotServer(() => hashJson), '/api/chat', env, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ question: 'DeepSeekの開発コストは？' }),
      }).then((r) => r.json());
    const generated = await ask({ AI, LLM_MODEL: '@cf/meta/llama-3.1-8b-instruct' });
    expect(models).toEqual(['@cf/meta/llama-3.1-8b-instruct']);
    expect(generated).toMatchObject({ generator: 'workers-ai:@cf/meta/llama-3.1-8b-instruct', grounded: true });
    expect(generated.answer).toContain('600万ドル以下と発表した');
    expect((await ask({})).generator).toBe('extractive');
  });

  it('serves a model-built snapshot lexical-only, naming its embedder', async () => {
    quiet();
    const fetch = createSnapshotServer(() => modelJson);
    expect(await (await get(fetch, '/health')).json()).toMatchObject({ embedder: 'transformers:Xenova/multilingual-e5-small', retrieval: 'lexical', editions: ['ja', 'en'] });
  });

  it('answers every request with one 503 JSON error, logged once, when it cannot serve the snapshot', async () => {
    const errors = quiet();
    const fetch = createSnapshotServer(() => modelJson);
    const env = { RETRIEVAL: 'hybrid' };
    for (const path of ['/health', '/api/search?q=R1', '/widget.js', '/']) {
      const res = await get(fetch, path, env);
      expect(res.status, path).toBe(503);
      const body = await res.json();
      expect(body.error.code).toBe('index_unavailable');
      expect(body.error.message).toMatch(/transformers:Xenova\/multilingual-e5-small.*cannot run/);
    }
    expect(errors).toHaveBeenCalledTimes(1);
  });

  it('reports a snapshot from another format as a corrupt index, and bad settings as unavailable', async () => {
    quiet();
    const old = createSnapshotServer(() => ({ format: 0 }));
    const res = await get(old, '/health');
    expect(res.status).toBe(500);
    expect((await res.json()).error).toMatchObject({ code: 'corrupt_index', message: expect.stringMatching(/npm run build:worker/) });
    const misconfigured = createSnapshotServer(() => hashJson);
    const bad = await get(misconfigured, '/health', { MAX_BODY_BYTES: 'lots' });
    expect(bad.status).toBe(503);
    expect((await bad.json()).error.message).toMatch(/MAX_BODY_BYTES/);
  });
});
