/**
 * Why a sentence might answer a question, as numbers a learned model weighs: how much of the
 * question it covers (terms weighted by rarity, BM25-style), how close together the matched words
 * stand, whether it holds the kind of value asked for and how near the question's words, how its
 * passage ranked, and what it adds beyond the question's own words. Every feature is defined for
 * any report in either language; none names a topic. Web APIs only.
 */
import { tokenize } from '../search/tokenize';
import type { Hit } from '../types';
import { explains, FACTOID_TYPES, typeMatchOffsets, type TypeEvidence } from './answer-types';
import { coverage, holds, sentenceCoverage, type WeightedQuery } from './read';
import type { Sentence, SentenceIndex } from './sentences';

/** The features of one candidate sentence, in the order the model's weights are stored. */
export const SENTENCE_FEATURES = [
  'coverage',
  'coverageOwn',
  'coverageShare',
  'bm25Share',
  'passageCoverage',
  'rankInverse',
  'firstPassage',
  'density',
  'typed',
  'typeNear',
  'untypedFactoid',
  'explains',
  'novelty',
  'lead',
  'footnote',
  'asks',
  'lengthLog',
  'englishCoverage',
  'bigrams',
  'bm25Rank',
  'coverageRank',
  'previousCoverage',
  'nextCoverage',
  'pointsBack',
] as const;
export type SentenceFeature = (typeof SENTENCE_FEATURES)[number];

export interface Candidate {
  sentence: Sentence;
  /** Rank of the best hit holding the sentence (0 = first). */
  rank: number;
  /** Share of the weighted question the sentence (with its antecedent) covers. */
  coverage: number;
  /** It holds a value of the kind asked for (a date for "when"). */
  typed: boolean;
  features: Record<SentenceFeature, number>;
  /** The sentence model's probability that it is the one that answers (a question's candidates sum to one); set by the reader. */
  score: number;
}

const K1 = 1.2;
const B = 0.75;
/** Most candidate passages read per question (each adds its sentences). */
export const CANDIDATE_PASSAGES = 8;

/**
 * A sentence in the language the question is read in: its English rendering for an English
 * question read on the edition, else its own text. Tokens in order and character pairs, made once.
 */
interface View {
  text: string;
  tokens: ReadonlySet<string>;
  ordered: string[];
  bigrams: Set<string>;
}
const views = [new WeakMap<Sentence, View>(), new WeakMap<Sentence, View>()];
function view(s: Sentence, english: boolean): View {
  const cache = views[english ? 1 : 0]!;
  let v = cache.get(s);
  if (!v) {
    const text = english ? (s.plain.en ?? '') : s.plain.ja;
    cache.set(s, (v = { text, tokens: english ? s.plain.enTokens : s.plain.tokens, ordered: tokenize(text), bigrams: charBigrams(text) }));
  }
  return v;
}

/** Average sentence length in tokens, per index (BM25's length normalisation). */
const averages = new WeakMap<SentenceIndex, number>();
function averageLength(sentences: SentenceIndex): number {
  let a = averages.get(sentences);
  if (a === undefined) {
    a = sentences.all.reduce((sum, s) => sum + s.tokens.size, 0) / Math.max(1, sentences.all.length);
    averages.set(sentences, a);
  }
  return Math.max(1, a);
}

/** BM25 of one sentence (set semantics: a sentence rarely repeats a word) with the question's rarity weights. */
function sentenceBm25(q: WeightedQuery, s: Sentence, avg: number): number {
  const norm = (K1 + 1) / (1 + K1 * (1 - B + (B * s.tokens.size) / avg));
  let score = 0;
  for (const [t, w] of q.ja) if (s.tokens.has(t)) score += w * norm;
  for (const [t, w] of q.en) if (s.enTokens.has(t)) score += w * norm;
  return score;
}

/** How tightly the question's words sit together: matched positions over the span they cover. */
function density(q: WeightedQuery, tokens: readonly string[]): number {
  let first = -1;
  let last = -1;
  let matched = 0;
  tokens.forEach((t, i) => {
    if (!q.ja.has(t) && !q.en.has(t)) return;
    if (first < 0) first = i;
    last = i;
    matched++;
  });
  return matched === 0 ? 0 : matched / (last - first + 1);
}

/** Share of the sentence's words the question does not already hold: an answer says something new. */
function novelty(q: WeightedQuery, own: ReadonlySet<string>): number {
  if (own.size === 0) return 0;
  let fresh = 0;
  for (const t of own) if (!q.ja.has(t) && !q.en.has(t)) fresh++;
  return fresh / own.size;
}

/**
 * Whether a value of the kind asked for stands near a word of the question: the distance (in
 * characters, as a share of the sentence) from a typed match to the nearest question word, as 1 − share.
 */
function typeNear(q: WeightedQuery, sentence: string, expected: TypeEvidence): number {
  const raw = sentence.normalize('NFKC');
  const at = typeMatchOffsets(raw, expected);
  const text = raw.toLowerCase();
  if (at.length === 0) return 0;
  const words: number[] = [];
  for (const t of [...q.ja.keys(), ...q.en.keys()]) {
    const i = text.indexOf(t);
    if (i >= 0) words.push(i);
  }
  if (words.length === 0) return 0;
  let best = Infinity;
  for (const a of at) for (const w of words) best = Math.min(best, Math.abs(a - w));
  return 1 - Math.min(1, best / Math.max(1, text.length));
}

