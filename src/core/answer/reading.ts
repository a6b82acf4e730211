/**
 * One pass over a question's retrieved passages: the weighted question, every candidate sentence
 * with its features, then the sentence model's scores and the question-level features the
 * decision model weighs. What does not depend on the model is read once (`readCandidates`);
 * scoring (`scoreReading`) is cheap and can be done again with other weights. Web APIs only.
 */
import type { Retrieval } from '../search/retrieve';
import type { Lang } from '../types';
import { FACTOID_TYPES } from './answer-types';
import { SOURCE_TOKENS, type AnswerContext } from './context';
import { candidateFeatures, type Candidate } from './features';
import { sentenceProbabilities, type ReaderModel } from './model';
import { absentNames, questionYears, unknownNames } from './names';
import { lexiconKey } from '../search/lexicon';
import { matchKatakana, matchLatinName } from '../search/transliterate';
import type { QueryAnalysis } from './question';
import { coverage, weighQuery, type WeightedQuery } from './read';

/** The question-level features, in the order the decision model's weights are stored. */
export const DECISION_FEATURES = [
  'best',
  'second',
  'bestCoverage',
  'maxCoverage',
  'topicCoverage',
  'unseen',
  'missingTerm',
  'absentName',
  'factoid',
  'typedShare',
  'typedNear',
  'yearMissing',
  'termsLog',
  'english',
  'crossLanguage',
  'bestDensity',
  'bestNovelty',
  'unseenTerms',
  'unknownNames',
] as const;
export type DecisionFeature = (typeof DECISION_FEATURES)[number];

/**
 * The decision features whose scale does not depend on how the question's words are matched. A
 * Japanese question is matched on characters and pieces of words, so a paraphrase still shares
 * most of them; an English one on whole stemmed words, so the same paraphrase covers far less
 * (answerable questions: a best-sentence coverage of 0.8 on Japanese articles, 0.5 on English
 * ones) and a model learned on Japanese takes English answers for near misses; and a Japanese
 * question counts its words and their pieces, so an English one has far fewer terms. Whether an English
 * question is answered is decided on these alone: what the report holds of the question's words
 * and names, whether a value of the asked-for kind stands near them (measured against the best
 * sentence's coverage, so on the same scale in both languages), and how the sentence model rates
 * its best sentence. (Which of the two declines it gets is still read from all the features.)
 */
export const WORD_DECISION_FEATURES = ['best', 'second', 'unseen', 'absentName', 'factoid', 'typedShare', 'typedNear', 'yearMissing', 'bestDensity', 'bestNovelty', 'unseenTerms', 'unknownNames'] as const satisfies readonly DecisionFeature[];

/** What a question's passages say before any model weighs them. */
export interface CandidateReading {
  q: WeightedQuery;
  /** Asks for a value or a name (and not for a source). */
  factoid: boolean;
  /** Asks whether, or how something stands (see TypeEvidence.discussion), and not for a source. */
  discussion: boolean;
  candidates: Candidate[];
  /** How much of the question the best of the leading passages covers. */
  topic: number;
  /** Specific names (model numbers, acronyms) the question gives and the report never writes. */
  absent: string[];
  /** Names the question uses (capitalised English words; Latin and katakana words in Japanese) that the report never writes nor has a word for. */
  unknownNames: number;
  years: string[];
  lang: Lang;
  /** Asked in a language the report can not be searched in (no edition). */
  crossLanguage: boolean;
}

export interface Reading extends CandidateReading {
  /** Best first. */
  candidates: Candidate[];
  features: Record<DecisionFeature, number>;
  /** A year the question names that no leading sentence holds. */
  missingYear?: string;
}

const inEnglish = (q: WeightedQuery) => q.en.size > 0;

/** Sentences whose year is checked against the question's: the leading few. */
const YEAR_CHECKED = 3;

