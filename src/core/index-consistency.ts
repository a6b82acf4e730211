/**
 * Whether the parts of an index name the same passages. Each part can be well-formed on its own
 * and still disagree with the others — a BM25 index whose ids are not the passages' ids (or are
 * in another order, which maps every posting to the wrong passage), two passages under one id —
 * and such an index loads and answers, only wrongly. Both runtimes check before serving.
 */

/** What is wrong, in words, or undefined when passages, BM25 and (when given) vectors agree. */
export function indexIdProblem(passageIds: readonly string[], parts: { bm25Ids: readonly string[]; vectorIds?: readonly string[] }): string | undefined {
  const passages = new Set<string>();
  for (const id of passageIds) {
    if (passages.has(id)) return `two passages have the id ${id}`;
    passages.add(id);
  }
  const { bm25Ids, vectorIds } = parts;
  if (bm25Ids.length !== passageIds.length) return `the BM25 index holds ${bm25Ids.length} documents for ${passageIds.length} passages`;
  // BM25 postings point at documents by position: its ids must be the passages' ids in passage order.
  const at = bm25Ids.findIndex((id, i) => id !== passageIds[i]);
  if (at >= 0) return `BM25 document ${at} is ${bm25Ids[at]}, but passage ${at} is ${passageIds[at]}`;
  if (vectorIds) {
    if (vectorIds.length !== passageIds.length) return `the vector index holds ${vectorIds.length} vectors for ${passageIds.length} passages`;
    const seen = new Set<string>();
    for (const id of vectorIds) {
      if (!passages.has(id)) return `the vector index has a vector for ${id}, which is no passage`;
      if (seen.has(id)) return `the vector index has two vectors for ${id}`;
      seen.add(id);
    }
  }
  return undefined;
}