/** A question the report asks itself (…だろうか。) frames a topic; it answers nothing. */
const QUESTIONING = /(?:だろうか|でしょうか|のか|か)[。？?]$|\?$/;

export interface FeatureInputs {
  hits: Hit[];
  sentences: SentenceIndex;
  q: WeightedQuery;
  expected: TypeEvidence;
  /** The question is factoid (asks for a value or a name) and not for a source. */
  factoid: boolean;
  /** The question as asked (its frame removed), for the share of its wording a sentence repeats. */
  question: string;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Pairs of a text's units — characters of Japanese (whatever the segmenter made of them), words of
 * English — lower-cased: how much of a question's wording a sentence repeats, phrase by phrase.
 */
function charBigrams(text: string): Set<string> {
  const t = text.normalize('NFKC').toLowerCase();
  const units = CJK.test(t) ? [...t.replace(/[\s\p{P}]+/gu, '')] : (t.match(/[\p{L}\p{N}]+/gu) ?? []);
  const out = new Set<string>();
  for (let i = 0; i + 1 < units.length; i++) out.add(`${units[i]!} ${units[i + 1]!}`);
  return out;
}

/** Rank of each value among the values (0 = highest), ties sharing the better rank. */
function ranks(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => b - a);
  return values.map((v) => sorted.indexOf(v));
}

/** Every sentence of the candidate passages, once, with its features (model scores are added later). */
export function candidateFeatures(input: FeatureInputs): Candidate[] {
  const { hits, sentences, q, expected, factoid } = input;
  const avg = averageLength(sentences);
  const seen = new Map<Sentence, { sentence: Sentence; rank: number; passageCoverage: number }>();
  hits.slice(0, CANDIDATE_PASSAGES).forEach((hit, rank) => {
    const { tokens, enTokens } = sentences.tokensOf(hit.passage);
    const passageCoverage = coverage(q, tokens, enTokens);
    for (const sentence of sentences.of(hit.passage)) if (!seen.has(sentence)) seen.set(sentence, { sentence, rank, passageCoverage });
  });
  const asked = charBigrams(input.question);
  // An English question read on the edition (its Japanese terms set aside) is compared with the renderings.
  const english = q.ja.size === 0 && q.en.size > 0;
  const rows = [...seen.values()].map((r) => {
    const own = view(r.sentence, english).bigrams;
    let shared = 0;
    for (const b of asked) if (own.has(b)) shared++;
    return { ...r, coverage: sentenceCoverage(q, r.sentence), bm25: sentenceBm25(q, r.sentence, avg), bigrams: asked.size ? shared / asked.size : 0 };
  });
  const bm25Ranks = ranks(rows.map((r) => r.bm25));
  const coverageRanks = ranks(rows.map((r) => r.coverage));
  const byOrder = new Map(rows.map((r) => [r.sentence.order, r.coverage]));
  const topCoverage = Math.max(1e-9, ...rows.map((r) => r.coverage));
  const topBm25 = Math.max(1e-9, ...rows.map((r) => r.bm25));
  const englishTotal = [...q.en.values()].reduce((a, b) => a + b, 0);
  return rows.map(({ sentence: s, rank, passageCoverage, coverage: c, bm25, bigrams }, i) => {
    const v = view(s, english);
    const typed = FACTOID_TYPES.has(expected.type) ? holds(s, expected) : false;
    const features: Record<SentenceFeature, number> = {
      coverage: c,
      coverageOwn: coverage(q, s.tokens, s.enTokens),
      coverageShare: c / topCoverage,
      bm25Share: bm25 / topBm25,
      passageCoverage,
      rankInverse: 1 / (1 + rank),
      firstPassage: rank === 0 ? 1 : 0,
      density: density(q, v.ordered),
      typed: factoid && typed ? 1 : 0,
      typeNear: factoid && typed ? typeNear(q, v.text, expected) : 0,
      untypedFactoid: factoid && !typed ? 1 : 0,
      explains: explains(s.ja, expected.type) || (s.en !== undefined && explains(s.en, expected.type)) ? 1 : 0,
      novelty: novelty(q, v.tokens),
      lead: s.lead ? 1 : 0,
      footnote: s.passage.kind === 'footnote' ? 1 : 0,
      asks: QUESTIONING.test(s.ja.trim()) ? 1 : 0,
      lengthLog: Math.log1p(s.tokens.size + s.enTokens.size),
      englishCoverage: englishTotal > 0 ? [...q.en].reduce((x, [t, w]) => x + (s.enTokens.has(t) ? w : 0), 0) / englishTotal : 0,
      bigrams,
      bm25Rank: 1 / (1 + bm25Ranks[i]!),
      coverageRank: 1 / (1 + coverageRanks[i]!),
      // The answer often follows the sentence that restates the question (これを…と呼ぶ, This screen…).
      previousCoverage: byOrder.get(s.order - 1) ?? 0,
      nextCoverage: byOrder.get(s.order + 1) ?? 0,
      pointsBack: s.antecedent ? 1 : 0,
    };
    return { sentence: s, rank, coverage: c, typed, features, score: 0 };
  });
}
