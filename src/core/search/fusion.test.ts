import { describe, expect, it } from 'vitest';
import { collapseNearDuplicates, fuse } from './fusion';
import type { Hit, Passage } from '../types';

describe('fuse', () => {
  it('ranks what both lists agree on first, and lets a small k favour each list’s top', () => {
    const fused = fuse([{ ids: ['a', 'b', 'c'], weight: 1 }, { ids: ['b', 'a', 'd'], weight: 1 }], 3);
    expect(fused.slice(0, 2).map(([id]) => id).sort()).toEqual(['a', 'b']);
    expect(fused.map(([id]) => id)).toContain('d');
    const weighted = fuse([{ ids: ['a', 'b'], weight: 1 }, { ids: ['b', 'a'], weight: 0.2 }], 3);
    expect(weighted[0]![0]).toBe('a');
  });
});

describe('collapseNearDuplicates', () => {
  const hit = (id: string, text: string, score: number): Hit => ({ passage: { id, text, kind: 'body', section: '', page: 1, footnotes: [], order: 0 } as Passage, score });
  it('keeps the better of two passages that share most of their text', () => {
    const out = collapseNearDuplicates([hit('a', '中国経済の潜在成長率の底上げに寄与する。', 2), hit('b', '中国経済の潜在成長率の底上げに寄与する', 1), hit('c', '日本企業は戦略を深める。', 0.5)]);
    expect(out.map((h) => h.passage.id)).toEqual(['a', 'c']);
  });
});
