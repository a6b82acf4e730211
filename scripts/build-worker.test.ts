import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { LocalIndex } from 'vectra';
import { createHashEmbedder } from '../src/core/search/hash-embedder';
import { ingest } from '../src/node/ingest';
import { loadStoredIndex } from '../src/node/index-store';
import { decodeVectors, parseSnapshot } from '../src/worker/snapshot';
import { standInModelEmbedder } from '../test/helpers/worker';
import { buildWorker, embedderFromEnv } from './build-worker';

const root = resolve(import.meta.dirname, '..');
/** A small report: what is checked is how the snapshot is made, not the report. */
const corpusDir = join(root, 'test/fixtures/markdown-report');
const work = join(root, '.tmp', `build-worker-${process.pid}`);

afterEach(() => vi.unstubAllEnvs());
afterAll(() => rm(work, { recursive: true, force: true }));

const readSnapshot = async (path: string) => parseSnapshot(JSON.parse(await readFile(path, 'utf8')));

describe('buildWorker (snapshot only)', () => {
  it('builds a hash index when there is none and exports it exactly, vectors included', async () => {
    vi.stubEnv('EMBEDDER', '');
    const indexDir = join(work, 'fresh', 'index');
    const lines: string[] = [];
    const result = await buildWorker({ corpusDir, indexDir, outDir: join(work, 'fresh'), bundle: false, log: (l) => lines.push(l) });
    expect(result).toMatchObject({ embedder: { id: 'hash-ngram-v2-384', dimensions: 384 }, retrieval: 'hybrid' });
    expect(result.bundle).toBeUndefined();
    expect(lines.join('\n')).toMatch(/building the index/);

    const snapshot = await readSnapshot(result.snapshotPath);
    const { manifest } = await loadStoredIndex(indexDir);
    expect(snapshot.index.passages).toHaveLength(manifest.counts.passages);
    expect(snapshot.index.footnotes).toHaveLength(4);
    expect(result.snapshotBytes).toBe(Buffer.byteLength(await readFile(result.snapshotPath, 'utf8')));
    const stored = new Map((await new LocalIndex(join(indexDir, 'vectors')).listItems()).map((i) => [i.id, i.vector]));
    const decoded = decodeVectors(snapshot.vectors);
    snapshot.index.passages.forEach((p, i) => expect(Array.from(decoded[i]!)).toEqual(stored.get(p.id)));
  });

  it('exports a current model-built index as it is when EMBEDDER is unset, for lexical serving', async () => {
    vi.stubEnv('EMBEDDER', '');
    const indexDir = join(work, 'model', 'index');
    await ingest({ corpusDir, indexDir, embedder: standInModelEmbedder() });
    const lines: string[] = [];
    const result = await buildWorker({ corpusDir, indexDir, outDir: join(work, 'model'), bundle: false, log: (l) => lines.push(l) });
    expect(result).toMatchObject({ embedder: { id: 'transformers:Xenova/multilingual-e5-small', dimensions: 384 }, retrieval: 'lexical' });
    expect(lines.join('\n')).toMatch(/using .* as built \(embedder transformers:Xenova\/multilingual-e5-small\)/);
    expect(lines.join('\n')).toMatch(/will serve lexical retrieval/);
  });

  it('rebuilds a model-built index with the embedder EMBEDDER names', async () => {
    vi.stubEnv('EMBEDDER', 'hash');
    const indexDir = join(work, 'rebuilt', 'index');
    await ingest({ corpusDir, indexDir, embedder: standInModelEmbedder() });
    const result = await buildWorker({ corpusDir, indexDir, outDir: join(work, 'rebuilt'), bundle: false });
    expect(result).toMatchObject({ embedder: { id: 'hash-ngram-v2-384' }, retrieval: 'hybrid' });
    expect((await readSnapshot(result.snapshotPath)).embedder.id).toBe('hash-ngram-v2-384');
  });
});

describe('embedderFromEnv', () => {
  it('is undefined without EMBEDDER, the hash embedder for EMBEDDER=hash, and refuses unknown modes', async () => {
    expect(await embedderFromEnv({})).toBeUndefined();
    expect((await embedderFromEnv({ EMBEDDER: 'hash' }))?.id).toBe(createHashEmbedder().id);
    await expect(embedderFromEnv({ EMBEDDER: 'magic' })).rejects.toThrow(/EMBEDDER/);
  });
});
