/**
 * Query → ranked passages: BM25 over Japanese-aware tokens (English questions translated to
 * Japanese terms first) fused with dense vector search by reciprocal rank fusion.
 */
import { mergeTerms, type Bm25Index, type WeightedTerm } from './bm25';
import { translateQuery, type Lexicon } from './lexicon';
import type { Library } from '../library';
import type { Embedder, VectorSearch } from '../ports';
import { collapseNearDuplicates, DEFAULT_RRF_K, fuse } from './fusion';
import type { QueryAnalysis } from '../answer/question';
import { detectLang, tokenize } from './tokenize';
import type { Hit } from '../types';

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
    const ctx = queryTerms(analysis.context, detectLang(analysis.context), this.deps.lexicon);
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

/** A question naming footnote n gets that footnote first and the passage citing it second. */
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

