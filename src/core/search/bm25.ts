/**
 * Okapi BM25 over pre-tokenised passages, with postings precomputed so a search only walks the
 * postings of the query's terms and reuses one score buffer (no per-request index-sized work
 * beyond resetting the documents it touched). Web APIs only.
 */
import { tokenize } from './tokenize';

export interface WeightedTerm {
  term: string;
  weight: number;
}

export interface Bm25Doc {
  id: string;
  text: string;
  /**
   * Text that describes the passage rather than belonging to it, e.g. its section titles. Its
   * tokens add `boostWeight` (default 0.5) to a term's frequency per occurrence and do not count
   * toward document length, so every passage of a section gains a little from a title match
   * without long titles penalising short passages.
   */
  boostText?: string;
}

export interface Bm25Options {
  k1?: number;
  b?: number;
  boostWeight?: number;
}

export interface Bm25Match {
  id: string;
  score: number;
  /** Sum of the weights of the distinct query terms present in this document. */
  matched: number;
}

/** Plain JSON form: postings are flat [docIndex, tf, docIndex, tf, …] arrays per term. */
export interface Bm25Data {
  version: 1;
  k1: number;
  b: number;
  ids: string[];
  docLengths: number[];
  avgdl: number;
  postings: Record<string, number[]>;
}

const DEFAULT_K1 = 1.2;
const DEFAULT_B = 0.75;
const DEFAULT_BOOST_WEIGHT = 0.5;

export class Bm25Index {
  private readonly postings: Map<string, number[]>;
  /** k1·(1 − b + b·dl/avgdl) per document: the length part of the BM25 denominator. */
  private readonly lengthNorm: Float64Array;
  private readonly scores: Float64Array;
  private readonly matched: Float64Array;
  private readonly touched: Int32Array;

  private constructor(private readonly data: Bm25Data) {
    this.postings = new Map(Object.entries(data.postings));
    const n = data.ids.length;
    this.lengthNorm = new Float64Array(n);
    const avgdl = data.avgdl > 0 ? data.avgdl : 1;
    for (let i = 0; i < n; i++) {
      this.lengthNorm[i] = data.k1 * (1 - data.b + (data.b * data.docLengths[i]!) / avgdl);
    }
    this.scores = new Float64Array(n);
    this.matched = new Float64Array(n);
    this.touched = new Int32Array(n);
  }

  static build(docs: Bm25Doc[], options: Bm25Options = {}): Bm25Index {
    const boostWeight = options.boostWeight ?? DEFAULT_BOOST_WEIGHT;
    const perTerm = new Map<string, number[]>();
    const docLengths: number[] = [];
    docs.forEach((doc, docIndex) => {
      const tf = new Map<string, number>();
      const bodyTokens = tokenize(doc.text);
      for (const t of bodyTokens) tf.set(t, (tf.get(t) ?? 0) + 1);
      if (doc.boostText) {
        for (const t of tokenize(doc.boostText)) tf.set(t, (tf.get(t) ?? 0) + boostWeight);
      }
      docLengths.push(bodyTokens.length);
      for (const [term, count] of tf) {
        let list = perTerm.get(term);
        if (!list) perTerm.set(term, (list = []));
        list.push(docIndex, count);
      }
    });
    const postings: Record<string, number[]> = {};
    for (const term of [...perTerm.keys()].sort()) postings[term] = perTerm.get(term)!;
    const total = docLengths.reduce((a, b) => a + b, 0);
    return new Bm25Index({
      version: 1,
      k1: options.k1 ?? DEFAULT_K1,
      b: options.b ?? DEFAULT_B,
      ids: docs.map((d) => d.id),
      docLengths,
      avgdl: docs.length > 0 ? total / docs.length : 0,
      postings,
    });
  }

  static fromJSON(data: unknown): Bm25Index {
    return new Bm25Index(validateBm25Data(data));
  }

  toJSON(): Bm25Data {
    return this.data;
  }

  get size(): number {
    return this.data.ids.length;
  }

  /** Number of documents containing the term. */
  docFrequency(term: string): number {
    return (this.postings.get(term)?.length ?? 0) / 2;
  }

