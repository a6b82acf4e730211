/** An in-process engine over a report written in a test in the publisher's text layout (no dictionary, no dense vectors, the committed reader). */
import { createEngine, type QaEngine } from '../../src/core/engine';
import { buildIndex } from '../../src/core/ingest/build-index';
import { openCorpusData } from '../../src/core/ingest/index-data';
import { createHashEmbedder } from '../../src/core/search/hash-embedder';

export async function textEngine(text: string): Promise<QaEngine> {
  const dictionary = { source: 'test', licence: 'test', attribution: 'test', entries: new Map<string, string[]>() };
  const index = await buildIndex({ text, dictionary }, createHashEmbedder());
  return createEngine({ passages: index.passages, footnotes: index.report.footnotes, ...openCorpusData(index.data) });
}
