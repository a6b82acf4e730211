/**
 * Why a sentence might answer a question, as numbers a learned model weighs: how much of the
 * question it covers (terms weighted by rarity, BM25-style), how close together the matched words
 * stand, whether it holds the kind of value asked for and how near the question's words, how its
 * passage ranked, what it adds beyond the question's own words, whether it (or a neighbour) only
 * restates the question, whether it keeps the wording around what a Japanese question asks for, and
 * whether it names the report's subject the question leaves unsaid. Every feature is defined for
 * any report in either language; none names a topic. Web APIs only.
 */
import type { Hit } from '../types';
import { explains, FACTOID_TYPES, type TypeEvidence } from './answer-types';
import { averageLength, charBigrams, density, novelty, ranks, sentenceBm25, typeNear, view } from './sentence-measures';
import { coverage, holds, sentenceCoverage, type WeightedQuery } from './read';
import type { Sentence, SentenceIndex } from './sentences';
import { questionSlot, slotFit, squash } from './slot';
import { isBareLabel } from './figures';

/** A sentence's text as slots are matched against it, made once per sentence. */
const squashedText = new WeakMap<Sentence, string>();
function squashed(s: Sentence): string {
  let t = squashedText.get(s);
  if (t === undefined) squashedText.set(s, (t = squash(s.plain.ja)));
  return t;
}

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
  'echo',
  'previousEcho',
  'nextEcho',
  'slotBefore',
  'slotAfter',
  'namesTitle',
  'titleForEcho',
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

/** Most candidate passages read per question (each adds its sentences). */
export const CANDIDATE_PASSAGES = 8;

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
  /** The report title's tokens (see AnswerContext.titleTokens). */
  title: ReadonlySet<string>;
}

/** Every sentence of the candidate passages, once, with its features (model scores are added later). */
export function candidateFeatures(input: FeatureInputs): Candidate[] {
  const { hits, sentences, q, expected, factoid } = input;
  const avg = averageLength(sentences);
  const seen = new Map<Sentence, { sentence: Sentence; rank: number; passageCoverage: number }>();
  hits.slice(0, CANDIDATE_PASSAGES).forEach((hit, rank) => {
    const { tokens, enTokens } = sentences.tokensOf(hit.passage);
    const passageCoverage = coverage(q, tokens, enTokens);
    // A caption that is only its label (（図表 3）) says nothing a question could ask for.
    for (const sentence of sentences.of(hit.passage)) if (!seen.has(sentence) && !isBareLabel(sentence)) seen.set(sentence, { sentence, rank, passageCoverage });
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
  // The title's words the question does not already use: a sentence naming them names the unsaid subject.
  const title = [...input.title].filter((t) => !q.ja.has(t) && !q.en.has(t) && !input.question.includes(t));
  const slot = english ? undefined : questionSlot(input.question);
  const englishTotal = [...q.en.values()].reduce((a, b) => a + b, 0);
  // How much a sentence only restates the question: it covers it and adds little. Its neighbour then
  // carries the answer (the name it omits, or the value that follows: これを…と呼ぶ, This screen…).
  const echoes = new Map<Sentence, number>();
  const echo = (s: Sentence | undefined): number => {
    if (!s || s.passage.kind !== 'body') return 0;
    let e = echoes.get(s);
    if (e === undefined) echoes.set(s, (e = (sentenceCoverage(q, s) / topCoverage) * (1 - novelty(q, view(s, english).tokens))));
    return e;
  };
  const neighbour = (s: Sentence, step: number) => {
    const n = sentences.all[s.order + step];
    return n && n.passage.kind === s.passage.kind ? n : undefined;
  };
  // A sentence that restates the whole question leaves only its subject to ask for: when one does, the
  // sentences naming the report's (unsaid) subject are the likelier answers.
  const restated = Math.max(0, ...rows.map((r) => echo(r.sentence)));
  return rows.map(({ sentence: s, rank, passageCoverage, coverage: c, bm25, bigrams }, i) => {
    const v = view(s, english);
    const typed = FACTOID_TYPES.has(expected.type) ? holds(s, expected) : false;
    const [slotBefore, slotAfter] = slotFit(slot, squashed(s));
    const named = title.length ? title.filter((t) => s.tokens.has(t)).length / title.length : 0;
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
      echo: echo(s),
      previousEcho: echo(neighbour(s, -1)),
      nextEcho: echo(neighbour(s, 1)),
      slotBefore,
      slotAfter,
      namesTitle: named,
      titleForEcho: named * restated,
    };
    return { sentence: s, rank, coverage: c, typed, features, score: 0 };
  });
}
