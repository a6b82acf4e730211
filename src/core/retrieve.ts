/**
 * Query → ranked passages: BM25 over Japanese-aware tokens (English questions translated to
 * Japanese terms first) fused with dense vector search by reciprocal rank fusion.
 */
import { mergeTerms, type Bm25Index, type WeightedTerm } from './bm25';
import { translateQuery, type Lexicon } from './lexicon';
import type { Library } from './library';
import type { Embedder, VectorSearch } from './ports';
import type { QueryAnalysis } from './query';
import { tokenize } from './tokenize';
import type { Hit, Passage } from './types';

export interface RetrieverDeps {
  library: Library;
  bm25: Bm25Index;
  lexicon?: Lexicon;
  /** Dense search: both or neither. The embedder must be the one the vectors were built with. */
  embedder?: Embedder;
  vectors?: VectorSearch;
  /** Weight of the dense list in the fusion (the lexical list weighs 1). */
  denseWeight?: number;
  /**
   * Question languages the dense list serves. A monolingual embedder (the hash one) cannot match
   * an English question to Japanese passages, so its list would only add noise there.
   */
  denseLangs?: readonly ('ja' | 'en')[];
  /** Reciprocal rank fusion constant: small values let a list's top ranks dominate. */
  rrfK?: number;
}

export interface Retrieval {
  hits: Hit[];
  /** The weighted query terms the lexical side searched with. */
  terms: WeightedTerm[];
}

/** Measured on the dev set: with ~60 passages the classic k = 60 flattens ranks until no list leads. */
export const DEFAULT_RRF_K = 3;
const POOL = 40;
const CONTEXT_WEIGHT = 0.5;

const scale = (terms: WeightedTerm[], f: number) => terms.map((t) => ({ term: t.term, weight: t.weight * f }));

/** Query terms for one text: Japanese tokens as they are; English also translated through the lexicon. */
export function queryTerms(text: string, lang: 'ja' | 'en', lexicon?: Lexicon): WeightedTerm[] {
  if (lang === 'en' && lexicon) return translateQuery(text, lexicon);
  return mergeTerms(tokenize(text).map((term) => ({ term, weight: 1 })));
}

/** How many recent questions keep their candidates (terms and two lists of ids): a few hundred KB at most. */
const ANALYSIS_CACHE_SIZE = 256;

/** What a question retrieves before fusion: fixed for a given question over a given index. */
interface Candidates {
  terms: WeightedTerm[];
  /** Best passages by BM25, best first. */
  lexical: string[];
  /** Best passages by vector similarity, when the dense side serves this question. */
  dense?: Promise<string[] | undefined>;
}

export class Retriever {
  readonly dense: boolean;
  /**
   * Recent questions' candidates, least recently used first. They depend only on the question
   * text and the index, and readers ask the same questions (the widget's suggestions) again and
   * again; fusion, footnote promotion and de-duplication still run for every request.
   */
  private readonly analysed = new Map<string, Candidates>();

  constructor(private readonly deps: RetrieverDeps) {
    this.dense = Boolean(deps.embedder && deps.vectors);
  }

  private candidates(question: string, analysis: QueryAnalysis, useDense: boolean): Candidates {
    const key = `${analysis.lang}\u0000${analysis.context ?? ''}\u0000${question}`;
    let entry = this.analysed.get(key);
    if (entry) this.analysed.delete(key);
    else {
      const terms = this.termsFor(question, analysis);
      entry = { terms, lexical: this.deps.bm25.search(terms, POOL).map((r) => r.id) };
      const { embedder, vectors } = this.deps;
      if (useDense && embedder && vectors) {
        const text = analysis.context ? `${analysis.context}\n${question}` : question;
        entry.dense = embedder.embed([text], 'query').then(async ([v]) => (v ? (await vectors.query(v, POOL)).map((m) => m.id) : undefined));
        // A failed embedding is not remembered: the next request tries again.
        const pending = entry;
        entry.dense.catch(() => {
          if (this.analysed.get(key) === pending) this.analysed.delete(key);
        });
      }
      if (this.analysed.size >= ANALYSIS_CACHE_SIZE) this.analysed.delete(this.analysed.keys().next().value!);
    }
    this.analysed.set(key, entry);
    return entry;
  }

