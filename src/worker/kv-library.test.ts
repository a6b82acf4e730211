import { beforeAll, describe, expect, it } from 'vitest';
import { createHashEmbedder } from '../core/search/hash-embedder';
import { buildIndex } from '../core/ingest/build-index';
import { LibraryRouter } from '../core/library-router';
import { readSharedSources } from '../node/corpus';
import { LIBRARY_REPORTS, reportText } from '../../test/helpers/report-text';
import { kvBinding, kvLibrary, type KvReader } from './kv-library';
import { CATALOG_FORMAT, CATALOG_KEY, reportKey, routerKey, type Catalog } from './library-snapshot';
import { encodeVectors, SNAPSHOT_FORMAT } from './snapshot';

/** A KV namespace in memory that counts reads by key. */
class MemoryKv implements KvReader {
  readonly values = new Map<string, string>();
  readonly reads: string[] = [];
  async get(key: string): Promise<string | null> {
    this.reads.push(key);
    return this.values.get(key) ?? null;
  }
  put(key: string, value: string) {
    this.values.set(key, value);
  }
}

const embedder = createHashEmbedder();
const entries: Record<string, Catalog['reports'][number]> = {};
const kv = new MemoryKv();

function catalog(ids: string[], router = 'ab'.repeat(8)): string {
  const c: Catalog = { format: CATALOG_FORMAT, embedder: { id: embedder.id, dimensions: embedder.dimensions }, reports: ids.map((id) => entries[id]!), router, updatedAt: new Date(0).toISOString() };
  return JSON.stringify(c);
}

beforeAll(async () => {
  const { dictionary } = await readSharedSources();
  for (const [id, r] of Object.entries(LIBRARY_REPORTS)) {
    const built = await buildIndex({ text: reportText(r), dictionary }, embedder);
    const version = `${id.length}`.padStart(16, '0');
    const snapshot = { format: SNAPSHOT_FORMAT, corpusSha256: '0'.repeat(64), builtAt: 'now', embedder: { id: embedder.id, dimensions: embedder.dimensions }, index: built.data, vectors: encodeVectors(built.vectors, embedder.dimensions) };
    kv.put(reportKey(id, version), JSON.stringify(snapshot));
    const m = built.data.metadata;
    entries[id] = { id, title: m.title, editions: ['ja'], passages: built.passages.length, footnotes: 0, metadata: m, version };
  }
  kv.put(routerKey('ab'.repeat(8)), JSON.stringify(LibraryRouter.build([{ id: 'steel', texts: ['電炉への転換'], sections: [] }]).toJSON()));
});

describe('the Worker library over KV', () => {
  it('is found only as a KV binding', () => {
    expect(kvBinding({ LIBRARY: { get: async () => null, put: async () => {} } })).toBeDefined();
    expect(kvBinding({ LIBRARY: 'a var' })).toBeUndefined();
    expect(kvBinding({})).toBeUndefined();
  });

  it('loads a report from KV on first use only, and drops the least recently used past its bound', async () => {
    kv.put(CATALOG_KEY, catalog(['rice', 'steel', 'tourism']));
    kv.reads.length = 0;
    const library = kvLibrary(kv, { retrieval: 'auto', maxLoaded: 2 });
    expect((await library.entries()).map((e) => e.id)).toEqual(['rice', 'steel', 'tourism']);
    expect(await library.info()).toEqual({ embedder: embedder.id, retrieval: 'hybrid' });
    const steel = await library.open('steel');
    expect((await steel!.engine.search('水素還元製鉄', 1))[0]!.passage.text).toContain('水素還元製鉄');
    expect(await library.open('steel')).toBe(steel);
    await library.open('rice');
    await library.open('tourism'); // steel is now the least recently used: dropped
    await library.open('steel');
    const loads = kv.reads.filter((k) => k.startsWith('report/'));
    expect(loads.map((k) => k.split('/')[1])).toEqual(['steel', 'rice', 'tourism', 'steel']);
    expect(kv.reads.filter((k) => k === CATALOG_KEY)).toHaveLength(1);
    expect((await library.router()).rank('電炉', 1)[0]!.id).toBe('steel');
  });

  it('reads the catalog again after its time, and at once (once a second at most) for an id it does not list', async () => {
    let clock = 0;
    kv.put(CATALOG_KEY, catalog(['rice']));
    const library = kvLibrary(kv, { retrieval: 'auto', now: () => clock, catalogTtlMs: 30_000 });
    expect(await library.defaultId()).toBe('rice');
    kv.put(CATALOG_KEY, catalog(['rice', 'steel']));
    expect(await library.open('steel')).toBeUndefined(); // the catalog was read just now
    clock += 1_500;
    expect((await library.open('steel'))?.id).toBe('steel');
    expect(await library.defaultId()).toBeUndefined();
    kv.reads.length = 0;
    expect(await library.open('nope')).toBeUndefined();
    expect(kv.reads).toEqual([]);
    kv.put(CATALOG_KEY, catalog(['rice', 'steel', 'tourism']));
    clock += 31_000;
    expect((await library.entries()).map((e) => e.id)).toEqual(['rice', 'steel', 'tourism']);
  });

  it('has no catalog in an empty namespace, and names a missing report key', async () => {
    expect(await kvLibrary(new MemoryKv(), { retrieval: 'auto' }).catalog()).toBeNull();
    const broken = new MemoryKv();
    broken.put(CATALOG_KEY, catalog(['rice']).replace(entries.rice!.version, 'f'.repeat(16)));
    await expect(kvLibrary(broken, { retrieval: 'auto' }).open('rice')).rejects.toThrow(/KV holds no report\/rice\/ffff/);
  });
});
