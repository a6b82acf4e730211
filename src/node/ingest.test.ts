import { mkdtemp, readFile, readlink, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHashEmbedder } from '../core/search/hash-embedder';
import { readCorpus } from './corpus';
import { ingest } from './ingest';
import { loadStoredIndex } from './index-store';
import { openEngine } from './open-engine';

/** A small report (four footnotes): what is checked here is building, not the report. */
const smallDir = resolve(import.meta.dirname, '../../test/fixtures/markdown-report');
const small = readCorpus(smallDir);
const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));
const tempIndex = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'report-chat-'));
  made.push(dir);
  return join(dir, 'index');
};

describe('ingest', () => {
  it('builds the index with the hash embedder, then skips an unchanged rebuild', async () => {
    const indexDir = await tempIndex();
    const embedder = createHashEmbedder();
    const corpus = await small;
    const first = await ingest({ corpusDir: smallDir, indexDir, embedder, corpus });
    expect(first.built).toBe(true);
    const { manifest, data } = await loadStoredIndex(indexDir);
    expect(manifest.embedder).toEqual({ id: embedder.id, dimensions: 384 });
    expect(manifest.counts.footnotes).toBe(4);
    expect(manifest.corpusSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(data.passages.filter((p) => p.kind === 'footnote')).toHaveLength(4);
    const again = await ingest({ corpusDir: smallDir, indexDir, embedder });
    expect(again.built).toBe(false);
    expect(again.reason).toMatch(/up to date/);
  });

  it('rebuilds when another embedder is configured, and keeps ids stable', async () => {
    const indexDir = await tempIndex();
    const corpus = await small;
    await ingest({ corpusDir: smallDir, indexDir, embedder: createHashEmbedder(), corpus });
    const before = (await loadStoredIndex(indexDir)).data.passages.map((p) => p.id);
    const lines: string[] = [];
    const result = await ingest({ corpusDir: smallDir, indexDir, embedder: createHashEmbedder({ dimensions: 128 }), corpus, log: (l: string) => lines.push(l) });
    expect(result.built).toBe(true);
    expect(lines.join('\n')).toMatch(/built with hash-ngram-v2-384, but hash-ngram-v2-128 is configured/);
    expect((await loadStoredIndex(indexDir)).data.passages.map((p) => p.id)).toEqual(before);
  });

  it('swaps builds through a symlink and leaves no old build folders', async () => {
    const indexDir = await tempIndex();
    const corpus = await small;
    await ingest({ corpusDir: smallDir, indexDir, embedder: createHashEmbedder(), corpus });
    const firstTarget = await readlink(indexDir);
    await ingest({ corpusDir: smallDir, indexDir, embedder: createHashEmbedder(), corpus, force: true });
    const secondTarget = await readlink(indexDir);
    expect(secondTarget).not.toBe(firstTarget);
    const entries = await readdir(join(indexDir, '..'));
    expect(entries.sort()).toEqual(['index', secondTarget].sort());
  });

  it('detects a damaged index on load, says so, and rebuilds it', async () => {
    const indexDir = await tempIndex();
    const embedder = createHashEmbedder();
    const corpusDir = smallDir;
    await ingest({ corpusDir, indexDir, embedder, corpus: await small });
    const corpusJson = join(indexDir, 'corpus.json');
    await writeFile(corpusJson, (await readFile(corpusJson, 'utf8')).slice(0, 500));
    await expect(loadStoredIndex(indexDir)).rejects.toThrow(/not valid JSON/);
    const lines: string[] = [];
    const { engine } = await openEngine({ corpusDir, indexDir, embedder, log: (l: string) => lines.push(l) });
    expect(lines.join('\n')).toMatch(/not valid JSON/);
    expect(engine.library.footnotes).toHaveLength(4);
    const vectors = join(indexDir, 'vectors', 'index.json');
    await writeFile(vectors, '{"version":1,"metadata_config":{},"items":[]}');
    const again: string[] = [];
    await openEngine({ corpusDir, indexDir, embedder, log: (l: string) => again.push(l) });
    expect(again.join('\n')).toMatch(/building the index: .*holds 0 vectors/);
  });
});
