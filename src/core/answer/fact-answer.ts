/**
 * A question about something in the report → its answer, `not_stated` or `not_in_report`:
 * - not in the report when even the best passages cover little of the question;
 * - not stated when it names something the report never writes (GPT-5), or expects a kind of
 *   answer (a date, a count of people) that no sentence on the topic holds;
 * - otherwise the sentences that answer it, with the footnotes they cite (and, for a source
 *   question, the footnote's reference itself).
 */
import type { ChatAnswer } from '../types';
import type { QueryTerms } from '../search/query-terms';
import type { Retrieval } from '../search/retrieve';
import { stem, tokenize } from '../search/tokenize';
import { BECAUSE, explains, FACTOID_TYPES, type TypeEvidence } from './answer-types';
import { compose } from './compose';
import { composeOptions, SOURCE_TOKENS, type AnswerContext } from './context';
import { notInReport, notStated } from './decline';
import { endsOnAbsentThing, MOSTLY_UNSEEN, namesAbsentParty } from './absent-topic';
import { absentKanjiWords, absentNames, questionYears, unknownCounted, unknownModifier } from './names';
import type { QueryAnalysis } from './question';
import { candidates, coverage, footnoteDetails, holds, pick, weighQuery, type Candidate, type WeightedQuery } from './read';
import type { Sentence } from './sentences';

/**
 * The report is not about a question when its best passage covers little of it, or covers a bit
 * of it while most of the question's weight is words the report never uses.
 */
const OFF_TOPIC_COVERAGE = 0.15;
const WEAK_TOPIC_COVERAGE = 0.25;
const offTopic = (topic: number, unseen: number) => topic < OFF_TOPIC_COVERAGE || (topic < WEAK_TOPIC_COVERAGE && unseen >= MOSTLY_UNSEEN);
/** A typed sentence must cover this share of what the best sentence covers to count as on topic. */
const ON_TOPIC_SHARE = 0.6;
/** …and with a scope (in Japan), this share of the rest of the question. */
const SCOPED_SHARE = 0.8;
/** Most sentences in a fact answer. */
const MAX_SENTENCES = 3;
const NUMERIC: ReadonlySet<string> = new Set(['date', 'count', 'amount', 'percent', 'number']);
/** A sentence covering this much of the question answers it, whatever word the reader chose. */
const CONFIDENT_COVERAGE = 0.5;
/** A footnote sentence that names where a claim comes from: a URL, an author-year, a quoted title. */
const REFERENCE = /https?:\/\/|[（(]\d{4}[）)]|『|「.+」[.．、，,]|"[^"]+"|\b(News|Reuters|Times|Journal|Hardware)\b/;

export interface FactFeatures {
  topic: number;
  unseen: number;
  best?: Candidate;
  typedOnTopic: boolean;
  absent: string[];
}

