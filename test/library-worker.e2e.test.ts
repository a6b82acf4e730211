/**
 * The library at the edge, in real workerd: 20 made-up reports uploaded to the local Workers KV
 * simulation by the same function as `npm run deploy:library`, served by the Worker bundle (which
 * holds no report index of the library), each report loaded on first use; then a 21st report
 * published while the Worker runs, served without redeploying the script.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployLibrary } from '../scripts/deploy-library';
import { makeLibrary } from '../scripts/make-library';
import { wranglerKv } from '../scripts/worker-kv';
import { chatOut, healthOut, reportsOut, searchOut } from '../src/http/schemas';
import { LIBRARY_REPORTS, reportText } from './helpers/report-text';
import { repoRoot, runWorkerBuild, startWorker, type StartedWorker } from './helpers/worker';

const work = resolve(repoRoot, '.tmp', `library-worker-e2e-${process.pid}`);
const corpusDir = join(work, 'corpus');
const persist = join(work, 'kv');
const kv = wranglerKv({ remote: false, persistTo: persist });
const deploy = () => deployLibrary({ corpusDir, dataDir: join(work, 'data'), kv });

let worker: StartedWorker;
let bundleBytes: number;

beforeAll(async () => {
  await makeLibrary(corpusDir, 19);
  await writeFile(join(corpusDir, 'steel.txt'), reportText(LIBRARY_REPORTS.steel!));
  // The run's Worker, as `npm run build:worker` builds it (with the default report bundled): the
  // library's indexes never go into it.
  const [{ result }, deployed] = await Promise.all([runWorkerBuild(), deploy()]);
  bundleBytes = result.bundle!.bytes;
  expect(deployed.catalog.reports).toHaveLength(20);
  worker = await startWorker({ bundleDir: result.bundle!.dir, persist });
}, 240_000);

afterAll(async () => {
  await worker?.stop();
  if (!process.env.KEEP) await rm(work, { recursive: true, force: true });
});

const json = async (path: string, init?: RequestInit) => (await worker.get(path, init)).json();
const ask = (body: object) => json('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('the Worker serving a library from Workers KV', () => {
  it('lists the 20 reports from the catalog; the script holds none of their indexes', async () => {
    const { reports } = reportsOut.parse(await json('/api/reports'));
    expect(reports).toHaveLength(20);
    expect(reports.map((r) => r.id)).toContain('steel');
    expect(Object.keys(reports[0]!).sort()).toEqual(['editions', 'footnotes', 'id', 'passages', 'published', 'title']);
    const health = healthOut.parse(await json('/health'));
    expect(health).toMatchObject({ reports: 20, retrieval: 'hybrid', embedder: 'hash-ngram-v2-384' });
    // Code, the widget and the one bundled report: the 20 reports' indexes (several MB) are not in it.
    expect(bundleBytes).toBeLessThan(3 * 1024 * 1024);
  });

  it('loads a report on its first question and answers from it; a second question reuses it', async () => {
    const started = performance.now();
    const first = chatOut.parse(await ask({ question: '電炉への転換に必要な投資は？', report: 'steel' }));
    const firstMs = performance.now() - started;
    expect(first.status).toBe('answered');
    expect(first.citations[0]!.quote).toContain('数千億円');
    const again = performance.now();
    chatOut.parse(await ask({ question: '水素還元製鉄はいつ実用化される？', report: 'steel' }));
    const againMs = performance.now() - again;
    console.log(`first answer from an unloaded report ${firstMs.toFixed(0)} ms, next ${againMs.toFixed(0)} ms (loopback through wrangler's dev proxy)`);
    expect(firstMs).toBeLessThan(5_000);
  });

  it('refuses a request without a report (several, no default) and an unknown one', async () => {
    const res = await worker.get('/api/search?q=投資');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('report_required');
    const unknown = await worker.get('/api/search?q=投資&report=nope');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('unknown_report');
  });

  it('searches and answers across the library with report=*, naming each result’s report', async () => {
    const { results } = searchOut.parse(await json(`/api/search?q=${encodeURIComponent('高炉から電炉への転換')}&report=*&k=3`));
    expect(results[0]!.report).toBe('steel');
    const answer = chatOut.parse(await ask({ question: '水素還元製鉄の実用化はいつ？', report: '*' }));
    expect(answer.report).toBe('steel');
    expect(answer.citations.every((c) => c.report === 'steel')).toBe(true);
  });

  it('serves a report published after deploy, without redeploying the script', async () => {
    await writeFile(join(corpusDir, 'tourism.txt'), reportText(LIBRARY_REPORTS.tourism!));
    const published = await deploy();
    expect(published.uploaded).toHaveLength(2); // the new report and the router; the 20 others were held already
    await new Promise((r) => setTimeout(r, 1_100));
    const answer = chatOut.parse(await ask({ question: '訪日観光客の消費額はいくら？', report: 'tourism' }));
    expect(answer.status).toBe('answered');
    expect(answer.answer).toContain('5兆円');
    const { reports } = reportsOut.parse(await json('/api/reports'));
    expect(reports).toHaveLength(21);
  });
});
