/**
 * The dense index on disk is a vectra LocalIndex folder. vectra writes it; serving reads its
 * index.json (the documented LocalIndex format: items of {id, metadata, vector}) and searches it
 * in memory. Importing vectra at serve time costs ~100 MB and over a second of start-up for a
 * linear scan over ~60 vectors that MemoryVectorSearch does as well, so the server never loads it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { MemoryVectorSearch } from '../core/search/memory-vectors';
import type { VectorMatch, VectorSearch } from '../core/ports';

/** What each vector carries besides its passage id, so the folder is readable with vectra's own tools. */
export type VectorMetadata = { kind: string; page: number; section: string };

export async function writeVectraIndex(folder: string, items: { id: string; vector: Float32Array; metadata: VectorMetadata }[]): Promise<void> {
  const { LocalIndex } = await import('vectra');
  const index = new LocalIndex(folder);
  await index.createIndex({ version: 1, deleteIfExists: true });
  await index.beginUpdate();
  for (const item of items) await index.insertItem({ id: item.id, vector: Array.from(item.vector), metadata: item.metadata });
  await index.endUpdate();
}

const localIndexFile = z.object({
  version: z.number(),
  items: z.array(z.object({ id: z.string(), vector: z.array(z.number()) })),
});

export class VectraSearch implements VectorSearch {
  private constructor(private readonly memory: MemoryVectorSearch) {}

  /** Opens the index and checks it holds `expected` vectors of `dimensions` finite values. */
  static async open(folder: string, expected: { count: number; dimensions: number }): Promise<VectraSearch> {
    const file = join(folder, 'index.json');
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      throw new Error(missing ? `vector index missing in ${folder}` : `vector index ${file} is not valid JSON (truncated or damaged)`);
    }
    const parsed = localIndexFile.safeParse(raw);
    if (!parsed.success) throw new Error(`vector index ${file} is not a vectra LocalIndex`);
    const { items } = parsed.data;
    if (items.length !== expected.count) throw new Error(`vector index in ${folder} holds ${items.length} vectors, expected ${expected.count}`);
    const bad = items.find((i) => i.vector.length !== expected.dimensions || i.vector.some((v) => !Number.isFinite(v)));
    if (bad) throw new Error(`vector index in ${folder} has a damaged vector (${bad.id})`);
    return new VectraSearch(new MemoryVectorSearch(items));
  }

  query(vector: Float32Array, k: number): Promise<VectorMatch[]> {
    return this.memory.query(vector, k);
  }
}
