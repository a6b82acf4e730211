/**
 * The Worker's library in Workers KV (see library-snapshot.ts). KV rather than R2: the library is
 * read on every cold isolate and written only when a report is published, KV reads are cached at
 * Cloudflare's edge near readers, and one report's index (hundreds of KB) is far under KV's 25 MiB
 * value limit. Each report is loaded on first use and kept in the isolate, the least recently used
 * dropped past a bound (an isolate has 128 MB). The catalog is read again after a while, and at
 * once (at most every second) when a request names a report it does not list, so a report
 * published after deploy is served without redeploying the script.
 */
import type { QaEngine } from '../core/engine';
import { LibraryRouter } from '../core/library-router';
import type { Generator } from '../core/ports';
import { type OpenedReport, type ReportEntry, type ReportLibrary } from '../core/reports';
import { CATALOG_KEY, parseCatalog, parseReportSnapshot, reportKey, routerKey, type Catalog } from './library-snapshot';
import { engineFromSnapshot, reproduceEmbedder, type RetrievalMode } from './snapshot-engine';

/** The part of a KV binding this uses. */
export interface KvReader {
  get(key: string, options: { type: 'text'; cacheTtl?: number }): Promise<string | null>;
}

export function kvBinding(env: Record<string, unknown>, name = 'LIBRARY'): KvReader | undefined {
  const kv = env[name] as Partial<KvReader> | undefined;
  return typeof kv?.get === 'function' && typeof (kv as { put?: unknown }).put === 'function' ? (kv as KvReader) : undefined;
}

export interface KvLibraryOptions {
  retrieval: RetrievalMode;
  generator?: Generator;
  /** Reports kept loaded in the isolate. */
  maxLoaded?: number;
  /** How long a catalog is used before it is read again. */
  catalogTtlMs?: number;
  now?: () => number;
}

export interface KvLibrary extends ReportLibrary {
  /** The catalog, or null when KV holds no library. */
  catalog(): Promise<Catalog | null>;
}

const DEFAULT_MAX_LOADED = 24;
const DEFAULT_CATALOG_TTL_MS = 30_000;
const UNKNOWN_ID_RECHECK_MS = 1_000;
/** Report and router keys never change (their names carry their content's hash): let the edge keep them. */
const IMMUTABLE_CACHE_TTL = 3600;

export function kvLibrary(kv: KvReader, options: KvLibraryOptions): KvLibrary {
  const now = options.now ?? Date.now;
  const maxLoaded = options.maxLoaded ?? DEFAULT_MAX_LOADED;
  const ttl = options.catalogTtlMs ?? DEFAULT_CATALOG_TTL_MS;
  let cached: { catalog: Catalog | null; at: number; pending?: Promise<Catalog | null> } | undefined;
  const loaded = new Map<string, Promise<OpenedReport>>();
  let router: { version: string; value: Promise<LibraryRouter> } | undefined;

  async function readCatalog(): Promise<Catalog | null> {
    const text = await kv.get(CATALOG_KEY, { type: 'text' });
    return text === null ? null : parseCatalog(JSON.parse(text));
  }

  async function catalog(maxAgeMs = ttl): Promise<Catalog | null> {
    if (cached && now() - cached.at < maxAgeMs) return cached.catalog;
    if (cached?.pending) return cached.pending;
    const pending = readCatalog();
    cached = { catalog: cached?.catalog ?? null, at: cached?.at ?? 0, pending };
    try {
      const value = await pending;
      cached = { catalog: value, at: now() };
      return value;
    } catch (err) {
      cached = cached.catalog ? { catalog: cached.catalog, at: cached.at } : undefined;
      throw err;
    }
  }

  async function entryOf(id: string): Promise<(ReportEntry & { version: string }) | undefined> {
    let found = (await catalog())?.reports.find((r) => r.id === id);
    if (!found && cached && now() - cached.at >= UNKNOWN_ID_RECHECK_MS) found = (await catalog(UNKNOWN_ID_RECHECK_MS))?.reports.find((r) => r.id === id);
    return found;
  }

  async function load(id: string, version: string): Promise<OpenedReport> {
    const key = reportKey(id, version);
    const text = await kv.get(key, { type: 'text', cacheTtl: IMMUTABLE_CACHE_TTL });
    if (text === null) throw new Error(`the library catalog lists ${id}, but KV holds no ${key}; upload the library again with \`npm run deploy:library\``);
    const snapshot = parseReportSnapshot(JSON.parse(text));
    const engine: QaEngine = engineFromSnapshot(snapshot, options.retrieval, options.generator);
    return { id, engine, metadata: snapshot.index.metadata };
  }

  async function open(id: string): Promise<OpenedReport | undefined> {
    const entry = await entryOf(id);
    if (!entry) return undefined;
    const key = reportKey(id, entry.version);
    let found = loaded.get(key);
    if (found) loaded.delete(key); // re-inserted below: most recently used last
    else {
      found = load(id, entry.version);
      const pending = found;
      found.catch(() => loaded.get(key) === pending && loaded.delete(key));
      if (loaded.size >= maxLoaded) loaded.delete(loaded.keys().next().value!);
    }
    loaded.set(key, found);
    return found;
  }

  return {
    catalog: () => catalog(),
    entries: async () => (await catalog())?.reports ?? [],
    defaultId: async () => {
      const c = await catalog();
      return c?.defaultReport ?? (c?.reports.length === 1 ? c.reports[0]!.id : undefined);
    },
    open,
    info: async () => {
      const c = await catalog();
      const hybrid = c && options.retrieval !== 'lexical' && reproduceEmbedder(c.embedder) !== undefined;
      return { embedder: c?.embedder.id ?? 'none', retrieval: hybrid ? 'hybrid' : 'lexical' };
    },
    router: async () => {
      const c = await catalog();
      if (!c) throw new Error('KV holds no library');
      if (router?.version !== c.router) {
        const key = routerKey(c.router);
        const value = kv.get(key, { type: 'text', cacheTtl: IMMUTABLE_CACHE_TTL }).then((text) => {
          if (text === null) throw new Error(`the library catalog names a router KV does not hold (${key}); upload the library again`);
          return LibraryRouter.fromJSON(JSON.parse(text));
        });
        router = { version: c.router, value };
        value.catch(() => router?.value === value && (router = undefined));
      }
      return router.value;
    },
  };
}
