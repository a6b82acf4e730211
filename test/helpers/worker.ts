/**
 * Worker test helpers: a snapshot of the real report built in memory (for tests in Node), and
 * a built Worker run in real workerd through wrangler's dev server on a loopback port.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';
import { buildWorker, type BuildWorkerResult } from '../../scripts/build-worker';
import { createHashEmbedder } from '../../src/core/search/hash-embedder';
import type { Embedder } from '../../src/core/ports';
import { buildIndex } from '../../src/core/ingest/build-index';
import { assembleSnapshot, type Snapshot } from '../../src/worker/snapshot';
import { OFFLINE_WRANGLER_ENV } from '../../scripts/worker-bundle';
import { languageResources } from '../../src/node/language-resources';
import { realCorpus } from './corpus';

export const repoRoot = resolve(import.meta.dirname, '../..');

/** The Worker as `npm run build:worker` builds it from the real report's hash index, and that index. */
export interface RunWorkerBuild {
  result: BuildWorkerResult;
  indexDir: string;
}

/**
 * The Worker built once per test run, in the run's cache folder (see setup-run-cache.ts): the first
 * file to ask builds it while holding a lock folder; files in other workers wait for its result.
 */
export async function runWorkerBuild(): Promise<RunWorkerBuild> {
  const work = join(inject('runCache'), 'worker');
  const resultFile = join(work, 'build.json');
  const read = async () => JSON.parse(await readFile(resultFile, 'utf8')) as RunWorkerBuild;
  try {
    await mkdir(work, { recursive: false });
  } catch {
    for (const deadline = Date.now() + BUILD_WAIT_MS; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
      const done = await read().catch(() => undefined);
      if (done) return done;
    }
    throw new Error(`no Worker build appeared in ${work} within ${BUILD_WAIT_MS} ms`);
  }
  const indexDir = join(work, 'index');
  const result = await buildWorker({ corpusDir: resolve(repoRoot, 'corpus'), indexDir, outDir: work, embedder: createHashEmbedder() });
  const build = { result, indexDir };
  await writeFile(`${resultFile}.tmp`, JSON.stringify(build));
  await rename(`${resultFile}.tmp`, resultFile);
  return build;
}

/** How long a file waits for another worker's Worker build. */
const BUILD_WAIT_MS = 240_000;

export interface StartedWorker {
  url: string;
  /** Fetches a path of the Worker over loopback HTTP; gives up after `REQUEST_TIMEOUT_MS`. */
  get(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

const REQUEST_TIMEOUT_MS = 20_000;
/** The first request through wrangler's dev proxy waits for workerd to warm up. */
const FIRST_REQUEST_TIMEOUT_MS = 60_000;

/**
 * Serves a bundle written by `wrangler deploy --dry-run` (the bytes that would be uploaded) with
 * wrangler.toml's compatibility settings and [vars], plus `vars` on top. Serving the finished
 * bundle, not the sources, keeps the test independent of source files changing while it runs.
 */
export async function startWorker(options: { bundleDir: string; vars?: Record<string, string>; persist?: string }): Promise<StartedWorker> {
  Object.assign(process.env, OFFLINE_WRANGLER_ENV);
  const { unstable_startWorker } = await import('wrangler');
  const worker = await unstable_startWorker({
    config: resolve(repoRoot, 'wrangler.toml'),
    entrypoint: resolve(options.bundleDir, 'worker.js'),
    sendMetrics: false,
    build: { bundle: false },
    ...(options.vars ? { bindings: Object.fromEntries(Object.entries(options.vars).map(([k, v]) => [k, { type: 'plain_text' as const, value: v }])) } : {}),
    dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: false, persist: options.persist ?? false, watch: false, liveReload: false, logLevel: 'warn' },
  });
  const started: StartedWorker = {
    url: '',
    get: (path, init) => fetch(`${started.url}${path}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), ...init }),
    stop: () => worker.dispose(),
  };
  try {
    await worker.ready;
    started.url = (await worker.url).href.replace(/\/$/, '');
    // A Worker that failed to start leaves requests hanging; find out now, not test by test.
    const probe = await fetch(`${started.url}/health`, { signal: AbortSignal.timeout(FIRST_REQUEST_TIMEOUT_MS) });
    await probe.arrayBuffer();
  } catch (err) {
    await worker.dispose().catch(() => {});
    throw new Error(`the Worker did not start in workerd (see wrangler's log above): ${err instanceof Error ? err.message : err}`);
  }
  return started;
}

/** A small script standing in for the widget bundle where a test only checks it is served as given. */
export const TEST_WIDGET_JS = 'document.documentElement.dataset.reportChat = "loaded";\n';

/** The snapshot the build would export for the real report, built in memory with `embedder`. */
export async function memorySnapshot(embedder: Embedder): Promise<Snapshot> {
  const corpus = await realCorpus();
  const built = await buildIndex({ ...corpus, resources: await languageResources() }, embedder);
  return assembleSnapshot({
    index: built.data,
    corpusSha256: corpus.sha256,
    builtAt: new Date(0).toISOString(),
    embedder: { id: embedder.id, dimensions: embedder.dimensions },
    vectors: built.vectors,
    widgetJs: TEST_WIDGET_JS,
  });
}

/**
 * An embedder the Worker cannot reproduce, standing in for a transformer model: vectors of the
 * right shape (unit length) under a model id, so a snapshot looks exactly like a model-built one.
 */
export function standInModelEmbedder(id = 'transformers:Xenova/multilingual-e5-small', dimensions = 384): Embedder {
  return {
    id,
    dimensions,
    capabilities: { crossLingual: true },
    embed: async (texts) =>
      texts.map((text) => {
        const v = new Float32Array(dimensions);
        for (let i = 0; i < text.length; i++) v[text.charCodeAt(i) % dimensions]! += 1;
        const norm = Math.hypot(...v) || 1;
        return v.map((x) => x / norm);
      }),
  };
}
