/** Build side of the Node runtime: corpus folder → data/index (parse, chunk, embed, write), or why it need not. */
import { join } from 'node:path';
import { buildIndex } from '../core/ingest/build-index';
import { INDEX_FORMAT } from '../core/ingest/index-data';
import { reportTerms } from '../core/library-router';
import type { Embedder } from '../core/ports';
import { readCorpus, type CorpusSource } from './corpus';
import { languageResources } from './language-resources';
import { fileSha256, loadStoredIndex, replaceIndex, ROUTER_FILE, writeJson, type Manifest, type StoredIndex } from './index-store';
import { createProgress } from './progress';
import { writeVectraIndex } from './vectra-store';

/** When nothing was built, `stored` is the current index as the check read it, for the caller to reuse. */
export type IngestResult = { built: false; reason: string; manifest: Manifest; stored: StoredIndex } | { built: true; reason: string; manifest: Manifest; warnings: string[] };

export interface IngestOptions {
  corpusDir: string;
  indexDir: string;
  embedder: Embedder;
  force?: boolean;
  log?: (line: string) => void;
  /** The corpus, when the caller has already read it. */
  corpus?: CorpusSource;
  /** Show the embedding progress bar (default true; a library shows one bar counting reports instead). */
  progress?: boolean;
}

/** Why the current index cannot serve this corpus and embedder, or null when it can. */
export async function staleReason(indexDir: string, corpus: CorpusSource, embedderId: string): Promise<{ reason: string | null; stored?: StoredIndex }> {
  try {
    const stored = await loadStoredIndex(indexDir);
    const { manifest } = stored;
    if (manifest.corpusSha256 !== corpus.sha256) return { reason: 'the report text changed since the index was built' };
    if (manifest.sourcesSha256 !== corpus.sourcesSha256) return { reason: 'the metadata, glossary, English edition or dictionary changed since the index was built' };
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
  const progress = options.progress === false ? undefined : createProgress(`embedding with ${options.embedder.id}`);
  const built = await buildIndex({ ...corpus, resources: await languageResources() }, options.embedder, (done, total) => progress?.update(done, total));
  progress?.done();
  for (const w of built.warnings) log(`warning: ${w}`);

  const manifest: Manifest = {
    format: INDEX_FORMAT,
    title: built.data.metadata.title,
    corpusFile: corpus.file,
    corpusSha256: corpus.sha256,
    sourcesSha256: corpus.sourcesSha256,
    embedder: { id: options.embedder.id, dimensions: options.embedder.dimensions },
    counts: { passages: built.passages.length, footnotes: built.report.footnotes.length },
    builtAt: new Date().toISOString(),
    buildMs: 0,
    report: { metadata: built.data.metadata, editions: built.data.edition ? ['ja', 'en'] : ['ja'] },
  };
  await replaceIndex(options.indexDir, async (dir) => {
    const corpusSha = await writeJson(join(dir, 'corpus.json'), built.data);
    const { passages, vectors } = built;
    await writeVectraIndex(join(dir, 'vectors'), passages.map((p, i) => ({ id: p.id, vector: vectors[i]!, metadata: { kind: p.kind, page: p.page, section: p.section } })));
    // The report's words as the library's router counts them (see core/library-router.ts).
    const english = Object.values(built.data.edition?.renderings ?? {});
    await writeJson(join(dir, ROUTER_FILE), reportTerms({ texts: [...passages.map((p) => p.text), ...english], sections: passages.map((p) => p.section) }));
    manifest.files = { 'corpus.json': corpusSha, 'vectors/index.json': await fileSha256(join(dir, 'vectors', 'index.json')) };
    manifest.buildMs = Math.round(performance.now() - started);
    await writeJson(join(dir, 'manifest.json'), manifest); // written last: its presence marks a complete build
  });
  const reason = `built ${built.passages.length} passages and ${built.report.footnotes.length} footnotes in ${manifest.buildMs} ms`;
  return { built: true, reason, manifest, warnings: built.warnings };
}
