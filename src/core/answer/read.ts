/**
 * The question as weighted terms, and how much of it a text covers: query terms weighted by how
 * rare they are in the report, the sentence a text continues counted in part; and the footnote
 * detail behind a chosen sentence. The reader's features are built on these. Web APIs only.
 */
import type { Bm25Index, WeightedTerm } from '../search/bm25';
import type { QueryTerms } from '../search/query-terms';
import type { Passage } from '../types';
import { FACTOID_TYPES, holdsAnswer, type TypeEvidence } from './answer-types';
import type { Sentence, SentenceIndex } from './sentences';

const HIRAGANA = /^[\p{Script=Hiragana}ー]+$/u;
/** Tokens made of kana particles are mostly grammar, not topic. */
const GRAMMAR_FACTOR = 0.3;

export interface WeightedQuery {
  ja: Map<string, number>;
  en: Map<string, number>;
  total: number;
  /** Share of the query's weight the report (or its edition) never uses. */
  unseen: number;
  /** Share of the query's distinct terms the report never uses, each counted once whatever its weight. */
  unseenTerms: number;
}

const SCRIPT = [/\p{Script=Han}/u, /\p{Script=Hiragana}/u, /[\p{Script=Katakana}ー]/u] as const;
const scriptOf = (ch: string) => SCRIPT.findIndex((re) => re.test(ch));
const [HAN, HIRAGANA_SCRIPT, KATAKANA_SCRIPT] = [0, 1, 2];
const SPLIT_PAIR = /^\p{Script=Han}\p{Script=Hiragana}$/u;
const KATAKANA_WORD = /^[\p{Script=Katakana}ー]{3,}$/u;

/**
 * Bigrams that straddle a word boundary say nothing about the question's topic: a kana glued to
 * the next word (つリ, な会, ム油) — only kanji followed by its kana ending (上げ) is one word —
 * and the pieces of a katakana word the report never uses (リリ, ース in リリース), which match unrelated words.
 */
function boundaryArtefacts(terms: WeightedTerm[], index: Bm25Index): Set<string> {
  // Pieces of a katakana word the report uses find that word anyway; only an unknown word's mislead.
  const katakanaWords = terms.map((t) => t.term).filter((t) => KATAKANA_WORD.test(t) && index.docFrequency(t) === 0);
  const out = new Set<string>();
  for (const { term } of terms) {
    const chars = [...term];
    if (chars.length !== 2) continue;
    const [a, b] = [scriptOf(chars[0]!), scriptOf(chars[1]!)];
    if (a < 0 || b < 0) continue;
    if (a !== b && !(a === HAN && b === HIRAGANA_SCRIPT)) out.add(term);
    else if (a === KATAKANA_SCRIPT && b === KATAKANA_SCRIPT && katakanaWords.some((w) => w.includes(term))) out.add(term);
  }
  return out;
}

/**
 * A katakana word is indexed whole and by its pieces (ドメイン: ドメ, メイ, イン), so that part of
 * it still matches; counted in full, a word the report uses would weigh as much as four words,
 * and one it never uses (whose pieces are set aside) as one. Each of a word's terms weighs its
 * share, so the word weighs once and a sentence holding only a piece of it gets part of it.
 */
function pieceShares(terms: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  const present = new Set(terms);
  for (const word of new Set(terms.filter((t) => KATAKANA_WORD.test(t)))) {
    // Its pieces are its character pairs the question's terms hold (a word's pairs, not every term searched).
    const chars = [...word];
    const pieces = [...new Set(chars.slice(1).map((c, i) => chars[i]! + c))].filter((p) => present.has(p) && !out.has(p));
    if (pieces.length === 0) continue;
    const each = 1 / (pieces.length + 1);
    for (const t of [word, ...pieces]) out.set(t, each);
  }
  return out;
}

function weigh(terms: WeightedTerm[], index: Bm25Index | undefined, ignore: ReadonlySet<string>, into: Map<string, number>, known: (term: string) => boolean = () => false): { total: number; unseen: number; unseenTerms: number } {
  let total = 0;
  let unseen = 0;
  const absent = new Set<string>();
  const present = new Set<string>();
  if (!index) return { total, unseen, unseenTerms: 0 };
  const maxIdf = Math.log(1 + (index.size + 0.5) / 0.5);
  const artefacts = boundaryArtefacts(terms, index);
  const kept = terms.filter((t) => !ignore.has(t.term) && !artefacts.has(t.term));
  const share = pieceShares(kept.map((t) => t.term));
  for (const t of kept) {
    const grammar = HIRAGANA.test(t.term) ? GRAMMAR_FACTOR : 1;
    const used = index.docFrequency(t.term) > 0;
    const seen = used || known(t.term);
    // A term the report never uses (or uses only in translation) weighs as much as the rarest it does: a question about something absent is that much absent.
    const w = t.weight * grammar * (used ? index.idf(t.term) : maxIdf) * (share.get(t.term) ?? 1);
    if (w <= 0) continue;
    into.set(t.term, (into.get(t.term) ?? 0) + w);
    total += w;
    if (!seen) unseen += w;
    // A kanji and the kana after it that the report never writes is mostly a split made across two
    // words (最近どう → 近ど), not a word the report lacks: counted in neither the terms nor the unseen ones.
    if (seen) present.add(t.term);
    else if (!SPLIT_PAIR.test(t.term)) absent.add(t.term);
  }
  const counted = present.size + absent.size;
  return { total, unseen, unseenTerms: counted > 0 ? absent.size / counted : 0 };
}