export function readCandidates(ctx: AnswerContext, analysis: QueryAnalysis, retrieval: Retrieval): CandidateReading {
  const { expected } = analysis;
  const weighed = weighQuery(retrieval.terms, { ja: ctx.bm25, ...(ctx.bm25En ? { en: ctx.bm25En } : {}) }, analysis.wantsSource ? SOURCE_TOKENS : undefined, (t) => ctx.lexicon?.entries.has(t) ?? false);
  // An English question on a report with an English edition is read on the edition alone, as on an
  // English report: the lexicon's Japanese guesses found the passages but would only dilute what a sentence covers.
  const q = inEnglish(weighed) ? { ...weighed, ja: new Map<string, number>(), total: [...weighed.en.values()].reduce((a, b) => a + b, 0) } : weighed;
  const factoid = FACTOID_TYPES.has(expected.type) && !analysis.wantsSource;
  const candidates = candidateFeatures({ hits: retrieval.hits, sentences: ctx.sentences, q, expected, factoid, question: analysis.focus, title: ctx.titleTokens });
  const topic = Math.max(0, ...retrieval.hits.slice(0, 3).map((h) => {
    const { tokens, enTokens } = ctx.sentences.tokensOf(h.passage);
    return coverage(q, tokens, enTokens);
  }));
  return {
    q,
    factoid,
    discussion: Boolean(expected.discussion) && !analysis.wantsSource,
    candidates,
    topic,
    absent: absentNames(analysis.focus, ctx.vocabulary, ctx.synonyms),
    unknownNames: unknownNames(analysis.focus, ctx.vocabulary, (name) => {
      const key = lexiconKey(name);
      return Boolean(ctx.lexicon?.entries.has(key) || ctx.lexicon?.katakanaWords?.has(name) || ctx.synonyms?.en.has(key) || ctx.synonyms?.ja.has(name) || matchLatinName(name, ctx.names) || matchKatakana(name, ctx.katakana));
    }),
    years: factoid ? questionYears(analysis.focus) : [],
    lang: analysis.lang,
    crossLanguage: analysis.lang !== ctx.reportLang && !(analysis.lang === 'en' && ctx.bm25En),
  };
}

/** The heaviest share of the question that the sentence (and the one it continues) does not hold. */
function missingTerm(q: WeightedQuery, c: Candidate | undefined): number {
  if (!c || q.total === 0) return 1;
  const s = c.sentence;
  const has = (t: string, en: boolean) => (en ? s.enTokens.has(t) || s.antecedent?.enTokens.has(t) : s.tokens.has(t) || s.antecedent?.tokens.has(t));
  let worst = 0;
  for (const [t, w] of q.ja) if (!has(t, false)) worst = Math.max(worst, w);
  for (const [t, w] of q.en) if (!has(t, true)) worst = Math.max(worst, w);
  return worst / q.total;
}

export function scoreReading(base: CandidateReading, model: ReaderModel): Reading {
  const p = sentenceProbabilities(model.sentence, base.candidates.map((c) => c.features));
  const candidates = base.candidates.map((c, i) => ({ ...c, score: p[i]! }));
  candidates.sort((a, b) => b.score - a.score || a.sentence.order - b.sentence.order);
  const leading = candidates.slice(0, YEAR_CHECKED);
  const missingYear = base.years.find((y) => !leading.some((c) => c.sentence.ja.includes(y) || c.sentence.en?.includes(y) || c.sentence.ja.includes(`${y.slice(2)}年`)));
  const [first, second] = candidates;
  const typed = candidates.filter((c) => c.typed);
  const features: Record<DecisionFeature, number> = {
    best: first?.score ?? 0,
    second: second?.score ?? 0,
    bestCoverage: first?.coverage ?? 0,
    maxCoverage: Math.max(0, ...candidates.map((c) => c.coverage)),
    topicCoverage: base.topic,
    unseen: base.q.unseen,
    missingTerm: missingTerm(base.q, first),
    absentName: base.absent.length > 0 ? 1 : 0,
    factoid: base.factoid ? 1 : 0,
    typedShare: base.factoid ? Math.max(0, ...typed.map((c) => c.features.coverageShare)) : 0,
    typedNear: base.factoid ? Math.max(0, ...typed.map((c) => c.features.typeNear * c.features.coverageShare)) : 0,
    yearMissing: missingYear ? 1 : 0,
    termsLog: Math.log1p(base.q.ja.size + base.q.en.size),
    english: base.lang === 'en' ? 1 : 0,
    crossLanguage: base.crossLanguage ? 1 : 0,
    bestDensity: first?.features.density ?? 0,
    bestNovelty: first?.features.novelty ?? 0,
    unseenTerms: base.q.unseenTerms,
    unknownNames: Math.min(2, base.unknownNames) / 2,
  };
  return { ...base, candidates, features, ...(missingYear ? { missingYear } : {}) };
}

export const readQuestion = (ctx: AnswerContext, analysis: QueryAnalysis, retrieval: Retrieval, model: ReaderModel): Reading => scoreReading(readCandidates(ctx, analysis, retrieval), model);
