/** VectorSearch over vectors held in memory (the Worker's snapshot, tests). Vectors are unit length. */
import type { VectorMatch, VectorSearch } from '../ports';

export class MemoryVectorSearch implements VectorSearch {
  private readonly ids: string[];
  private readonly matrix: Float32Array;
  private readonly dims: number;

  constructor(items: { id: string; vector: ArrayLike<number> }[]) {
    this.dims = items[0]?.vector.length ?? 0;
    this.ids = items.map((i) => i.id);
    this.matrix = new Float32Array(items.length * this.dims);
    items.forEach((item, row) => {
      if (item.vector.length !== this.dims) throw new Error(`vector ${item.id} has ${item.vector.length} dimensions, expected ${this.dims}`);
      this.matrix.set(item.vector, row * this.dims);
    });
  }

  async query(vector: Float32Array, k: number): Promise<VectorMatch[]> {
    if (vector.length !== this.dims) throw new Error(`query vector has ${vector.length} dimensions, the index ${this.dims}`);
    const scores: VectorMatch[] = this.ids.map((id, row) => {
      let dot = 0;
      const base = row * this.dims;
      for (let d = 0; d < this.dims; d++) dot += this.matrix[base + d]! * vector[d]!;
      return { id, score: dot };
    });
    return scores.sort((a, b) => b.score - a.score).slice(0, k);
  }
}
