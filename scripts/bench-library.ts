/**
 * npm run bench:library [-- --reports 120 --duration 5 --connections 32 --only ingest,server,worker]:
 * the library at scale, on a made-up library (scripts/make-library.ts, 5–30 KB reports):
 *   ingest from scratch and again with one report changed (the `npm run ingest` command, timed);
 *   the bundled server over the library: RSS once every report is loaded; requests/s with wrk for
 *   /health, chat on random reports and library-wide search (`report=*`), with p99;
 *   the Worker in workerd over the local KV simulation: the first answer from a report the
 *   isolate has not loaded yet, and the next one.
 * The machine is shared: compare ratios, and rerun when other work was heavy.
 */
import { appendFile, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildServer } from './build-server';
import { buildWidget } from './build-widget';
import { rssBytes, type LoadRequest, type LoadSummary } from './bench-load';
import { BUNDLE_ENTRY, median, repoRoot, runCommand, spawnServer } from './bench-server';
import { runWrk, wrkVersion } from './bench-wrk';
import { deployLibrary } from './deploy-library';
import { syntheticReport } from './library/synthetic-report';
import { makeLibrary } from './make-library';
import { bundleWorker, OFFLINE_WRANGLER_ENV, WRANGLER_CONFIG } from './worker-bundle';
import { wranglerKv } from './worker-kv';

const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const REPORTS = option('reports', 120);
const DURATION = option('duration', 5);
const CONNECTIONS = option('connections', 32);
const WORKER_REPORTS = option('worker-reports', REPORTS);
const onlyAt = process.argv.indexOf('--only');
const parts = new Set(onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '').split(',') : ['ingest', 'server', 'worker']);
const work = resolve(repoRoot, '.tmp', 'bench-library');
const corpusDir = join(work, 'corpus');
const dataDir = join(work, 'data');
const ASPECTS = ['需要', '雇用', '設備投資', '輸出', '生産性', '価格', '賃金', '在庫'];

/** Questions a reader of report `i` might ask, in the words the made-up reports use. */
function questionsFor(i: number): string[] {
  const { topic } = syntheticReport(i);
  return ASPECTS.map((a, j) => (j % 2 ? `${topic}の${a}の見通しは？` : `${topic}の${a}はどう変わった？`));
}

const line = (s: LoadSummary) => `${s.label.padEnd(28)} ${s.rps.toFixed(0).padStart(6)} req/s  p50 ${s.p50Ms.toFixed(1)} ms  p99 ${s.p99Ms.toFixed(1)} ms  errors ${s.errors}  non-2xx ${s.non2xx}`;

async function ingestFigures(env: Record<string, string>) {
  await rm(dataDir, { recursive: true, force: true });
  const scratch = await runCommand(['--import', 'tsx', 'scripts/ingest.ts'], env);
  if (scratch.code !== 0) throw new Error(`ingest failed:\n${scratch.output}`);
  await appendFile(join(corpusDir, 'report-007.txt'), '\n\n追加の段落として、この報告書の結論を改めて確認する。 \n');
  const again = await runCommand(['--import', 'tsx', 'scripts/ingest.ts'], env);
  if (!/1 built/.test(again.output)) throw new Error(`re-ingest did not rebuild exactly one report:\n${again.output}`);
  return { scratchMs: scratch.ms, againMs: again.ms, scratchLine: /library: .*/.exec(scratch.output)?.[0], againLine: /library: .*/.exec(again.output)?.[0] };
}

async function serverFigures(env: Record<string, string>) {
  await Promise.all([buildServer(), buildWidget()]);
  const server = await spawnServer({ ...env, RATE_LIMIT_PER_MINUTE: '0' }, [], 120_000, BUNDLE_ENTRY);
  try {
    const rssStart = await rssBytes(server.pid);
    const loadStarted = performance.now();
    await (await fetch(`${server.url}/api/search?q=${encodeURIComponent('需要の見通し')}&report=*`)).json();
    const routerMs = performance.now() - loadStarted;
    // Every report opened once (a library-wide question opens only the ones it is about).
    for (let i = 0; i < REPORTS; i++) await (await fetch(`${server.url}/api/search?q=x&report=report-${String(i + 1).padStart(3, '0')}`)).arrayBuffer();
    const rssLoaded = await rssBytes(server.pid);
    const json = { 'Content-Type': 'application/json' };
    const chats: LoadRequest[] = [];
    const searches: LoadRequest[] = [];
    for (let n = 0; n < 2000; n++) {
      const i = (n * 7919) % REPORTS;
      const q = questionsFor(i)[n % ASPECTS.length]!;
      chats.push({ method: 'POST', path: '/api/chat', headers: json, body: JSON.stringify({ question: q, report: `report-${String(i + 1).padStart(3, '0')}` }) });
      searches.push({ method: 'GET', path: `/api/search?report=*&k=5&q=${encodeURIComponent(q)}` });
    }
    const rounds: Record<string, LoadSummary[]> = { health: [], chat: [], search: [] };
    for (let round = 0; round < 2; round++) {
      rounds.health!.push(await runWrk({ label: '/health', url: server.url, connections: CONNECTIONS, durationSeconds: DURATION, requests: [{ method: 'GET', path: '/health' }] }));
      rounds.chat!.push(await runWrk({ label: '/api/chat (random report)', url: server.url, connections: CONNECTIONS, durationSeconds: DURATION, requests: chats }));
      rounds.search!.push(await runWrk({ label: '/api/search report=*', url: server.url, connections: CONNECTIONS, durationSeconds: DURATION, requests: searches }));
    }
    const rssAfter = await rssBytes(server.pid);
    return { rounds, rssStart, rssLoaded, rssAfter, routerMs };
  } finally {
    await server.stop();
  }
}

