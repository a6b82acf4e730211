/**
 * Measures of one sentence against a weighted question, the pieces the reader's features are
 * made of: BM25 with set semantics, how tightly the question's words sit together, what the
 * sentence adds, how near a value of the kind asked for stands to the question's words, and the
 * pairs of characters or words it shares with the question's wording. Web APIs only.
 */
import { tokenize } from '../search/tokenize';
import { typeMatchOffsets, type TypeEvidence } from './answer-types';
import type { WeightedQuery } from './read';
import type { Sentence, SentenceIndex } from './sentences';

const K1 = 1.2;
const B = 0.75;

/**
 * A sentence in the language the question is read in: its English rendering for an English
 * question read on the edition, else its own text. Tokens in order and character pairs, made once.
 */
export interface View {
  text: string;
  tokens: ReadonlySet<string>;
  ordered: string[];
  bigrams: Set<string>;
}
const views = [new WeakMap<Sentence, View>(), new WeakMap<Sentence, View>()];
export function view(s: Sentence, english: boolean): View {
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
export function averageLength(sentences: SentenceIndex): number {
  let a = averages.get(sentences);
  if (a === undefined) {
    a = sentences.all.reduce((sum, s) => sum + s.tokens.size, 0) / Math.max(1, sentences.all.length);
    averages.set(sentences, a);
  }
  return Math.max(1, a);
}

/** BM25 of one sentence (set semantics: a sentence rarely repeats a word) with the question's rarity weights. */
export function sentenceBm25(q: WeightedQuery, s: Sentence, avg: number): number {
  const norm = (K1 + 1) / (1 + K1 * (1 - B + (B * s.tokens.size) / avg));
  let score = 0;
  for (const [t, w] of q.ja) if (s.tokens.has(t)) score += w * norm;
  for (const [t, w] of q.en) if (s.enTokens.has(t)) score += w * norm;
  return score;
}

/** How tightly the question's words sit together: matched positions over the span they cover. */
export function density(q: WeightedQuery, tokens: readonly string[]): number {
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
export function novelty(q: WeightedQuery, own: ReadonlySet<string>): number {
  if (own.size === 0) return 0;
  let fresh = 0;
  for (const t of own) if (!q.ja.has(t) && !q.en.has(t)) fresh++;
  return fresh / own.size;
}

/**
 * Whether a value of the kind asked for stands near a word of the question: the distance (in
 * characters, as a share of the sentence) from a typed match to the nearest question word, as 1 − share.
 */
export function typeNear(q: WeightedQuery, sentence: string, expected: TypeEvidence): number {
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

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Pairs of a text's units — characters of Japanese (whatever the segmenter made of them), words of
 * English — lower-cased: how much of a question's wording a sentence repeats, phrase by phrase.
 */
export function charBigrams(text: string): Set<string> {
  const t = text.normalize('NFKC').toLowerCase();
  const units = CJK.test(t) ? [...t.replace(/[\s\p{P}]+/gu, '')] : (t.match(/[\p{L}\p{N}]+/gu) ?? []);
  const out = new Set<string>();
  for (let i = 0; i + 1 < units.length; i++) out.add(`${units[i]!} ${units[i + 1]!}`);
  return out;
}

/** Rank of each value among the values (0 = highest), ties sharing the better rank. */
export function ranks(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => b - a);
  return values.map((v) => sorted.indexOf(v));
}

