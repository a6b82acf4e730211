/**
 * npm run build:worker — the Cloudflare Worker build:
 *   1. the Node index (DATA_DIR/index): with EMBEDDER set, built or refreshed with that embedder
 *      as `npm run ingest` would; with EMBEDDER unset, used as it is when it matches the report
 *      (a model-built index is then served lexical-only), else built with the hash embedder,
 *      whose vectors the Worker can match (hybrid retrieval),
 *   2. exported with the widget and demo page to dist/worker/snapshot.json,
 *   3. bundled by `wrangler deploy --dry-run` into dist/worker/bundle, measured, and refused when
 *      the upload would reach 3 MB gzipped.
 */
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createHashEmbedder } from '../src/core/search/hash-embedder';
import type { Embedder } from '../src/core/ports';
import { loadConfig } from '../src/node/config';
import { configuredEmbedder } from '../src/node/configured-embedder';
import { loadStoredIndex } from '../src/node/index-store';
import { readCorpus } from '../src/node/corpus';
import { ingest } from '../src/node/ingest';
import { reproduceEmbedder } from '../src/worker/snapshot-engine';
import { buildWidget } from './build-widget';
import { bundleWorker, GZIP_LIMIT_BYTES, readWranglerConfig, repoRoot, type BundleResult } from './worker-bundle';
import { createSnapshot, writeSnapshot } from './worker-snapshot';

export interface BuildWorkerOptions {
  corpusDir?: string;
  /** The Node index to export (default: DATA_DIR/index, as the Node server uses). */
  indexDir?: string;
  /** Where snapshot.json and bundle/ go (default dist/worker). */
  outDir?: string;
  /** Embedder the index must be built with; default from EMBEDDER (see above). */
  embedder?: Embedder;
  /** Run wrangler's bundler as well (default true). */
  bundle?: boolean;
  log?: (line: string) => void;
}

export interface BuildWorkerResult {
  snapshotPath: string;
  snapshotBytes: number;
  snapshotGzipBytes: number;
  embedder: { id: string; dimensions: number };
  /** How the Worker will retrieve with this snapshot under RETRIEVAL=auto. */
  retrieval: 'hybrid' | 'lexical';
  bundle?: BundleResult;
}

/** The embedder EMBEDDER asks for, or undefined when it is unset. */
export async function embedderFromEnv(env: Record<string, string | undefined> = process.env): Promise<Embedder | undefined> {
  if (!env.EMBEDDER?.trim()) return undefined;
  return configuredEmbedder(loadConfig(env), (m) => console.warn(`warning: ${m}`));
}

/** Makes sure `indexDir` holds a current index; without an embedder, any current one will do. */
async function ensureIndex(corpusDir: string, indexDir: string, embedder: Embedder | undefined, log: (line: string) => void): Promise<void> {
  if (!embedder) {
    const [stored, corpus] = await Promise.all([loadStoredIndex(indexDir).catch(() => undefined), readCorpus(corpusDir)]);
    if (stored?.manifest.sourcesSha256 === corpus.sourcesSha256) {
      log(`index: using ${indexDir} as built (embedder ${stored.manifest.embedder.id}); set EMBEDDER to rebuild it with another`);
      return;
    }
  }
  const result = await ingest({ corpusDir, indexDir, embedder: embedder ?? createHashEmbedder(), log });
  log(`index: ${result.reason}`);
}

export async function buildWorker(options: BuildWorkerOptions = {}): Promise<BuildWorkerResult> {
  const log = options.log ?? (() => {});
  const corpusDir = resolve(options.corpusDir ?? join(repoRoot, 'corpus'));
  const indexDir = resolve(options.indexDir ?? loadConfig().indexDir);
  const outDir = resolve(options.outDir ?? join(repoRoot, 'dist', 'worker'));

  await ensureIndex(corpusDir, indexDir, options.embedder ?? (await embedderFromEnv()), log);

  const widget = await buildWidget();
  const snapshot = await createSnapshot({ corpusDir, indexDir, widgetJs: widget.code });
  const snapshotPath = join(outDir, 'snapshot.json');
  const snapshotBytes = await writeSnapshot(snapshot, snapshotPath);
  const snapshotGzipBytes = gzipSync(await readFile(snapshotPath), { level: 9 }).length;
  const retrieval = reproduceEmbedder(snapshot.embedder) ? 'hybrid' : 'lexical';
  log(
    retrieval === 'hybrid'
      ? `snapshot: embedder ${snapshot.embedder.id}, which the Worker reproduces: hybrid retrieval`
      : `snapshot: embedder ${snapshot.embedder.id} cannot run inside the Worker: it will serve lexical retrieval (RETRIEVAL=hybrid refuses this snapshot)`,
  );
  const result: BuildWorkerResult = { snapshotPath, snapshotBytes, snapshotGzipBytes, embedder: snapshot.embedder, retrieval };
  if (options.bundle === false) return result;

  // A Worker configured to require hybrid retrieval would answer 503 to everything: stop here instead.
  const configured = (await readWranglerConfig()).vars.RETRIEVAL;
  if (configured === 'hybrid' && retrieval !== 'hybrid') {
    throw new Error(`wrangler.toml sets RETRIEVAL = "hybrid", but the snapshot's embedder ${snapshot.embedder.id} cannot run in the Worker; build with EMBEDDER=hash or set RETRIEVAL to "auto"`);
  }

  const bundle = await bundleWorker({ snapshotPath, outDir: join(outDir, 'bundle') });
  if (bundle.gzipBytes >= GZIP_LIMIT_BYTES) {
    throw new Error(`the Worker bundle is ${kb(bundle.gzipBytes)} gzipped, at or over the ${kb(GZIP_LIMIT_BYTES)} limit`);
  }
  return { ...result, bundle };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (invokedDirectly) {
  try {
    const started = performance.now();
    const r = await buildWorker({ log: (line) => console.log(line) });
    const shown = (path: string) => relative(process.cwd(), path) || '.';
    console.log(`${shown(r.snapshotPath)}: ${kb(r.snapshotBytes)} raw, ${kb(r.snapshotGzipBytes)} gzipped`);
    if (r.bundle) {
      for (const f of r.bundle.files) console.log(`  ${shown(join(r.bundle.dir, f.name))}: ${kb(f.bytes)}`);
      console.log(`Worker upload: ${kb(r.bundle.bytes)} raw, ${kb(r.bundle.gzipBytes)} gzipped (limit ${kb(GZIP_LIMIT_BYTES)})`);
    }
    console.log(`built in ${Math.round(performance.now() - started)} ms; deploy with \`npx wrangler deploy\`, try locally with \`npm run dev:worker\``);
  } catch (err) {
    console.error(`build:worker failed: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
