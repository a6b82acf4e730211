/** Serve side of the Node runtime: data/index → engine, building the index first when missing, stale or damaged. */
import { join } from 'node:path';
import { createEngine, type QaEngine } from '../core/engine';
import type { GenerationSlots } from '../core/answer/generation-slots';
import { openCorpusData } from '../core/ingest/index-data';
import type { ReportMetadata } from '../core/ingest/metadata';
import type { Embedder, Generator } from '../core/ports';
import { readCorpus } from './corpus';
import { ingest } from './ingest';
import { loadStoredIndex, type StoredIndex } from './index-store';
import { VectraSearch } from './vectra-store';

export interface OpenedEngine {
  engine: QaEngine;
  metadata: ReportMetadata;
}

export interface OpenEngineOptions {
  corpusDir: string;
  indexDir: string;
  embedder: Embedder;
  log: (line: string) => void;
  generator?: Generator;
  /** How many answers the generator may be writing at once (LLM_MAX_CONCURRENT), shared by every report served. */
  generationSlots?: GenerationSlots;
}

/** The engine over a stored index as it is (throws when it is missing or damaged). */
export async function openStoredEngine(options: Pick<OpenEngineOptions, 'indexDir' | 'embedder' | 'generator' | 'generationSlots'>, checked?: StoredIndex): Promise<OpenedEngine> {
  const stored = checked ?? (await loadStoredIndex(options.indexDir));
  const searchable = openCorpusData(stored.data);
  const vectors = await VectraSearch.open(join(stored.dir, 'vectors'), { count: stored.manifest.counts.passages, dimensions: stored.manifest.embedder.dimensions });
  const engine = createEngine({
    passages: stored.data.passages,
    footnotes: stored.data.footnotes,
    ...searchable,
    embedder: options.embedder,
    vectors,
    ...(options.generator ? { generator: options.generator } : {}),
    ...(options.generationSlots ? { generationSlots: options.generationSlots } : {}),
  });
  return { engine, metadata: stored.data.metadata };
}

export async function openEngine(options: OpenEngineOptions): Promise<OpenedEngine> {
  const corpus = await readCorpus(options.corpusDir);
  const result = await ingest({ ...options, corpus });
  options.log(result.reason);
  try {
    return await openStoredEngine(options, result.built ? undefined : result.stored);
  } catch (err) {
    // The manifest looked current but a file behind it is damaged: rebuild once, then it must open.
    options.log(`the index in ${options.indexDir} cannot be read (${err instanceof Error ? err.message : err}); rebuilding it`);
    await ingest({ ...options, corpus, force: true });
    return openStoredEngine(options);
  }
}
