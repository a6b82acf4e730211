/** parse → chunk → embed → write: builds data/index from the corpus, or says why it need not. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INDEX_FORMAT, type Manifest } from '../core/ingest/index-data';
import { metadataSchema, type ReportMetadata } from '../core/ingest/metadata';
import { prepareIndex } from '../core/ingest/build-index';
import type { Embedder } from '../core/ports';
import { loadStoredIndex, replaceIndex, writeJson, type StoredIndex } from './index-store';
import { createProgress } from './progress';
import { writeVectraIndex } from './vectra-store';

export interface CorpusSource {
  metadata: ReportMetadata;
  text: string;
  sha256: string;
}

export async function readCorpus(corpusDir: string): Promise<CorpusSource> {
  const raw = JSON.parse(await readFile(join(corpusDir, 'metadata.json'), 'utf8'));
  const metadata = metadataSchema.parse(raw);
  const bytes = await readFile(join(corpusDir, metadata.file));
  return { metadata, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** When nothing was built, `stored` is the current index as the check read it, for the caller to reuse. */
export type IngestResult = { built: false; reason: string; manifest: Manifest; stored: StoredIndex } | { built: true; reason: string; manifest: Manifest };

export interface IngestOptions {
  corpusDir: string;
  indexDir: string;
  embedder: Embedder;
  force?: boolean;
  log?: (line: string) => void;
  /** The corpus, when the caller has already read it. */
  corpus?: CorpusSource;
}

/** Why the current index cannot serve this corpus and embedder, or null when it can. */
export async function staleReason(indexDir: string, corpus: CorpusSource, embedderId: string): Promise<{ reason: string | null; stored?: StoredIndex }> {
  try {
    const stored = await loadStoredIndex(indexDir);
    const { manifest } = stored;
    if (manifest.corpusSha256 !== corpus.sha256) return { reason: 'the report text changed since the index was built' };
    if (manifest.embedder.id !== embedderId) return { reason: `the index was built with ${manifest.embedder.id}, but ${embedderId} is configured` };
    return { reason: null, stored };
  } catch (err) {
    return { reason: err instanceof Error ? err.message : String(err) };
  }
}

export async function ingest(options: IngestOptions): Promise<IngestResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const corpus = options.corpus ?? (await readCorpus(options.corpusDir));
  if (!options.force) {
    const { reason, stored } = await staleReason(options.indexDir, corpus, options.embedder.id);
    if (reason === null && stored) {
      return { built: false, reason: `index is up to date (same report, same embedder ${stored.manifest.embedder.id})`, manifest: stored.manifest, stored };
    }
    log(`building the index: ${reason}`);
  }
  const progress = createProgress(`embedding with ${options.embedder.id}`);
  const { report, passages, bm25, vectors } = await prepareIndex(corpus.text, options.embedder, (done, total) => progress.update(done, total));
  progress.done();

  const manifest: Manifest = {
    format: INDEX_FORMAT,
    title: corpus.metadata.title,
    corpusFile: corpus.metadata.file,
    corpusSha256: corpus.sha256,
    embedder: { id: options.embedder.id, dimensions: options.embedder.dimensions },
    counts: { passages: passages.length, footnotes: report.footnotes.length },
    builtAt: new Date().toISOString(),
    buildMs: 0,
  };
  await replaceIndex(options.indexDir, async (dir) => {
    await writeJson(join(dir, 'corpus.json'), { passages, footnotes: report.footnotes, bm25: bm25.toJSON() });
    await writeVectraIndex(join(dir, 'vectors'), passages.map((p, i) => ({ id: p.id, vector: vectors[i]!, metadata: { kind: p.kind, page: p.page, section: p.section } })));
    manifest.buildMs = Math.round(performance.now() - started);
    await writeJson(join(dir, 'manifest.json'), manifest); // written last: its presence marks a complete build
  });
  return { built: true, reason: `built ${passages.length} passages and ${report.footnotes.length} footnotes in ${manifest.buildMs} ms`, manifest };
}
