/** Brings up the engine from data/index: builds the index when missing, stale or damaged, then opens it. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Bm25Index } from '../core/search/bm25';
import type { QaEngine } from '../core/engine';
import { parseLexicon, type Lexicon } from '../core/search/lexicon';
import type { Embedder, Generator } from '../core/ports';
import { engineFromParts } from '../core/ingest/build-index';
import type { Footnote, Passage } from '../core/types';
import { ingest, readCorpus, type CorpusSource } from './ingest';
import { loadStoredIndex, type StoredIndex } from './index-store';
import { VectraSearch } from './vectra-store';

export interface LoadedEngine {
  engine: QaEngine;
  corpus: CorpusSource;
}

export async function readLexicon(corpusDir: string): Promise<Lexicon> {
  return parseLexicon(JSON.parse(await readFile(join(corpusDir, 'lexicon.en-ja.json'), 'utf8')));
}

async function open(indexDir: string, embedder: Embedder, lexicon: Lexicon, generator?: Generator, checked?: StoredIndex) {
  const stored = checked ?? (await loadStoredIndex(indexDir));
  const bm25 = Bm25Index.fromJSON(stored.data.bm25);
  const vectors = await VectraSearch.open(join(stored.dir, 'vectors'), { count: stored.manifest.counts.passages, dimensions: stored.manifest.embedder.dimensions });
  return engineFromParts({ passages: stored.data.passages as Passage[], footnotes: stored.data.footnotes as Footnote[], bm25, lexicon, embedder, vectors, ...(generator ? { generator } : {}) });
}

export async function loadEngine(options: { corpusDir: string; indexDir: string; embedder: Embedder; log: (line: string) => void; generator?: Generator }): Promise<LoadedEngine> {
  const [corpus, lexicon] = await Promise.all([readCorpus(options.corpusDir), readLexicon(options.corpusDir)]);
  const result = await ingest({ ...options, corpus });
  options.log(result.reason);
  try {
    return { engine: await open(options.indexDir, options.embedder, lexicon, options.generator, result.built ? undefined : result.stored), corpus };
  } catch (err) {
    // The manifest looked current but a file behind it is damaged: rebuild once, then it must open.
    options.log(`the index in ${options.indexDir} cannot be read (${err instanceof Error ? err.message : err}); rebuilding it`);
    await ingest({ ...options, corpus, force: true });
    return { engine: await open(options.indexDir, options.embedder, lexicon, options.generator), corpus };
  }
}
