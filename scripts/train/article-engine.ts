/** An in-process engine over a Markdown report, as ingest and the server would build it (hash embedder, memory vectors). */
import { readFile } from 'node:fs/promises';
import type { ReaderModel } from '../../src/core/answer/model';
import { createEngine, type EngineParts, type QaEngine } from '../../src/core/engine';
import { buildIndex } from '../../src/core/ingest/build-index';
import { openCorpusData } from '../../src/core/ingest/index-data';
import { createHashEmbedder } from '../../src/core/search/hash-embedder';
import type { Lexicon } from '../../src/core/search/lexicon';
import { parseLexicon } from '../../src/core/search/lexicon-files';
import { MemoryVectorSearch } from '../../src/core/search/memory-vectors';
import { DICTIONARY_PATH } from '../../src/node/corpus';
import { languageResources } from '../../src/node/language-resources';

let dictionary: Promise<Lexicon> | undefined;
const loadDictionary = () => (dictionary ??= readFile(DICTIONARY_PATH, 'utf8').then((t) => parseLexicon(JSON.parse(t))));

/** Reports already built in this run (an article is asked several kinds of question). */
const built = new Map<string, Promise<EngineParts>>();

/** The parts of an engine over one Markdown report: built once per run, then an engine per reader model. */
export function markdownParts(markdown: string): Promise<EngineParts> {
  let parts = built.get(markdown);
  if (!parts) built.set(markdown, (parts = buildParts(markdown)));
  return parts;
}

async function buildParts(markdown: string): Promise<EngineParts> {
  const [resources, dict] = await Promise.all([languageResources(), loadDictionary()]);
  const index = await buildIndex({ text: markdown, format: 'md', dictionary: dict, resources }, createHashEmbedder());
  return {
    passages: index.passages,
    footnotes: index.report.footnotes,
    ...openCorpusData(index.data),
    embedder: createHashEmbedder(),
    vectors: new MemoryVectorSearch(index.passages.map((p, i) => ({ id: p.id, vector: index.vectors[i]! }))),
  };
}

export const engineWith = (parts: EngineParts, reader?: ReaderModel): QaEngine => createEngine({ ...parts, ...(reader ? { reader } : {}) });
