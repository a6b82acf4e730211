/**
 * The Worker in real workerd: built by the same function as `npm run build:worker` (index →
 * snapshot → wrangler bundle; once per run, see runWorkerBuild), served by wrangler's dev server on loopback, and compared with the
 * Node app's engine over the same index, question by question.
 */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorker, type BuildWorkerResult } from '../scripts/build-worker';
import { DEFAULT_SNAPSHOT_PATH, GZIP_LIMIT_BYTES, SNAPSHOT_MODULE } from '../scripts/worker-bundle';
import { createHashEmbedder } from '../src/core/search/hash-embedder';
import { createApp } from '../src/http/app';
import { openEngine } from '../src/node/open-engine';
import { createTransformersEmbedder } from '../src/node/transformers-embedder';
import { writeTinyModel } from './fixtures/tiny-model';
import { repoRoot, runWorkerBuild, startWorker, type StartedWorker } from './helpers/worker';

const work = resolve(repoRoot, '.tmp', `worker-e2e-${process.pid}`);
const corpusDir = join(repoRoot, 'corpus');
const devQuestionPaths = ['qa.dev.jsonl', 'qa.dev2.jsonl'].map((f) => resolve(repoRoot, 'test/eval', f));
const PUBLISHER = 'https://publisher.example';

let built: BuildWorkerResult;
let worker: StartedWorker;
let nodeApp: ReturnType<typeof createApp>;

beforeAll(async () => {
  const run = await runWorkerBuild();
  built = run.result;
  const { engine } = await openEngine({ corpusDir, indexDir: run.indexDir, embedder: createHashEmbedder(), log: () => {} });
  nodeApp = createApp({ engine, report: { title: 'node', publisher: '', suggestions: { ja: [], en: [] } } });
  worker = await startWorker({ bundleDir: built.bundle!.dir, vars: { ALLOWED_ORIGINS: PUBLISHER } });
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  if (!process.env.KEEP) await rm(work, { recursive: true, force: true });
});

const json = async (res: Response) => ({ status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as any });
const search = (q: string, k = 5) => `/api/search?k=${k}&q=${encodeURIComponent(q)}`;
const chatInit = (question: string, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify({ question }),
});

describe('build:worker', () => {
  it('bundles the snapshot into a Worker well under the 3 MB gzip limit', () => {
    expect(built.retrieval).toBe('hybrid');
    expect(built.embedder).toEqual({ id: 'hash-ngram-v2-384', dimensions: 384 });
    expect(built.bundle!.files.map((f) => f.name)).toContain('worker.js');
    expect(built.bundle!.gzipBytes).toBeGreaterThan(built.snapshotGzipBytes);
    expect(built.bundle!.gzipBytes).toBeLessThan(GZIP_LIMIT_BYTES);
    // This build's snapshot (its index build time is unique) is inside the uploaded module.
    const { builtAt } = JSON.parse(readFileSync(built.snapshotPath, 'utf8'));
    expect(readFileSync(join(built.bundle!.dir, 'worker.js'), 'utf8')).toContain(`builtAt: ${JSON.stringify(builtAt)}`);
  });

  it('deploys, by wrangler.toml, the snapshot that npm run build:worker writes', async () => {
    const { unstable_readConfig } = await import('wrangler');
    const config = unstable_readConfig({ config: join(repoRoot, 'wrangler.toml') }, { hideWarnings: true });
    expect(resolve(repoRoot, config.alias![SNAPSHOT_MODULE]!)).toBe(DEFAULT_SNAPSHOT_PATH);
    expect(config.main).toBe(join(repoRoot, 'src/worker/worker.ts'));
    expect(config.compatibility_flags).toEqual([]);
  });
});