export function answerFact(ctx: AnswerContext, analysis: QueryAnalysis, retrieval: Retrieval, inspect?: (f: FactFeatures) => void): ChatAnswer {
  const { lang, expected } = analysis;
  const options = composeOptions(ctx, lang);
  const hits = retrieval.hits.slice(0, 6);
  const q = weighQuery(retrieval.terms, { ja: ctx.bm25, ...(ctx.bm25En ? { en: ctx.bm25En } : {}) }, analysis.wantsSource ? SOURCE_TOKENS : undefined);
  const topic = Math.max(0, ...hits.slice(0, 3).map((h) => {
    const { tokens, enTokens } = ctx.sentences.tokensOf(h.passage);
    return coverage(q, tokens, enTokens);
  }));
  let list = candidates(hits, ctx.sentences, q, expected, { wantsSource: analysis.wantsSource });
  const subject = analysis.followUp?.subject;
  if (subject) list = withSubject(list, subject, retrieval.subjectTerms);
  const best = list[0];
  const absent = absentNames(analysis.focus, ctx.vocabulary, ctx.synonyms);
  // Asked for a date or a figure of something the report never names, it does not state it.
  // A word the report never writes may be the reader's paraphrase (首位 for 1位): decisive only when no sentence answers well.
  if (FACTOID_TYPES.has(expected.type) && analysis.lang === 'ja' && !analysis.wantsSource && (best?.coverage ?? 0) < CONFIDENT_COVERAGE) {
    absent.push(...absentKanjiWords(analysis.focus, ctx.vocabulary, ctx.synonyms));
  }
  if (FACTOID_TYPES.has(expected.type) && expected.type !== 'place' && analysis.lang === 'en' && ctx.bm25En && !analysis.wantsSource) {
    const english = ctx.bm25En;
    const known = (s: string) => english.docFrequency(s) > 0 || Boolean(ctx.synonyms?.en.has(s));
    const modifier = unknownModifier(analysis.focus, known);
    if (modifier) absent.push(modifier);
    const counted = expected.type === 'count' ? unknownCounted(analysis.focus, known) : undefined;
    if (counted) absent.push(counted);
  }
  // A source question is answered by the reference behind the claim, whatever kind of thing it names.
  // Which countries…? then What about India?: the new subject is the place (person, body) asked for, where its sentence keeps to the topic asked about.
  const keepsTopic = (c?: Candidate) => tokenize(analysis.followUp?.previous ?? '').some((t) => c?.sentence.plain.tokens.has(t) || c?.sentence.plain.enTokens.has(t));
  const factoid = FACTOID_TYPES.has(expected.type) && !analysis.wantsSource && !(subject && ['place', 'person', 'organisation'].includes(expected.type) && keepsTopic(best));
  const scope = factoid ? scopeName(analysis.focus, ctx.vocabulary) : undefined;
  const onTopic = scope ? scopedOnTopic(list, q, scope) : (c: Candidate) => c.typed && best !== undefined && c.coverage >= best.coverage * ON_TOPIC_SHARE && c.coverage > 0;
  // A figure asked for a given year (…in 2025?) is not answered by one for another year.
  const years = factoid && NUMERIC.has(expected.type) && expected.type !== 'date' ? questionYears(analysis.focus) : [];
  const ofYear = (c: Candidate) => years.every((y) => c.sentence.ja.includes(y) || c.sentence.en?.includes(y) || c.sentence.ja.includes(`${y.slice(2)}年`));
  // What was asked may be found only in the footnote behind the best sentence (who attended, the figure for another country).
  const inFootnote = factoid && best && !list.some(onTopic) ? footnoteDetails([best.sentence], q, ctx.sentences, (n) => ctx.library.passage(`fn-${n}`), expected).filter((s) => holds(s, expected)) : [];
  const typedOnTopic = !factoid || list.some((c) => onTopic(c) && ofYear(c)) || inFootnote.length > 0;
  const missingYear = factoid && years.length > 0 && list.some(onTopic) && !typedOnTopic ? years.join(', ') : undefined;
  inspect?.({ topic, unseen: q.unseen, ...(best ? { best } : {}), typedOnTopic, absent });

  // A new subject asks the previous (on-topic) question again: what counts is whether the report names it there.
  if (subject) {
    if (!best) return notStated({ kind: 'term', term: subject }, [], options);
  } else if (!best || offTopic(topic, q.unseen)) return notInReport(lang, retrieval.hits, ctx.edition);
  // A place or people the report never mentions, carrying much of the question: not in the report.
  if (!subject && (namesAbsentParty(ctx, analysis, q) || endsOnAbsentThing(ctx, analysis, q))) return notInReport(lang, retrieval.hits, ctx.edition);
  const related = pick(list, q, 2).map((c) => c.sentence);
  if (absent.length > 0) {
    // Asked about something the report never names, on a topic it barely touches: not in the report.
    if (topic < WEAK_TOPIC_COVERAGE) return notInReport(lang, retrieval.hits, ctx.edition);
    return notStated({ kind: 'term', term: absent[0]! }, related, options);
  }
  if (!typedOnTopic) {
    const term = missingYear ?? (scope && list.some((c) => c.typed) ? scope : undefined);
    return notStated(term ? { kind: 'term', term } : { kind: 'type', expected }, related, options);
  }
  if (inFootnote.length > 0 && best) return compose([best.sentence, ...inFootnote], options);
  // A new subject wants its own figure, not the neighbours' again.
  const picked = withExplanation(pick(list, q, subject ? 2 : MAX_SENTENCES), list, expected, ctx).map((c) => c.sentence);
  const chosen = subject ? picked : [...picked, ...footnoteDetails(picked, q, ctx.sentences, (n) => ctx.library.passage(`fn-${n}`), expected)];
  return analysis.wantsSource ? compose(withReferences(chosen, ctx), { ...options, sources: 'first' }) : compose(chosen, options);
}

/**
 * The place or party a quantity is asked for ("…data centers are there in Japan?"): a figure
 * about another one does not answer it. Only names the report uses at all are kept.
 */
