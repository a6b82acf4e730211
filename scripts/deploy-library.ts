/**
 * npm run deploy:library [-- --remote] [--persist-to <dir>] [--prune]: the library in CORPUS_DIR
 * → Workers KV (binding LIBRARY in wrangler.toml), for the Worker to serve without redeploying its
 * script. Each report is ingested (only when changed; hash embedder unless EMBEDDER says
 * otherwise, so the Worker can embed queries itself) into dist/worker/library/<id>/index, then
 * only the keys KV does not hold yet are uploaded, and the catalog last, so a Worker never sees a
 * report whose index is not stored. Without --remote it writes wrangler's local simulation, which
 * `npm run dev:worker` serves. --prune deletes report versions neither this catalog nor the
 * previous one uses.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHashEmbedder } from '../src/core/search/hash-embedder';
import type { Embedder } from '../src/core/ports';
import { loadConfig } from '../src/node/config';
import { ingestLibrary } from '../src/node/ingest-library';
import { parseCatalog, type Catalog } from '../src/worker/library-snapshot';
import { embedderFromEnv } from './build-worker';
import { readWranglerConfig, repoRoot } from './worker-bundle';
import { catalogKeys, CATALOG_KEY, exportLibrary } from './worker-library';
import { wranglerKv, type KvStore } from './worker-kv';

export interface DeployLibraryOptions {
  corpusDir: string;
  /** Where the Worker's indexes are built (default dist/worker/library). */
  dataDir?: string;
  embedder?: Embedder;
  kv: KvStore;
  defaultReport?: string;
  prune?: boolean;
  log?: (line: string) => void;
}

export interface DeployLibraryResult {
  catalog: Catalog;
  uploaded: string[];
  pruned: string[];
  failed: { path: string; message: string }[];
}

export async function deployLibrary(options: DeployLibraryOptions): Promise<DeployLibraryResult> {
  const log = options.log ?? (() => {});
  const embedder = options.embedder ?? createHashEmbedder();
  const dataDir = options.dataDir ?? join(repoRoot, 'dist', 'worker', 'library');
  const ingested = await ingestLibrary({ corpusDir: options.corpusDir, dataDir, embedder, log });
  if (ingested.reports.length === 0) throw new Error(`no report can be uploaded from ${options.corpusDir}`);
  const { catalog, values } = await exportLibrary(ingested.reports, options.defaultReport ? { defaultReport: options.defaultReport } : {});
  const previousText = await options.kv.get(CATALOG_KEY);
  let previous: Catalog | undefined;
  try {
    previous = previousText ? parseCatalog(JSON.parse(previousText)) : undefined;
  } catch {
    log('the catalog in KV cannot be read; uploading every report');
  }
  const held = new Set(previous ? catalogKeys(previous) : []);
  const missing = [...values].filter(([key]) => !held.has(key)).map(([key, value]) => ({ key, value }));
  if (missing.length) await options.kv.putMany(missing);
  await options.kv.putMany([{ key: CATALOG_KEY, value: JSON.stringify(catalog) }]);
  let pruned: string[] = [];
  if (options.prune) {
    const keep = new Set([...catalogKeys(catalog), ...held, CATALOG_KEY]);
    pruned = [...(await options.kv.list('report/')), ...(await options.kv.list('router/'))].filter((k) => !keep.has(k));
    await options.kv.deleteMany(pruned);
  }
  return { catalog, uploaded: missing.map((m) => m.key), pruned, failed: ingested.failed };
}

const flag = (name: string) => process.argv.includes(`--${name}`);
const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  try {
    const config = loadConfig();
    const remote = flag('remote');
    if (remote) {
      const namespace = (await readWranglerConfig()).kv_namespaces.find((k: { binding: string; id?: string }) => k.binding === 'LIBRARY');
      if (!namespace?.id || !/^[0-9a-f]{32}$/.test(namespace.id)) {
        throw new Error(`wrangler.toml's LIBRARY namespace id ${JSON.stringify(namespace?.id)} is not a Cloudflare KV namespace id: create one with \`npx wrangler kv namespace create LIBRARY\` and put the id it prints in wrangler.toml`);
      }
    }
    const persistTo = option('persist-to');
    const started = performance.now();
    const embedder = await embedderFromEnv();
    const r = await deployLibrary({
      corpusDir: config.CORPUS_DIR,
      kv: wranglerKv({ remote, ...(persistTo ? { persistTo: resolve(persistTo) } : {}) }),
      ...(embedder ? { embedder } : {}),
      ...(config.DEFAULT_REPORT ? { defaultReport: config.DEFAULT_REPORT } : {}),
      prune: flag('prune'),
      log: (l) => console.log(l),
    });
    for (const f of r.failed) console.error(`skipped ${f.path}: ${f.message}`);
    console.log(`${remote ? 'Workers KV' : 'local KV simulation'}: ${r.catalog.reports.length} reports in the catalog, ${r.uploaded.length} keys uploaded, ${r.pruned.length} pruned, in ${Math.round(performance.now() - started)} ms`);
    console.log(remote ? 'the deployed Worker serves the new catalog within a minute, no redeploy needed' : 'serve it locally with `npm run dev:worker`');
  } catch (err) {
    console.error(`deploy:library failed: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