describe('the Worker in workerd', () => {
  it('reports its index on /health: 60 passages, 21 footnotes, hybrid retrieval', async () => {
    const { status, body } = await json(await worker.get('/health'));
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', passages: 60, footnotes: 21, embedder: 'hash-ngram-v2-384', retrieval: 'hybrid', editions: ['ja', 'en'], reports: 1, editionsByReport: { report: ['ja', 'en'] } });
  });

  it('searches in Japanese and in English', async () => {
    const ja = await json(await worker.get(search('DeepSeekの開発コストは？')));
    const en = await json(await worker.get(search('How much did it cost to develop DeepSeek?')));
    for (const { status, body } of [ja, en]) {
      expect(status).toBe(200);
      expect(body.results).toHaveLength(5);
      expect(body.results.some((r: { text: string }) => r.text.includes('600万ドル'))).toBe(true);
      for (const r of body.results) expect(r).toMatchObject({ id: expect.any(String), section: expect.any(String), page: expect.any(Number) });
    }
  });

  it('answers a chat question with citations and the footnotes behind them', async () => {
    const { status, body } = await json(await worker.get('/api/chat', chatInit('Where does the claim about data centre numbers come from?')));
    expect(status).toBe(200);
    expect(body.grounded).toBe(true);
    expect(body.lang).toBe('en');
    expect(body.citations.length).toBeGreaterThan(0);
    for (const c of body.citations) expect(body.answer).toContain(`[${c.ref}]`);
    const note = body.footnotes.find((f: { n: number }) => f.n === 11);
    expect(note.text).toContain('データセンター');
    expect(note.urls).toEqual([expect.stringMatching(/^https:\/\/vdata\.nikkei\.com\//)]);
  });

  it('streams the same answer as server-sent events', async () => {
    const question = 'DeepSeekの開発コストは本当に低いのか？';
    const plain = (await json(await worker.get('/api/chat', chatInit(question)))).body;
    const res = await worker.get('/api/chat', chatInit(question, { Accept: 'text/event-stream' }));
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = (await res.text())
      .split('\n\n')
      .filter((block) => block.trim())
      .map((block) => ({ event: /^event: (.+)$/m.exec(block)?.[1], data: JSON.parse(/^data: (.+)$/m.exec(block)![1]!) }));
    expect(events[0]!.event).toBe('meta');
    expect(events.at(-1)!.event).toBe('done');
    const deltas = events.filter((e) => e.event === 'delta').map((e) => e.data.text as string);
    expect(deltas.join('')).toBe(plain.answer);
    expect(events.at(-1)!.data).toEqual(plain);
  });

  it('says so, ungrounded and without citations, when the report does not answer', async () => {
    const { body } = await json(await worker.get('/api/chat', chatInit('What is the recipe for a classic Margherita pizza?')));
    expect(body).toMatchObject({ grounded: false, citations: [] });
  });

  it('rejects bad requests with 4xx JSON errors', async () => {
    const cases: [string, RequestInit | undefined, number, string][] = [
      ['/api/search?q=', undefined, 400, 'validation_failed'],
      ['/api/search?q=R1&k=99', undefined, 400, 'validation_failed'],
      ['/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"question":' }, 400, 'invalid_json'],
      ['/api/chat', chatInit(''), 400, 'validation_failed'],
      ['/api/footnotes/99', undefined, 404, 'not_found'],
      ['/nowhere', undefined, 404, 'not_found'],
      ['/health', { method: 'DELETE' }, 405, 'method_not_allowed'],
    ];
    for (const [path, init, status, code] of cases) {
      const res = await json(await worker.get(path, init));
      expect(res.status, path).toBe(status);
      expect(res.type).toMatch(/^application\/json/);
      expect(res.body.error, path).toMatchObject({ code, message: expect.any(String) });
    }
  });

  it('serves the footnotes, the widget and the demo page that embeds it', async () => {
    expect((await json(await worker.get('/api/footnotes'))).body.footnotes).toHaveLength(21);
    const widget = await worker.get('/widget.js');
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-type')).toMatch(/^text\/javascript/);
    const widgetJs = await widget.text();
    expect(widgetJs.length).toBeGreaterThan(1000);
    expect(widgetJs).toBe(JSON.parse(readFileSync(built.snapshotPath, 'utf8')).widgetJs);
    const page = await worker.get('/');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<script src="/widget.js"');
    expect(html).toContain('DeepSeekショックは中国にとってどのような意味を持つか');
  });

  it('allows browser calls from ALLOWED_ORIGINS only', async () => {
    const preflight = (origin: string) =>
      worker.get('/api/chat', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });
    expect((await preflight(PUBLISHER)).headers.get('access-control-allow-origin')).toBe(PUBLISHER);
    expect((await preflight('https://elsewhere.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers every development question exactly as the Node app over the same index, English edition included', async () => {
    const questions = devQuestionPaths.flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as { id: string; question: string; history?: unknown[] }),
    );
    expect(questions.length).toBeGreaterThan(150);
    const mismatches: string[] = [];
    const compare = async ({ id, question, history }: (typeof questions)[number]) => {
      const init = (): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question, ...(history ? { history } : {}) }) });
      const [w, n, wc, nc] = await Promise.all([
        worker.get(search(question)).then(json),
        Promise.resolve(nodeApp.request(search(question))).then(json),
        worker.get('/api/chat', init()).then(json),
        Promise.resolve(nodeApp.request('/api/chat', init())).then(json),
      ]);
      const ids = (r: { body: { results: { id: string }[] } }) => r.body.results.map((x) => x.id).join(' ');
      if (ids(w) !== ids(n)) mismatches.push(`${id} search: worker ${ids(w)} / node ${ids(n)}`);
      if (wc.body.status !== nc.body.status) mismatches.push(`${id} status: worker ${wc.body.status} / node ${nc.body.status}`);
      if (wc.body.answer !== nc.body.answer) mismatches.push(`${id} answer differs`);
      const cited = (r: { body: { citations: { id: string; quote: string; translation?: string }[] } }) => r.body.citations.map((c) => `${c.id}:${c.quote}:${c.translation ?? ''}`).join(' ');
      if (cited(wc) !== cited(nc)) mismatches.push(`${id} citations differ`);
    };
    for (let i = 0; i < questions.length; i += 8) await Promise.all(questions.slice(i, i + 8).map(compare));
    expect(mismatches).toEqual([]);
  }, 120_000);
});

