import { describe, expect, it } from 'vitest';
import { Library } from './library';
import type { Passage } from './types';

const p = (id: string, order: number, kind: Passage['kind'] = 'body', footnotes: number[] = []): Passage => ({ id, order, kind, footnotes, text: id, section: 's', page: 1 });

describe('Library', () => {
  const lib = new Library([p('b', 1, 'body', [2]), p('a', 0), p('fn-2', 2, 'footnote', [2]), p('c', 3, 'figure')], [
    { n: 2, text: 'two', urls: [], page: 1 },
    { n: 1, text: 'one', urls: ['https://example.org'], page: 1 },
  ]);
  it('looks up passages and footnotes, footnotes sorted', () => {
    expect(lib.passage('a')!.id).toBe('a');
    expect(lib.passage('zz')).toBeUndefined();
    expect(lib.footnotes.map((f) => f.n)).toEqual([1, 2]);
    expect(lib.footnotesOf([2, 1, 2, 9]).map((f) => f.n)).toEqual([1, 2]);
  });
  it('gives neighbours in reading order, skipping footnotes', () => {
    expect(lib.neighbours('a')).toEqual({ prev: null, next: 'b' });
    expect(lib.neighbours('b')).toEqual({ prev: 'a', next: 'c' });
    expect(lib.neighbours('fn-2')).toEqual({ prev: null, next: null });
  });
  it('finds the passage citing a footnote', () => {
    expect(lib.citingPassage(2)!.id).toBe('b');
    expect(lib.citingPassage(1)).toBeUndefined();
  });
});
