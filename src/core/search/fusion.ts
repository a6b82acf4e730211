/**
 * Many ranked lists → one: reciprocal rank fusion, then near-duplicate passages (neighbouring
 * chunks share a sentence) collapsed. Web APIs only.
 */
import type { Hit, Passage } from '../types';

/** Measured on the dev set: with ~60 passages the classic k = 60 flattens ranks until no list leads. */
export const DEFAULT_RRF_K = 3;

/** Reciprocal rank fusion: robust to the lists' incomparable score scales. */
export function fuse(lists: { ids: string[]; weight: number }[], k = DEFAULT_RRF_K): [string, number][] {
  const scores = new Map<string, number>();
  for (const list of lists) list.ids.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + list.weight / (k + rank + 1)));
  return [...scores].sort((a, b) => b[1] - a[1]);
}

function bigrams(text: string): Set<string> {
  const s = new Set<string>();
  const t = text.replace(/\s+/g, '');
  for (let i = 0; i < t.length - 1; i++) s.add(t.slice(i, i + 2));
  return s;
}

/** A passage's bigrams never change: built once per passage, not once per request. */
const bigramCache = new WeakMap<Passage, Set<string>>();
function passageBigrams(p: Passage): Set<string> {
  let grams = bigramCache.get(p);
  if (!grams) bigramCache.set(p, (grams = bigrams(p.text)));
  return grams;
}

/**
 * Overlapping chunks can both rank; keep the better one when most of their text is shared.
 * Stops once `limit` hits are kept: later hits cannot change which earlier ones survive.
 */
export function collapseNearDuplicates(hits: Hit[], threshold = 0.8, limit = Infinity): Hit[] {
  const kept: Hit[] = [];
  for (const hit of hits) {
    if (kept.length >= limit) break;
    if (!kept.some((k) => passageOverlap(k.passage, hit.passage) >= threshold)) kept.push(hit);
  }
  return kept;
}

/** Overlap between two passages is fixed too: computed once per pair that ever ranks together. */
const overlapCache = new WeakMap<Passage, Map<Passage, number>>();
function passageOverlap(a: Passage, b: Passage): number {
  let row = overlapCache.get(a);
  const known = row?.get(b);
  if (known !== undefined) return known;
  const value = overlap(passageBigrams(a), passageBigrams(b));
  if (!row) overlapCache.set(a, (row = new Map()));
  row.set(b, value);
  return value;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) shared++;
  return small.size === 0 ? 0 : shared / small.size;
}

