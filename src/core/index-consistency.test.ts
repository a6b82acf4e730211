import { describe, expect, it } from 'vitest';
import { indexIdProblem } from './index-consistency';

const ids = ['p1', 'p2', 'p3'];

describe('indexIdProblem', () => {
  it('accepts parts that name the same passages (vectors in any order)', () => {
    expect(indexIdProblem(ids, { bm25Ids: ids })).toBeUndefined();
    expect(indexIdProblem(ids, { bm25Ids: ids, vectorIds: ['p3', 'p1', 'p2'] })).toBeUndefined();
  });

  it('names duplicate passage ids, and BM25 ids that are not the passages’ ids in their order', () => {
    expect(indexIdProblem(['p1', 'p2', 'p1'], { bm25Ids: ['p1', 'p2', 'p1'] })).toBe('two passages have the id p1');
    expect(indexIdProblem(ids, { bm25Ids: ['p1', 'p2'] })).toBe('the BM25 index holds 2 documents for 3 passages');
    expect(indexIdProblem(ids, { bm25Ids: ['p1', 'p3', 'p2'] })).toBe('BM25 document 1 is p3, but passage 1 is p2');
    expect(indexIdProblem(ids, { bm25Ids: ['p1', 'p2', 'x9'] })).toBe('BM25 document 2 is x9, but passage 2 is p3');
  });

  it('names vectors for no passage, missing or twice', () => {
    expect(indexIdProblem(ids, { bm25Ids: ids, vectorIds: ['p1', 'p2'] })).toBe('the vector index holds 2 vectors for 3 passages');
    expect(indexIdProblem(ids, { bm25Ids: ids, vectorIds: ['p1', 'p2', 'zz'] })).toBe('the vector index has a vector for zz, which is no passage');
    expect(indexIdProblem(ids, { bm25Ids: ids, vectorIds: ['p1', 'p2', 'p2'] })).toBe('the vector index has two vectors for p2');
  });
});
