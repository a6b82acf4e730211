/** An in-process engine over the real report (hash embedder, in-memory vectors), built once per test file. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { QaEngine } from '../../src/core/engine';
import { createHashEmbedder } from '../../src/core/search/hash-embedder';
import { parseLexicon } from '../../src/core/search/lexicon';
import { MemoryVectorSearch } from '../../src/core/search/memory-vectors';
import { engineFromParts, prepareIndex, type EngineParts } from '../../src/core/ingest/build-index';

export const root = resolve(import.meta.dirname, '../..');
export const reportText = () => readFileSync(resolve(root, 'corpus/deepseek-shock-china-nli-2025.txt'), 'utf8');
export const lexiconJson = () => JSON.parse(readFileSync(resolve(root, 'corpus/lexicon.en-ja.json'), 'utf8'));

let parts: Promise<EngineParts> | undefined;
let engine: Promise<QaEngine> | undefined;

/** Everything an engine is made of; add a generator to get an engine that writes answers. */
export function realEngineParts(): Promise<EngineParts> {
  parts ??= (async () => {
    const embedder = createHashEmbedder();
    const prepared = await prepareIndex(reportText(), embedder);
    return {
      passages: prepared.passages,
      footnotes: prepared.report.footnotes,
      bm25: prepared.bm25,
      lexicon: parseLexicon(lexiconJson()),
      embedder,
      vectors: new MemoryVectorSearch(prepared.passages.map((p, i) => ({ id: p.id, vector: prepared.vectors[i]! }))),
    };
  })();
  return parts;
}

export function realEngine(): Promise<QaEngine> {
  engine ??= realEngineParts().then(engineFromParts);
  return engine;
}
