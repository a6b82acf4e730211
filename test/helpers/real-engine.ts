/**
 * An in-process engine over the real report (hash embedder, in-memory vectors). The index is
 * built once per test run: the first file that needs it builds it and leaves it in the run's
 * cache folder (see setup-run-cache.ts); later files, in any worker, read it back.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createEngine, type EngineParts, type QaEngine } from '../../src/core/engine';
import { buildIndex } from '../../src/core/ingest/build-index';
import { corpusDataSchema, openCorpusData, type CorpusData } from '../../src/core/ingest/index-data';
import { createHashEmbedder } from '../../src/core/search/hash-embedder';
import { MemoryVectorSearch } from '../../src/core/search/memory-vectors';
import { languageResources } from '../../src/node/language-resources';
import { realCorpus } from './corpus';

export { repoRoot as root } from './corpus';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder that lives for one test run, for what is built once per run. */
    runCache: string;
  }
}

interface RealIndex {
  data: CorpusData;
  vectors: number[][];
}

async function build(): Promise<RealIndex> {
  const [corpus, resources] = await Promise.all([realCorpus(), languageResources()]);
  const built = await buildIndex({ ...corpus, resources }, createHashEmbedder());
  return { data: built.data, vectors: built.vectors.map((v) => Array.from(v)) };
}

/** The run's cached index, or a new one written there (atomically: workers may race to it). */
async function cachedIndex(): Promise<RealIndex> {
  const dir = inject('runCache');
  if (!dir) return build();
  const file = join(dir, 'real-index.json');
  try {
    const cached = JSON.parse(await readFile(file, 'utf8')) as RealIndex;
    return { data: corpusDataSchema.parse(cached.data), vectors: cached.vectors };
  } catch {
    const index = await build();
    await mkdir(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(index));
    await rename(tmp, file);
    return index;
  }
}

let parts: Promise<EngineParts> | undefined;
let engine: Promise<QaEngine> | undefined;

/** Everything an engine is made of; add a generator to get an engine that writes answers. */
export function realEngineParts(): Promise<EngineParts> {
  parts ??= cachedIndex().then(({ data, vectors }) => ({
    passages: data.passages,
    footnotes: data.footnotes,
    ...openCorpusData(data),
    embedder: createHashEmbedder(),
    vectors: new MemoryVectorSearch(data.passages.map((p, i) => ({ id: p.id, vector: Float32Array.from(vectors[i]!) }))),
  }));
  return parts;
}

export function realEngine(): Promise<QaEngine> {
  engine ??= realEngineParts().then(createEngine);
  return engine;
}