  termsFor(question: string, analysis: QueryAnalysis): WeightedTerm[] {
    const own = queryTerms(question, analysis.lang, this.deps.lexicon);
    if (!analysis.context) return own;
    const ctx = queryTerms(analysis.context, analysis.lang === 'en' ? questionLangOf(analysis.context) : 'ja', this.deps.lexicon);
    return mergeTerms([...own, ...scale(ctx, CONTEXT_WEIGHT)]);
  }

  async retrieve(question: string, analysis: QueryAnalysis, k: number): Promise<Retrieval> {
    const { library, embedder, vectors } = this.deps;
    const useDense = Boolean(embedder && vectors && (this.deps.denseLangs ?? ['ja', 'en']).includes(analysis.lang));
    const { terms, lexical, dense } = this.candidates(question, analysis, useDense);
    const lists: { ids: string[]; weight: number }[] = [{ ids: lexical, weight: 1 }];
    const denseIds = dense && (await dense);
    if (denseIds) lists.push({ ids: denseIds, weight: this.deps.denseWeight ?? 1 });
    const fused = fuse(lists, this.deps.rrfK ?? DEFAULT_RRF_K);
    let hits: Hit[] = [];
    for (const [id, score] of fused) {
      const passage = library.passage(id);
      if (passage) hits.push({ passage, score });
    }
    hits = promoteFootnotes(hits, analysis.footnoteNumbers, library);
    if (analysis.wantsSource && analysis.footnoteNumbers.length === 0) hits = sourcesAfterClaims(hits, library);
    return { hits: collapseNearDuplicates(hits, 0.8, k), terms };
  }
}

function questionLangOf(text: string): 'ja' | 'en' {
  return /[\u3040-\u30ff\u3400-\u9fff]/.test(text) ? 'ja' : 'en';
}

/** Reciprocal rank fusion: robust to the lists' incomparable score scales. */
export function fuse(lists: { ids: string[]; weight: number }[], k = DEFAULT_RRF_K): [string, number][] {
  const scores = new Map<string, number>();
  for (const list of lists) list.ids.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + list.weight / (k + rank + 1)));
  return [...scores].sort((a, b) => b[1] - a[1]);
}

/** A question naming footnote n gets that footnote first and the passage citing it second. */
/**
 * A source question wants the footnote behind a claim: each of the top claims is followed by the
 * footnotes it cites (unless they already rank above it), so the sources sit beside their claims.
 */
function sourcesAfterClaims(hits: Hit[], library: Library, claims = 3): Hit[] {
  const out: Hit[] = [];
  const placed = new Set<string>();
  hits.forEach((hit, i) => {
    if (placed.has(hit.passage.id)) return;
    out.push(hit);
    placed.add(hit.passage.id);
    if (i >= claims || hit.passage.kind === 'footnote') return;
    for (const n of hit.passage.footnotes) {
      const fn = library.passage(`fn-${n}`);
      if (!fn || placed.has(fn.id)) continue;
      out.push({ passage: fn, score: hit.score });
      placed.add(fn.id);
    }
  });
  return out;
}

function promoteFootnotes(hits: Hit[], numbers: number[], library: Library): Hit[] {
  if (numbers.length === 0) return hits;
  const top = hits[0]?.score ?? 1;
  const front: Hit[] = [];
  numbers.forEach((n, i) => {
    const fn = library.passage(`fn-${n}`);
    if (fn) front.push({ passage: fn, score: top * (2 - i * 0.01) });
    const citing = library.citingPassage(n);
    if (citing) front.push({ passage: citing, score: top * (1.5 - i * 0.01) });
  });
  const ids = new Set(front.map((h) => h.passage.id));
  return [...front, ...hits.filter((h) => !ids.has(h.passage.id))];
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

export type { Passage };