async function workerFigures() {
  const persist = join(work, 'kv');
  await rm(persist, { recursive: true, force: true });
  const snapshotPath = join(work, 'widget-snapshot.json');
  await (await import('node:fs/promises')).writeFile(snapshotPath, JSON.stringify({ widgetJs: (await buildWidget()).code }));
  const [bundle] = await Promise.all([
    bundleWorker({ snapshotPath, outDir: join(work, 'worker-bundle') }),
    deployLibrary({ corpusDir, dataDir: join(work, 'worker-data'), kv: wranglerKv({ remote: false, persistTo: persist }) }),
  ]);
  Object.assign(process.env, OFFLINE_WRANGLER_ENV);
  const { unstable_startWorker } = await import('wrangler');
  const worker = await unstable_startWorker({
    config: WRANGLER_CONFIG,
    entrypoint: join(bundle.dir, 'worker.js'),
    build: { bundle: false },
    dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: false, persist, watch: false, liveReload: false, logLevel: 'warn' },
  });
  try {
    await worker.ready;
    const url = (await worker.url).href.replace(/\/$/, '');
    const ask = async (i: number, q: number) => {
      const started = performance.now();
      const res = await fetch(`${url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: questionsFor(i)[q], report: `report-${String(i + 1).padStart(3, '0')}` }) });
      if (!res.ok) throw new Error(`the Worker answered ${res.status}: ${await res.text()}`);
      await res.json();
      return performance.now() - started;
    };
    await (await fetch(`${url}/health`)).arrayBuffer();
    await ask(0, 0); // the isolate's own start and the catalog
    const first: number[] = [];
    const next: number[] = [];
    for (let i = 1; i < Math.min(WORKER_REPORTS, 21); i++) {
      first.push(await ask(i, 1));
      next.push(await ask(i, 2));
    }
    return { bundleBytes: bundle.bytes, bundleGzip: bundle.gzipBytes, first, next };
  } finally {
    await worker.dispose();
  }
}

const wrk = wrkVersion();
if (!wrk) throw new Error('wrk is not installed (apt-get install wrk)');
if (parts.has('ingest')) await makeLibrary(corpusDir, REPORTS);
const sizes = await Promise.all(Array.from({ length: REPORTS }, async (_, i) => (await readFile(join(corpusDir, `report-${String(i + 1).padStart(3, '0')}.txt`))).length));
console.log(`library: ${REPORTS} made-up reports, ${(Math.min(...sizes) / 1024).toFixed(1)}–${(Math.max(...sizes) / 1024).toFixed(1)} KB (median ${(median(sizes) / 1024).toFixed(1)} KB); ${wrk}`);
const env = { EMBEDDER: 'hash', CORPUS_DIR: corpusDir, DATA_DIR: dataDir };
if (parts.has('ingest')) {
  const ingest = await ingestFigures(env);
  console.log(`ingest from scratch: ${(ingest.scratchMs / 1000).toFixed(1)} s (command); ${ingest.scratchLine}`);
  console.log(`re-ingest, one report changed: ${(ingest.againMs / 1000).toFixed(1)} s (command); ${ingest.againLine}`);
}
if (parts.has('server')) await reportServer();
if (parts.has('worker')) await reportWorker();

async function reportServer() {
  const served = await serverFigures(env);
  const mb = (b?: number) => (b === undefined ? '?' : `${(b / 1024 / 1024).toFixed(0)} MB`);
  console.log(`server RSS: ${mb(served.rssStart)} at start, ${mb(served.rssLoaded)} with all ${REPORTS} reports loaded, ${mb(served.rssAfter)} after the load; first library-wide search (router built) ${served.routerMs.toFixed(0)} ms`);
  for (const label of ['health', 'chat', 'search'] as const) for (const s of served.rounds[label]!) console.log(line(s));
  const best = (xs: LoadSummary[]) => Math.max(...xs.map((s) => s.rps));
  console.log(`chat / health: ${(best(served.rounds.chat!) / best(served.rounds.health!)).toFixed(2)}×; report=* search p99 ${Math.min(...served.rounds.search!.map((s) => s.p99Ms)).toFixed(1)}–${Math.max(...served.rounds.search!.map((s) => s.p99Ms)).toFixed(1)} ms`);
}

async function reportWorker() {
  const w = await workerFigures();
  console.log(`Worker bundle: ${(w.bundleBytes / 1024).toFixed(0)} KB raw, ${(w.bundleGzip / 1024).toFixed(0)} KB gzipped, whatever the library's size`);
  console.log(`Worker (workerd, local KV): first answer from a report not yet loaded median ${median(w.first).toFixed(0)} ms, max ${Math.max(...w.first).toFixed(0)} ms; next answer median ${median(w.next).toFixed(0)} ms (${w.first.length} reports, over loopback through wrangler's dev proxy)`);
}