function scopeName(question: string, vocabulary: string): string | undefined {
  const q = question.normalize('NFKC').trim();
  const en = /\b(?:in|for|of)\s+((?:the\s+)?[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?)\s*\?*\s*$/.exec(q)?.[1]?.replace(/^the\s+/, '');
  // 日本のデータセンターは何棟？: a place or party named before の, at the start.
  const ja = /^([\p{Script=Han}]{1,3}|[\p{Script=Katakana}ー]{2,8})(?:の|で|における|では)/u.exec(q)?.[1];
  const name = en ?? ja;
  return name && vocabulary.includes(name.toLowerCase().replace(/\s+/g, '')) ? name : undefined;
}

const names = (s: Sentence, name: string) => {
  const terms = tokenize(name);
  return terms.every((t) => s.enTokens.has(t) || s.tokens.has(t));
};

/** With a scope, a figure answers only in a sentence that names the scope and covers the rest of the question as well as any. */
function scopedOnTopic(list: Candidate[], q: WeightedQuery, scope: string): (c: Candidate) => boolean {
  const scopeTerms = new Set(tokenize(scope));
  const rest: WeightedQuery = { ...q, ja: new Map([...q.ja].filter(([t]) => !scopeTerms.has(t))), en: new Map([...q.en].filter(([t]) => !scopeTerms.has(t))) };
  const restOf = (c: Candidate) => coverage(rest, c.sentence.tokens, c.sentence.enTokens);
  const top = Math.max(0, ...list.map(restOf));
  return (c) => c.typed && names(c.sentence, scope) && top > 0 && restOf(c) >= top * SCOPED_SHARE;
}

/**
 * A new subject (日本は？, emerging economies) must be in the answer: only sentences that name it,
 * in the reader's words or in the report's (through the lexicon or a synonym).
 */
function withSubject(list: Candidate[], subject: string, terms?: QueryTerms): Candidate[] {
  const own = tokenize(subject);
  const names = (c: Candidate) => {
    // A name inside a reference (『36Kr Japan』, 日本経済新聞) is the source's, not the sentence's subject.
    const { tokens, enTokens } = c.sentence.plain;
    if (own.length > 0 && (own.every((t) => tokens.has(t)) || own.every((t) => enTokens.has(t)))) return true;
    // Another name for it that the edition uses (UK → United Kingdom).
    if (terms && terms.en.length > 0 && terms.en.every((t) => enTokens.has(t.term))) return true;
    const ja = terms?.ja ?? [];
    const total = ja.reduce((x, t) => x + t.weight, 0);
    const found = ja.filter((t) => tokens.has(t.term)).reduce((x, t) => x + t.weight, 0);
    return total > 0 && found / total >= SUBJECT_SHARE;
  };
  return list.filter(names);
}

/** Share of a translated subject's Japanese terms a sentence must hold to name it. */
const SUBJECT_SHARE = 0.6;

/**
 * Why and how are often answered by the sentence after the one that restates the question
 * (「…にこだわる理由は、産業政策だけではない。」 then the reason): when the chosen sentence does
 * not explain, the next one in its paragraph that does is added.
 */
function withExplanation(chosen: Candidate[], list: Candidate[], expected: TypeEvidence, ctx: AnswerContext): Candidate[] {
  if (expected.type !== 'reason' && expected.type !== 'method') return chosen;
  const followers = (c: Candidate) => ctx.sentences.after(c.sentence, 2).filter((s) => !s.lead);
  const givesReason = (c: Candidate) => BECAUSE.test(followers(c)[0]?.ja.trim() ?? '');
  // "This is because …" / 「…からだ。」 right after a chosen sentence is its reason: the two are the answer.
  const first = chosen.find(givesReason) ?? [...chosen].sort((a, b) => b.score - a.score)[0];
  if (!first) return chosen;
  const following = followers(first);
  const because = givesReason(first) ? following[0] : undefined;
  const next = because ?? (chosen.some((c) => explainsSentence(c.sentence, expected)) ? undefined : following.find((s) => explainsSentence(s, expected)));
  if (!next || chosen.some((c) => c.sentence === next)) return chosen;
  const candidate = list.find((c) => c.sentence === next) ?? { ...first, sentence: next };
  return (because ? [first, candidate] : [...chosen, candidate]).sort((a, b) => a.sentence.order - b.sentence.order);
}


const explainsSentence = (s: Sentence, expected: TypeEvidence) => explains(s.ja, expected.type) || (s.en !== undefined && explains(s.en, expected.type));

/**
 * A claim followed by the references of the footnotes it cites: where it comes from is what was
 * asked. A footnote quoted on its own gets the claim that cites it, so the reader sees both.
 */
function withReferences(chosen: Sentence[], ctx: AnswerContext): Sentence[] {
  const out = [...chosen];
  for (const s of chosen) {
    if (s.passage.kind !== 'footnote') continue;
    const claim = ctx.sentences.all.find((c) => c.passage.kind === 'body' && c.footnotes.includes(s.passage.footnotes[0] ?? 0));
    if (claim && !out.includes(claim)) out.unshift(claim);
  }
  for (const n of [...new Set(chosen.flatMap((s) => (s.passage.kind === 'footnote' ? [] : s.footnotes)))]) {
    const passage = ctx.library.passage(`fn-${n}`);
    if (!passage) continue;
    const sentences = ctx.sentences.of(passage);
    const references = sentences.filter((s) => REFERENCE.test(s.ja));
    out.push(...(references.length ? references : sentences.slice(0, 1)));
  }
  return out;
}
