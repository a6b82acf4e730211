/**
 * Query → ranked passages: BM25 over the Japanese report, BM25 over its English edition (English
 * questions), and dense vector search, fused by reciprocal rank; a named footnote first, and for a
 * source question each claim followed by the footnotes it cites.
 */
import type { Bm25Index } from './bm25';
import { collapseNearDuplicates, fuse } from './fusion';
import type { Lexicon } from './lexicon';
import { questionTerms, textTerms, type QueryTerms, type QuestionParts } from './query-terms';
import type { Synonyms } from './synonyms';
import type { Library } from '../library';
import type { Embedder, VectorSearch } from '../ports';
import { defaults } from '../settings';
import type { Hit, Lang, Passage } from '../types';
import type { WeightedTerm } from './bm25';

export interface RetrieverDeps {
  library: Library;
  bm25: Bm25Index;
  /** BM25 over the English edition's passages, when the report has one. */
  bm25En?: Bm25Index;
  lexicon?: Lexicon;
  synonyms?: Synonyms;
  /** Dense search: both or neither. The embedder must be the one the vectors were built with. */
  embedder?: Embedder;
  vectors?: VectorSearch;
  /** Weight of the dense list in the fusion (the question's own lexical list weighs 1). */
  denseWeight?: number;
  /** Question languages the dense list serves (a monolingual embedder only helps its own language). */
  denseLangs?: readonly Lang[];
  /** The report's Latin names and squashed text, for katakana spellings of its names. */
  names?: readonly string[];
  vocabulary?: string;
  katakana?: readonly string[];
  /** The language the report is written in (default Japanese). */
  reportLang?: Lang;
}

export interface RetrievalQuery extends QuestionParts {
  footnoteNumbers: number[];
  wantsSource: boolean;
}

export interface Retrieval {
  hits: Hit[];
  /** The weighted terms the lexical indexes were searched with. */
  terms: QueryTerms;
  /** A follow-up's new subject as terms of its own (in the report's words too). */
  subjectTerms?: QueryTerms;
}

/** The Japanese list still counts for English questions (names, numbers, the lexicon), at a discount when the edition leads. */
const JAPANESE_WEIGHT_FOR_ENGLISH = 0.8;

/** What a question retrieves before fusion: fixed for a given question over a given index. */
interface Candidates {
  terms: QueryTerms;
  lists: { ids: string[]; weight: number }[];
  dense?: Promise<string[] | undefined>;
}

export class Retriever {
  readonly dense: boolean;
  /**
   * Recent questions' candidates, least recently used first. Readers ask the same questions (the
   * widget's suggestions) again and again. Keys and entries are bounded: context is cut to a few
   * hundred characters and terms to a few dozen before they get here.
   */
  private readonly cache = new Map<string, Candidates>();

  constructor(private readonly deps: RetrieverDeps) {
    this.dense = Boolean(deps.embedder && deps.vectors);
  }

  private candidates(q: RetrievalQuery): Candidates {
    const key = [q.lang, q.focus, q.subject ?? '', q.context ?? ''].join('\u0000');
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const { bm25, bm25En, embedder, vectors } = this.deps;
    const terms = questionTerms(q, { ...this.deps, english: Boolean(bm25En) });
    const pool = defaults.retrievalPool;
    const english = q.lang === 'en' && bm25En !== undefined && terms.en.length > 0;
    const lists = [{ ids: bm25.search(terms.ja, pool).map((r) => r.id), weight: english ? JAPANESE_WEIGHT_FOR_ENGLISH : 1 }];
    if (english) lists.push({ ids: bm25En.search(terms.en, pool).map((r) => r.id), weight: 1 });
    const entry: Candidates = { terms, lists };
    if (embedder && vectors && (this.deps.denseLangs ?? ['ja', 'en']).includes(q.lang)) {
      const text = [q.subject ?? q.focus, q.context ?? ''].join('\n').trim();
      entry.dense = embedder.embed([text], 'query').then(async ([v]) => (v ? (await vectors.query(v, pool)).map((m) => m.id) : undefined));
      // A failed embedding is not remembered: the next request tries again.
      entry.dense.catch(() => {
        if (this.cache.get(key) === entry) this.cache.delete(key);
      });
    }
    if (this.cache.size >= defaults.candidateCacheEntries) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, entry);
    return entry;
  }

  async retrieve(q: RetrievalQuery, k: number): Promise<Retrieval> {
    const { library } = this.deps;
    const { terms, lists, dense } = this.candidates(q);
    const all = [...lists];
    const denseIds = dense && (await dense);
    if (denseIds) all.push({ ids: denseIds, weight: this.deps.denseWeight ?? 1 });
    let hits: Hit[] = [];
    for (const [id, score] of fuse(all, defaults.rrfK)) {
      const passage = library.passage(id);
      if (passage) hits.push({ passage, score });
    }
    hits = promoteFootnotes(hits, q.footnoteNumbers, library);
    if (q.wantsSource && q.footnoteNumbers.length === 0) hits = sourcesAfterClaims(hits, library);
    else if (q.footnoteNumbers.length === 0) hits = sourcesAfterClaims(hits, library, 2, (fn) => sharesTerms(fn, terms.ja));
    const subjectTerms = q.subject ? textTerms(q.subject, q.lang, { ...this.deps, english: Boolean(this.deps.bm25En) }) : undefined;
    if (subjectTerms) hits = namingFirst(hits, subjectTerms.ja);
    return { hits: collapseNearDuplicates(hits, 0.8, k), terms, ...(subjectTerms ? { subjectTerms } : {}) };
  }
}

/**
 * A source question wants the footnote behind a claim: each of the top claims is followed by the
 * footnotes it cites (unless they already rank above it), so the sources sit beside their claims.
 */
function sourcesAfterClaims(hits: Hit[], library: Library, claims = 3, relevant: (footnote: Passage) => boolean = () => true): Hit[] {
  const out: Hit[] = [];
  const placed = new Set<string>();
  hits.forEach((hit, i) => {
    if (placed.has(hit.passage.id)) return;
    out.push(hit);
    placed.add(hit.passage.id);
    if (i >= claims || hit.passage.kind === 'footnote') return;
    for (const n of hit.passage.footnotes) {
      const fn = library.passage(`fn-${n}`);
      if (!fn || placed.has(fn.id) || !relevant(fn)) continue;
      out.push({ passage: fn, score: hit.score });
      placed.add(fn.id);
    }
  });
  return out;
}

/** A footnote behind a top claim is worth reading beside it when it holds one of the question's own words. */
function sharesTerms(passage: Passage, terms: WeightedTerm[]): boolean {
  const text = passage.text.normalize('NFKC').toLowerCase();
  return terms.some((t) => t.weight >= 1 && [...t.term].length >= 2 && text.includes(t.term));
}

/** A follow-up's new subject (日本は？): passages that name it come first, in their order. */
function namingFirst(hits: Hit[], subject: WeightedTerm[]): Hit[] {
  // The report's own (Japanese) words for the subject: an English word left untranslated
  // (japan) would only match the report's rare English, such as a newspaper's name.
  const japanese = subject.filter((t) => t.weight >= 0.5 && !/^[a-z0-9]+$/.test(t.term));
  const terms = (japanese.length ? japanese : subject.filter((t) => t.weight >= 0.5)).map((t) => t.term);
  if (terms.length === 0) return hits;
  const names = (h: Hit) => terms.every((t) => h.passage.text.normalize('NFKC').toLowerCase().includes(t));
  return [...hits.filter(names), ...hits.filter((h) => !names(h))];
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
