import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalIndex } from 'vectra';
import { describe, expect, it } from 'vitest';
import { VectraSearch, writeVectraIndex } from './vectra-store';

const unit = (...v: number[]) => {
  const n = Math.hypot(...v);
  return Float32Array.from(v.map((x) => x / n));
};

describe('the vectra index', () => {
  it('is written by vectra and searched as vectra ranks it', async () => {
    const folder = join(await mkdtemp(join(tmpdir(), 'vectra-')), 'vectors');
    const items = [
      { id: 'a', vector: unit(1, 0, 0), metadata: { kind: 'body', page: 1, section: '1――' } },
      { id: 'b', vector: unit(1, 1, 0), metadata: { kind: 'body', page: 2, section: '2――' } },
      { id: 'c', vector: unit(0, 0, 1), metadata: { kind: 'footnote', page: 3, section: '脚注' } },
    ];
    await writeVectraIndex(folder, items);
    const index = new LocalIndex(folder);
    expect((await index.listItems()).map((i) => i.id).sort()).toEqual(['a', 'b', 'c']);
    expect((await index.getItem('c'))!.metadata).toEqual({ kind: 'footnote', page: 3, section: '脚注' });
    const query = unit(1, 0.2, 0.1);
    const ours = await (await VectraSearch.open(folder, { count: 3, dimensions: 3 })).query(query, 3);
    const theirs = await index.queryItems(Array.from(query), '', 3);
    expect(ours.map((m) => m.id)).toEqual(theirs.map((r) => r.item.id));
    ours.forEach((m, i) => expect(m.score).toBeCloseTo(theirs[i]!.score, 5));
  });

  it('refuses a missing, truncated, short or damaged index with a clear message', async () => {
    const folder = join(await mkdtemp(join(tmpdir(), 'vectra-')), 'vectors');
    await expect(VectraSearch.open(folder, { count: 1, dimensions: 2 })).rejects.toThrow(/missing/);
    await writeVectraIndex(folder, [{ id: 'a', vector: unit(1, 0), metadata: { kind: 'body', page: 1, section: '' } }]);
    await expect(VectraSearch.open(folder, { count: 2, dimensions: 2 })).rejects.toThrow(/holds 1 vectors, expected 2/);
    await expect(VectraSearch.open(folder, { count: 1, dimensions: 3 })).rejects.toThrow(/damaged vector/);
    await writeFile(join(folder, 'index.json'), '{"version":1,"items":[{"id":"a","vec');
    await expect(VectraSearch.open(folder, { count: 1, dimensions: 2 })).rejects.toThrow(/not valid JSON/);
    await writeFile(join(folder, 'index.json'), '{"items":"x"}');
    await expect(VectraSearch.open(folder, { count: 1, dimensions: 2 })).rejects.toThrow(/not a vectra LocalIndex/);
  });
});
