/** The runtime-agnostic half of ingest and of loading: text → passages + lexical index + vectors → engine. */
import { Bm25Index } from '../search/bm25';
import { chunkReport } from './chunk';
import type { QaEngine } from '../engine';
import type { Lexicon } from '../search/lexicon';
import { Library } from '../library';
import { parseReport } from './parse';
import type { Embedder, Generator, VectorSearch } from '../ports';
import { createQaEngine } from '../qa';
import { Retriever } from '../search/retrieve';
import type { Footnote, Passage, Report } from '../types';

export interface PreparedIndex {
  report: Report;
  passages: Passage[];
  bm25: Bm25Index;
  vectors: Float32Array[];
}

/** The text a passage is embedded as: its section gives the vector context the words alone lack. */
export const embeddingText = (p: Passage) => (p.section ? `${p.section}\n${p.text}` : p.text);

export async function prepareIndex(text: string, embedder: Embedder, onProgress?: (done: number, total: number) => void, batchSize = 16): Promise<PreparedIndex> {
  const report = parseReport(text);
  const passages = chunkReport(report);
  const bm25 = Bm25Index.build(passages.map((p) => ({ id: p.id, text: p.text, boostText: p.section })));
  const vectors: Float32Array[] = [];
  for (let i = 0; i < passages.length; i += batchSize) {
    vectors.push(...(await embedder.embed(passages.slice(i, i + batchSize).map(embeddingText), 'passage')));
    onProgress?.(Math.min(i + batchSize, passages.length), passages.length);
  }
  return { report, passages, bm25, vectors };
}

/**
 * How much the dense list counts, by embedder. Hash vectors only add fuzzy matching of Japanese
 * wording (on the dev set a larger weight lowered MRR); a multilingual transformer adds meaning
 * across languages, so it weighs as much as the lexical list and serves English questions too.
 */
export function denseSettingsFor(embedderId: string): { denseWeight: number; denseLangs: ('ja' | 'en')[] } {
  return embedderId.startsWith('hash') ? { denseWeight: 0.2, denseLangs: ['ja'] } : { denseWeight: 1, denseLangs: ['ja', 'en'] };
}

export interface EngineParts {
  passages: Passage[];
  footnotes: Footnote[];
  bm25: Bm25Index;
  lexicon: Lexicon;
  /** Omit both for lexical-only retrieval. */
  embedder?: Embedder;
  vectors?: VectorSearch;
  /** Reported by /health; defaults to the embedder's id. */
  embedderId?: string;
  /** Writes answers from the retrieved passages; omitted, answers are extractive. */
  generator?: Generator;
}

export function engineFromParts(parts: EngineParts): QaEngine {
  const library = new Library(parts.passages, parts.footnotes);
  const dense = parts.embedder && parts.vectors ? { embedder: parts.embedder, vectors: parts.vectors, ...denseSettingsFor(parts.embedder.id) } : {};
  const retriever = new Retriever({ library, bm25: parts.bm25, lexicon: parts.lexicon, ...dense });
  return createQaEngine({
    library,
    bm25: parts.bm25,
    lexicon: parts.lexicon,
    retriever,
    embedderId: parts.embedderId ?? parts.embedder?.id ?? 'none',
    ...(parts.generator ? { generator: parts.generator } : {}),
  });
}
