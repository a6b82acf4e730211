/** VectorSearch over a vectra LocalIndex folder. */
import { LocalIndex } from 'vectra';
import type { VectorMatch, VectorSearch } from '../core/ports';

export async function writeVectraIndex(folder: string, items: { id: string; vector: Float32Array; kind: string }[]): Promise<void> {
  const index = new LocalIndex(folder);
  await index.createIndex({ version: 1, deleteIfExists: true });
  await index.beginUpdate();
  for (const item of items) await index.insertItem({ id: item.id, vector: Array.from(item.vector), metadata: { kind: item.kind } });
  await index.endUpdate();
}

export class VectraSearch implements VectorSearch {
  private constructor(private readonly index: LocalIndex) {}

  /** Opens the index and checks it holds `expected` vectors of `dimensions` values. */
  static async open(folder: string, expected: { count: number; dimensions: number }): Promise<VectraSearch> {
    const index = new LocalIndex(folder);
    if (!(await index.isIndexCreated())) throw new Error(`vector index missing in ${folder}`);
    const items = await index.listItems();
    if (items.length !== expected.count) throw new Error(`vector index in ${folder} holds ${items.length} vectors, expected ${expected.count}`);
    const bad = items.find((i) => i.vector.length !== expected.dimensions || i.vector.some((v) => !Number.isFinite(v)));
    if (bad) throw new Error(`vector index in ${folder} has a damaged vector (${bad.id})`);
    return new VectraSearch(index);
  }

  async query(vector: Float32Array, k: number): Promise<VectorMatch[]> {
    const results = await this.index.queryItems(Array.from(vector), '', k);
    return results.map((r) => ({ id: r.item.id, score: r.score }));
  }
}
