import { describe, expect, it } from 'vitest';
import { MemoryVectorSearch } from './memory-vectors';

describe('MemoryVectorSearch', () => {
  const unit = (...v: number[]) => {
    const n = Math.hypot(...v);
    return Float32Array.from(v.map((x) => x / n));
  };
  const search = new MemoryVectorSearch([
    { id: 'x', vector: unit(1, 0, 0) },
    { id: 'xy', vector: unit(1, 1, 0) },
    { id: 'z', vector: unit(0, 0, 1) },
  ]);
  it('returns the nearest vectors by cosine, best first, at most k', async () => {
    const r = await search.query(unit(1, 0.1, 0), 2);
    expect(r.map((m) => m.id)).toEqual(['x', 'xy']);
    expect(r[0]!.score).toBeGreaterThan(r[1]!.score);
  });
  it('rejects vectors of the wrong size', async () => {
    await expect(search.query(unit(1, 0), 1)).rejects.toThrow(/dimensions/);
    expect(() => new MemoryVectorSearch([{ id: 'a', vector: [1, 0] }, { id: 'b', vector: [1] }])).toThrow(/dimensions/);
  });
});
