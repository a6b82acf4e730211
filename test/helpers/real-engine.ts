/** An in-process engine over the real report (hash embedder, in-memory vectors), built once per test file. */
import { createEngine, type EngineParts, type QaEngine } from '../../src/core/engine';
import { buildIndex, type BuiltIndex } from '../../src/core/ingest/build-index';
import { openCorpusData } from '../../src/core/ingest/index-data';
import { createHashEmbedder } from '../../src/core/search/hash-embedder';
import { MemoryVectorSearch } from '../../src/core/search/memory-vectors';
import { languageResources } from '../../src/node/language-resources';
import { realCorpus } from './corpus';

export { repoRoot as root } from './corpus';

let built: Promise<BuiltIndex> | undefined;
let parts: Promise<EngineParts> | undefined;
let engine: Promise<QaEngine> | undefined;

/** The real report's index as ingest builds it with the hash embedder. */
export const realIndex = (): Promise<BuiltIndex> =>
  (built ??= Promise.all([realCorpus(), languageResources()]).then(([corpus, resources]) => buildIndex({ ...corpus, resources }, createHashEmbedder())));

/** Everything an engine is made of; add a generator to get an engine that writes answers. */
export function realEngineParts(): Promise<EngineParts> {
  parts ??= realIndex().then((index) => ({
    passages: index.passages,
    footnotes: index.report.footnotes,
    ...openCorpusData(index.data),
    embedder: createHashEmbedder(),
    vectors: new MemoryVectorSearch(index.passages.map((p, i) => ({ id: p.id, vector: index.vectors[i]! }))),
  }));
  return parts;
}

export function realEngine(): Promise<QaEngine> {
  engine ??= realEngineParts().then(createEngine);
  return engine;
}