describe('a snapshot built with a transformer model', () => {
  let lexical: StartedWorker;
  let tinyBuild: BuildWorkerResult;

  beforeAll(async () => {
    const { modelsDir, modelId } = await writeTinyModel(join(work, 'models'));
    const embedder = await createTransformersEmbedder({ model: modelId, modelsDir, allowRemote: false });
    tinyBuild = await buildWorker({ corpusDir, indexDir: join(work, 'tiny', 'index'), outDir: join(work, 'tiny'), embedder });
    lexical = await startWorker({ bundleDir: tinyBuild.bundle!.dir });
  }, 120_000);

  afterAll(async () => {
    await lexical?.stop();
  });

  it('is served lexical-only, /health naming the model, and search still answers', async () => {
    expect(tinyBuild.retrieval).toBe('lexical');
    expect(readFileSync(join(tinyBuild.bundle!.dir, 'worker.js'), 'utf8')).toContain('transformers:tiny/bert');
    const health = (await json(await lexical.get('/health'))).body;
    expect(health).toEqual({ status: 'ok', passages: 60, footnotes: 21, embedder: 'transformers:tiny/bert', retrieval: 'lexical', editions: ['ja', 'en'], reports: 1, editionsByReport: { report: ['ja', 'en'] } });
    const { status, body } = await json(await lexical.get(search('DeepSeekの開発コストは？')));
    expect(status).toBe(200);
    expect(body.results.some((r: { text: string }) => r.text.includes('600万ドル'))).toBe(true);
  });
});
