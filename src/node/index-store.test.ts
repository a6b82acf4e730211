import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHashEmbedder } from '../core/search/hash-embedder';
import { ingest } from './ingest';
import { loadStoredIndex, sha256 } from './index-store';
import { openEngine } from './open-engine';

/** A small report: what is checked here is the index's files, not the report. */
const corpusDir = resolve(import.meta.dirname, '../../test/fixtures/markdown-report');
let goodIndex: string;
let goodPassages: number;
const made: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'report-chat-store-'));
  made.push(dir);
  return dir;
};

beforeAll(async () => {
  goodIndex = join(await tempDir(), 'index');
  const built = await ingest({ corpusDir, indexDir: goodIndex, embedder: createHashEmbedder() });
  goodPassages = built.manifest.counts.passages;
});
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A copy of the good index (the build folder itself, not the link to it). */
async function copy(): Promise<string> {
  const dir = join(await tempDir(), 'index');
  await cp(goodIndex, dir, { recursive: true, dereference: true });
  return dir;
}

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

/** Rewrites corpus.json with `change` and, when `reseal`, records its new checksum too (a build that wrote bad data). */
async function editCorpus(dir: string, change: (data: any) => void, reseal: boolean): Promise<void> {
  const data = await readJson(join(dir, 'corpus.json'));
  change(data);
  const text = JSON.stringify(data);
  await writeFile(join(dir, 'corpus.json'), text);
  if (reseal) {
    const manifest = await readJson(join(dir, 'manifest.json'));
    manifest.files['corpus.json'] = sha256(text);
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  }
}

describe('loading a stored index', () => {
  it('records a checksum of each file in the manifest, and loads a good index', async () => {
    const { manifest } = await loadStoredIndex(goodIndex);
    expect(Object.keys(manifest.files!).sort()).toEqual(['corpus.json', 'vectors/index.json']);
    expect(manifest.files!['corpus.json']).toBe(sha256(await readFile(join(goodIndex, 'corpus.json'))));
  });

  it('refuses a file changed after the build, though it is well-formed', async () => {
    const dir = await copy();
    await editCorpus(dir, (d) => (d.passages[3].text = `${d.passages[3].text}（改変）`), false);
    await expect(loadStoredIndex(dir)).rejects.toThrow(/corpus.json .* does not match the checksum its manifest records/);
  });

  it('refuses BM25 ids that are not the passages’ ids, in their order', async () => {
    const dir = await copy();
    await editCorpus(dir, (d) => ([d.bm25.ids[0], d.bm25.ids[1]] = [d.bm25.ids[1], d.bm25.ids[0]]), true);
    await expect(loadStoredIndex(dir)).rejects.toThrow(/inconsistent: BM25 document 0 is .*, but passage 0 is/);
  });

  it('refuses two passages with one id', async () => {
    const dir = await copy();
    await editCorpus(dir, (d) => (d.passages[1].id = d.passages[0].id), true);
    await expect(loadStoredIndex(dir)).rejects.toThrow(/inconsistent: two passages have the id/);
  });

  it('refuses vectors for passages the index does not hold', async () => {
    const dir = await copy();
    const path = join(dir, 'vectors', 'index.json');
    const vectors = await readJson(path);
    vectors.items[5].id = 'p9-999-ffffff';
    const text = JSON.stringify(vectors);
    await writeFile(path, text);
    const manifest = await readJson(join(dir, 'manifest.json'));
    manifest.files['vectors/index.json'] = sha256(text);
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
    await expect(loadStoredIndex(dir)).rejects.toThrow(/inconsistent: the vector index has a vector for p9-999-ffffff, which is no passage/);
  });

  it('refuses a manifest that records no checksums (an older build)', async () => {
    const dir = await copy();
    const manifest = await readJson(join(dir, 'manifest.json'));
    delete manifest.files;
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
    await expect(loadStoredIndex(dir)).rejects.toThrow(/records no checksums/);
  });

  it('rebuilds such an index on start, saying why', async () => {
    const dir = await copy();
    await editCorpus(dir, (d) => (d.bm25.ids = [...d.bm25.ids].reverse()), true);
    const lines: string[] = [];
    const { engine } = await openEngine({ corpusDir, indexDir: dir, embedder: createHashEmbedder(), log: (l) => lines.push(l) });
    expect(lines.join('\n')).toMatch(/building the index: index in .* is inconsistent: BM25 document 0/);
    expect(engine.library.passages).toHaveLength(goodPassages);
    await expect(loadStoredIndex(dir)).resolves.toBeDefined();
  });
});