/**
 * Query terms weighted by rarity; an English question is weighed on the edition when there is one.
 * `translated` says whether an English word has a translation the Japanese report uses: a reader's
 * word the edition renders otherwise (start-up for the edition's company) is not a word the report lacks.
 */
export function weighQuery(terms: QueryTerms, indexes: { ja: Bm25Index; en?: Bm25Index }, ignore: ReadonlySet<string> = new Set(), translated?: (term: string) => boolean): WeightedQuery {
  const ja = new Map<string, number>();
  const en = new Map<string, number>();
  const english = terms.en.length > 0 && indexes.en !== undefined;
  // A question read through the dictionary alone (no edition) keeps its English words beside their translations: a translated one is not absent.
  const a = weigh(english ? terms.ja.map((t) => ({ ...t, weight: t.weight * 0.5 })) : terms.ja, indexes.ja, ignore, ja, translated);
  const b = english ? weigh(terms.en, indexes.en, ignore, en, translated) : { total: 0, unseen: 0, unseenTerms: 0 };
  const total = a.total + b.total;
  // Unseen English words say more than untranslated Japanese guesses: judge absence on the edition when it leads.
  const unseen = english ? (b.total > 0 ? b.unseen / b.total : 0) : a.total > 0 ? a.unseen / a.total : 0;
  return { ja, en, total, unseen, unseenTerms: english ? b.unseenTerms : a.unseenTerms };
}

/** Share of the weighted query found among a text's tokens (Japanese and English). */
export function coverage(q: WeightedQuery, tokens: ReadonlySet<string>, enTokens: ReadonlySet<string>): number {
  if (q.total === 0) return 0;
  let found = 0;
  for (const [t, w] of q.ja) if (tokens.has(t)) found += w;
  for (const [t, w] of q.en) if (enTokens.has(t)) found += w;
  return found / q.total;
}

/**
 * What the sentence it continues adds: its topic counts at half weight for a sentence that points
 * back to it, less for a footnote, which only elaborates its claim.
 */
const ANTECEDENT_WEIGHT = 0.5;
const CLAIM_WEIGHT = 0.3;

/** A sentence's coverage, with the topic of the sentence it continues. */
export function sentenceCoverage(q: WeightedQuery, s: Sentence): number {
  const own = coverage(q, s.tokens, s.enTokens);
  const a = s.antecedent;
  if (!a || q.total === 0) return own;
  // What only the antecedent holds, added at its weight (no sets built per request).
  let extra = 0;
  for (const [t, w] of q.ja) if (!s.tokens.has(t) && a.tokens.has(t)) extra += w;
  for (const [t, w] of q.en) if (!s.enTokens.has(t) && a.enTokens.has(t)) extra += w;
  return own + (extra / q.total) * (s.passage.kind === 'footnote' ? CLAIM_WEIGHT : ANTECEDENT_WEIGHT);
}

/** Whether a sentence, or its English rendering, holds an answer of the expected kind (references set aside). */
export const holds = (s: Sentence, expected: TypeEvidence) => holdsAnswer(s.plain.ja, expected) || (s.plain.en !== undefined && holdsAnswer(s.plain.en, expected));

/**
 * A detail the reader asked for may sit in the footnote behind a chosen sentence (who attended,
 * which chip): that footnote's sentence is added when it covers terms the chosen ones do not.
 */
export function footnoteDetails(chosen: Sentence[], q: WeightedQuery, sentences: SentenceIndex, footnoteOf: (n: number) => Passage | undefined, expected?: TypeEvidence): Sentence[] {
  // The kind of thing asked for (a name, a figure) in the footnote, beside a term of the question the
  // chosen sentences lack: any new term will do (the claim gives China's share, its footnote the US's).
  const typeWanted = expected !== undefined && FACTOID_TYPES.has(expected.type) ? expected : undefined;
  const has = (s: Sentence, t: string, en: boolean) => (en ? s.enTokens.has(t) : s.tokens.has(t));
  const uncovered = (s: Sentence) => {
    let w = 0;
    for (const [t, x] of q.ja) if (has(s, t, false) && !chosen.some((c) => has(c, t, false))) w += x;
    for (const [t, x] of q.en) if (has(s, t, true) && !chosen.some((c) => has(c, t, true))) w += x;
    return q.total > 0 ? w / q.total : 0;
  };
  const out: Sentence[] = [];
  for (const n of [...new Set(chosen.filter((s) => s.passage.kind !== 'footnote').flatMap((s) => s.footnotes))]) {
    const passage = footnoteOf(n);
    if (!passage) continue;
    const scored = sentences.of(passage).map((s) => ({ s, gain: uncovered(s) }));
    const best = scored.reduce<(typeof scored)[number] | undefined>((a, b) => (a === undefined || b.gain > a.gain ? b : a), undefined);
    const detail = best && best.gain >= FOOTNOTE_DETAIL ? best.s : typeWanted && scored.find((x) => x.gain > 0 && holds(x.s, typeWanted))?.s;
    if (detail && !chosen.includes(detail)) out.push(detail);
  }
  return out;
}


/** Share of the question a footnote must add to be quoted beside its claim. */
const FOOTNOTE_DETAIL = 0.05;