  /** BM25 idf (the non-negative "plus one" form); 0 for a term no document has. */
  idf(term: string): number {
    const df = this.docFrequency(term);
    if (df === 0) return 0;
    const n = this.data.ids.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Best `k` documents for the query, highest score first (ties: earlier document first). */
  search(query: WeightedTerm[] | string, k: number): Bm25Match[] {
    const terms = typeof query === 'string' ? termsOf(query) : mergeTerms(query);
    const { k1 } = this.data;
    let touchedCount = 0;
    for (const { term, weight } of terms) {
      const list = this.postings.get(term);
      if (!list || weight <= 0) continue;
      const termWeight = weight * this.idf(term);
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i]!;
        const tf = list[i + 1]!;
        if (this.matched[doc] === 0) this.touched[touchedCount++] = doc;
        this.scores[doc]! += (termWeight * tf * (k1 + 1)) / (tf + this.lengthNorm[doc]!);
        this.matched[doc]! += weight;
      }
    }
    const hits: number[] = Array.from(this.touched.subarray(0, touchedCount));
    hits.sort((a, b) => this.scores[b]! - this.scores[a]! || a - b);
    const results: Bm25Match[] = hits.slice(0, Math.max(0, k)).map((doc) => ({
      id: this.data.ids[doc]!,
      score: this.scores[doc]!,
      matched: this.matched[doc]!,
    }));
    for (let i = 0; i < touchedCount; i++) {
      const doc = this.touched[i]!;
      this.scores[doc] = 0;
      this.matched[doc] = 0;
    }
    return results;
  }
}

/** A plain question → its tokens, each occurrence adding weight 1. */
function termsOf(text: string): WeightedTerm[] {
  return mergeTerms(tokenize(text).map((term) => ({ term, weight: 1 })));
}

/** Sums the weights of repeated terms so each term's postings are walked once. */
export function mergeTerms(terms: WeightedTerm[]): WeightedTerm[] {
  const byTerm = new Map<string, number>();
  for (const { term, weight } of terms) byTerm.set(term, (byTerm.get(term) ?? 0) + weight);
  return [...byTerm].map(([term, weight]) => ({ term, weight }));
}

function validateBm25Data(data: unknown): Bm25Data {
  const fail = (why: string): never => {
    throw new Error(`Corrupt BM25 index: ${why}`);
  };
  if (typeof data !== 'object' || data === null) return fail('not an object');
  const d = data as Record<string, unknown>;
  if (d.version !== 1) fail(`unsupported version ${String(d.version)}`);
  for (const key of ['k1', 'b', 'avgdl'] as const) {
    if (typeof d[key] !== 'number' || !Number.isFinite(d[key]) || (d[key] as number) < 0) fail(`${key} is not a non-negative number`);
  }
  if (!Array.isArray(d.ids) || !d.ids.every((id) => typeof id === 'string')) fail('ids is not a string array');
  const n = (d.ids as string[]).length;
  if (!Array.isArray(d.docLengths) || d.docLengths.length !== n) fail('docLengths does not match ids');
  if (!(d.docLengths as unknown[]).every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0)) {
    fail('docLengths holds a non-number');
  }
  if (typeof d.postings !== 'object' || d.postings === null || Array.isArray(d.postings)) fail('postings is not an object');
  for (const [term, list] of Object.entries(d.postings as Record<string, unknown>)) {
    if (!Array.isArray(list) || list.length % 2 !== 0) fail(`postings of "${term}" is not a [doc, tf] list`);
    const pairs = list as unknown[];
    for (let i = 0; i < pairs.length; i += 2) {
      const doc = pairs[i];
      const tf = pairs[i + 1];
      if (typeof doc !== 'number' || !Number.isInteger(doc) || doc < 0 || doc >= n) fail(`postings of "${term}" point outside the index`);
      if (typeof tf !== 'number' || !(tf > 0) || !Number.isFinite(tf)) fail(`postings of "${term}" hold a bad term frequency`);
    }
  }
  return d as unknown as Bm25Data;
}
