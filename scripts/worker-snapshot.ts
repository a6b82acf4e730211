/**
 * Exports the Node index (data/index) as the Worker's snapshot: the same index data and vectors
 * the Node server loads, plus the widget and demo page, so the Worker answers from exactly what
 * the Node server answers from.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { LocalIndex } from 'vectra';
import { readCorpus } from '../src/node/corpus';
import { loadStoredIndex } from '../src/node/index-store';
import { assembleSnapshot, parseSnapshot, type Snapshot } from '../src/worker/snapshot';

export interface SnapshotSources {
  corpusDir: string;
  /** A complete index written by `ingest` for this corpus. */
  indexDir: string;
  widgetJs: string;
}

/** Vectors of the stored vectra index, in passage order; every passage must have exactly one. */
export async function storedVectors(folder: string, passageIds: string[], dimensions: number): Promise<number[][]> {
  const items = await new LocalIndex(folder).listItems();
  const byId = new Map(items.map((item) => [item.id, item.vector]));
  if (byId.size !== passageIds.length) throw new Error(`the vector index in ${folder} holds ${byId.size} vectors for ${passageIds.length} passages`);
  return passageIds.map((id) => {
    const vector = byId.get(id);
    if (!vector) throw new Error(`the vector index in ${folder} has no vector for passage ${id}`);
    if (vector.length !== dimensions) throw new Error(`vector ${id} has ${vector.length} dimensions, the manifest says ${dimensions}`);
    return vector;
  });
}

export async function createSnapshot(sources: SnapshotSources): Promise<Snapshot> {
  const corpus = await readCorpus(sources.corpusDir);
  const stored = await loadStoredIndex(sources.indexDir);
  if (stored.manifest.sourcesSha256 !== corpus.sourcesSha256) {
    throw new Error(`the index in ${sources.indexDir} was built from another version of ${corpus.file} or its metadata, glossary or edition; run ingest again`);
  }
  const { embedder } = stored.manifest;
  const ids = stored.data.passages.map((p) => p.id);
  return assembleSnapshot({
    index: stored.data,
    corpusSha256: corpus.sha256,
    builtAt: stored.manifest.builtAt,
    embedder,
    vectors: await storedVectors(join(stored.dir, 'vectors'), ids, embedder.dimensions),
    widgetJs: sources.widgetJs,
  });
}

/** Writes the snapshot (checked by the Worker's own parser first) atomically; returns its size in bytes. */
export async function writeSnapshot(snapshot: Snapshot, path: string): Promise<number> {
  const text = JSON.stringify(snapshot);
  parseSnapshot(JSON.parse(text));
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
  return Buffer.byteLength(text);
}
