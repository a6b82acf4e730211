/**
 * Snapshot → QaEngine. Dense retrieval needs the query embedded in the same vector space as the
 * passages, so the Worker uses the snapshot's vectors only when it can rebuild that very embedder
 * (the hash embedder: pure code, same id ⇒ same vectors). A transformer-built snapshot is served
 * lexical-only rather than compared against vectors from another model.
 */
import { createEngine, type QaEngine } from '../core/engine';
import { AppError } from '../core/errors';
import { openCorpusData } from '../core/ingest/index-data';
import { createHashEmbedder } from '../core/search/hash-embedder';
import { MemoryVectorSearch } from '../core/search/memory-vectors';
import type { Embedder, Generator } from '../core/ports';
import { decodeVectors, type EmbedderSpec, type Snapshot } from './snapshot';

/** `auto`: hybrid when the embedder can be reproduced, else lexical; `hybrid`: dense or refuse. */
export const RETRIEVAL_MODES = ['auto', 'hybrid', 'lexical'] as const;
export type RetrievalMode = (typeof RETRIEVAL_MODES)[number];

/** The embedder that produced `spec`'s vectors, rebuilt here, or undefined when it cannot be. */
export function reproduceEmbedder(spec: EmbedderSpec): Embedder | undefined {
  let hash: Embedder;
  try {
    hash = createHashEmbedder({ dimensions: spec.dimensions });
  } catch {
    return undefined; // dimensions no hash embedder has, e.g. a tiny model's
  }
  // Comparing ids (not a prefix) also catches a snapshot from an older version of the hash scheme.
  return hash.id === spec.id && hash.dimensions === spec.dimensions ? hash : undefined;
}

/** `generator`, when given, writes answers from the retrieved passages (checked, with extractive fallback). */
export function engineFromSnapshot(snapshot: Snapshot, mode: RetrievalMode = 'auto', generator?: Generator): QaEngine {
  const { index } = snapshot;
  const common = {
    passages: index.passages,
    footnotes: index.footnotes,
    ...guard('index', () => openCorpusData(index)),
    embedderId: snapshot.embedder.id,
    ...(generator ? { generator } : {}),
  };
  if (mode === 'lexical') return createEngine(common);
  const embedder = reproduceEmbedder(snapshot.embedder);
  if (!embedder) {
    if (mode === 'hybrid') {
      throw new AppError(
        'index_unavailable',
        `RETRIEVAL=hybrid, but the snapshot was embedded with ${snapshot.embedder.id}, which the Worker cannot run for queries; ` +
          'rebuild the snapshot with EMBEDDER=hash, or set RETRIEVAL to auto or lexical',
      );
    }
    return createEngine(common);
  }
  const rows = decodeVectors(snapshot.vectors);
  const vectors = new MemoryVectorSearch(index.passages.map((p, i) => ({ id: p.id, vector: rows[i]! })));
  return createEngine({ ...common, embedder, vectors });
}

function guard<T>(what: string, build: () => T): T {
  try {
    return build();
  } catch (err) {
    throw new AppError('corrupt_index', `the snapshot's ${what} is damaged: ${err instanceof Error ? err.message : String(err)}`);
  }
}
