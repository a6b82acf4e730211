/**
 * A question about a fact in the report → its answer, `not_stated` or `not_in_report`, in one
 * pass: read the candidate sentences (reading.ts), let the learned models decide (decide.ts),
 * then compose — the sentences that answer with the footnotes they cite (and, for a source
 * question, the footnote's reference itself; for why and how, the sentence that explains).
 */
import type { ChatAnswer, Lang, Passage } from '../types';
import type { QueryTerms } from '../search/query-terms';
import type { Retrieval } from '../search/retrieve';
import { tokenize } from '../search/tokenize';
import { beyondShown } from './beyond-shown';
import { BECAUSE, explains, isReference, type TypeEvidence } from './answer-types';
import { compose } from './compose';
import { citedPassages, composeOptions, type AnswerContext } from './context';
import { chooseSentences, decide, readerDefaults, type Decision, type ReaderOptions } from './decide';
import { notInReport, notStated, type Missing } from './decline';
import type { Candidate } from './features';
import type { QueryAnalysis } from './question';
import { footnoteDetails } from './read';
import { asksOfAFigure, figureNumbersIn, figureSentences } from './figures';
import { questionNames } from './names';
import { readQuestion, type Reading } from './reading';
import { chapterNamed, CONCLUSION, structureOf, type Group } from './overview-structure';
import type { Sentence } from './sentences';

export function answerFact(ctx: AnswerContext, analysis: QueryAnalysis, retrieval: Retrieval, inspect?: (r: Reading, d: Decision) => void, options: ReaderOptions = readerDefaults): ChatAnswer {
  const { lang, expected } = analysis;
  const composition = composeOptions(ctx, lang);
  // Whether what was just shown holds (Is it on track?) is judged where the report reads on from it.
  const judged = analysis.followUp?.kind === 'context' && expected.discussion ? readingOn(ctx, retrieval, citedPassages(ctx, analysis.followUp.cited)) : retrieval;
  const reading = readQuestion(ctx, analysis, judged, ctx.reader);
  const subject = analysis.followUp?.subject;
  // A question asked of a chapter by its number (第2章で触れられている計画は？) is answered from that
  // chapter (its sentences and the footnotes they cite), where it holds a candidate.
  const chapter = chapterNamed(analysis.focus, structureOf(ctx).chapters);
  const inChapter = chapter ? reading.candidates.filter((c) => ofChapter(chapter, c.sentence)) : [];
  if (inChapter.length > 0) reading.candidates = inChapter;
  // So is a value asked of a figure by its number (In Figure 1, which country ranks first?): from its title and the sentences that refer to it.
  const figure = analysis.wantsSource ? new Set<Sentence>() : figureSentences(ctx, figureNumbersIn(analysis.focus), asksOfAFigure(analysis.focus));
  const inFigure = reading.candidates.filter((c) => figure.has(c.sentence));
  if (inFigure.length > 0) reading.candidates = inFigure;
  // A new subject asks the previous question again: only sentences that name it can answer.
  if (subject) reading.candidates = withSubject(reading.candidates, subject, retrieval.subjectTerms);
  // A question on the topic just discussed asks beyond what the last answer showed.
  else if (analysis.followUp?.kind === 'context') reading.candidates = beyondShown(reading.candidates, analysis.focus, analysis.followUp, expected, citedPassages(ctx, analysis.followUp.cited));
  // A follow-up continues a conversation on the report's topic: a sentence naming its new subject answers it (its own, not the neighbours').
  const decided = decide(reading, ctx.reader, options);
  const decision: Decision = subject ? { ...decided, status: 'answered', chosen: chooseSentences(reading.candidates, options.subjectSentences, options) } : decided;
  inspect?.(reading, decision);
  if (subject && reading.candidates.length === 0) return notStated({ kind: 'term', term: subject }, [], composition);
  if (decision.status === 'not_in_report') return notInReport(lang, retrieval.hits, ctx.edition);
  if (decision.status === 'not_stated') return notStated(analysis.wantsSource && !reading.absent.length ? { kind: 'source' } : missing(reading, expected), relatedTo(analysis.focus, decision.chosen, reading.candidates, ctx, options).map((c) => c.sentence), composition);
  const explained = withJudgement(withExplanation(decision.chosen, reading.candidates, expected, ctx), reading.candidates, expected, ctx).map((c) => c.sentence);
  const footnoteOf = (n: number) => ctx.library.passage(`fn-${n}`);
  const withDetails = subject ? explained : [...explained, ...footnoteDetails(explained, reading.q, ctx.sentences, footnoteOf, expected)];
  if (analysis.wantsSource) return compose(sourceFirst(withDetails, ctx), { ...composition, sources: 'first', keepOrder: true });
  // An explanation reads in the report's order; a fact leads with the sentence that states it.
  const leads = expected.type !== 'reason' && expected.type !== 'method';
  // A question on the source's own details (When did Reuters run the story?) is answered by the bibliography: it stays in.
  const onSource = withDetails.some((s) => s.passage.kind === 'footnote') && asksOfBibliography(withDetails, lang, new Set(tokenize([...questionNames(analysis.focus)].join(' '))));
  return compose(withDetails, { ...composition, keepOrder: leads, ...(onSource ? { sources: 'inline' as const } : {}) });
}

/**
 * Whether the question names something (the outlet, the author) that the answer's sentences (in
 * the question's language) name only in a footnote's bibliography.
 */
function asksOfBibliography(sentences: readonly Sentence[], lang: Lang, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  // A sentence's plain tokens are its tokens with the parenthesised references (the bibliography) set aside.
  const english = lang === 'en';
  const all = (s: Sentence) => (english && s.en ? s.enTokens : s.tokens);
  const plain = (s: Sentence) => (english && s.en ? s.plain.enTokens : s.plain.tokens);
  const said = (t: string) => sentences.some((s) => plain(s).has(t));
  return sentences.some((s) => s.passage.kind === 'footnote' && [...names].some((t) => all(s).has(t) && !said(t)));
}

/** Whether a sentence is a chapter's: one of its own, or a footnote one of them cites. */
const ofChapter = (chapter: Group, s: Sentence) => chapter.sentences.includes(s) || (s.passage.kind === 'footnote' && s.antecedent !== undefined && chapter.sentences.includes(s.antecedent));

/** Whether the report discusses what a question asks about at all (false: the reader would decline it as not in the report). */
export function discusses(ctx: AnswerContext, analysis: QueryAnalysis, retrieval: Retrieval): boolean {
  const reading = readQuestion(ctx, { ...analysis, expected: { type: 'list' } }, retrieval, ctx.reader);
  return decide(reading, ctx.reader).status !== 'not_in_report';
}

/** What a "not stated" answer says is missing: a name the report never writes, the year asked for, or the kind of value. */
function missing(reading: Reading, expected: TypeEvidence): Missing {
  const term = reading.absent[0] ?? reading.missingYear;
  return term ? { kind: 'term', term } : { kind: 'type', expected };
}

/**
 * A new subject (日本は？, emerging economies) must be in the answer: only sentences that name it,
 * in the reader's words or in the report's (through the lexicon or a synonym).
 */
function withSubject(list: Candidate[], subject: string, terms?: QueryTerms): Candidate[] {
  const own = tokenize(subject);
  const namesSubject = (c: Candidate) => {
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
  return list.filter(namesSubject);
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

/**
 * Whether something holds (Will export controls stop it?) is answered by the report's judgement:
 * when no chosen sentence of the best one's passage states one, the next sentence of its paragraph
 * that does (ただ、…時間稼ぎにしかならないかもしれない) is added after it.
 */
function withJudgement(chosen: Candidate[], list: Candidate[], expected: TypeEvidence, ctx: AnswerContext): Candidate[] {
  const best = chosen[0];
  if (!expected.discussion || !best || chosen.some((c) => c.sentence.passage === best.sentence.passage && CONCLUSION.test(c.sentence.ja.trim()))) return chosen;
  const next = ctx.sentences.after(best.sentence, 2).filter((s) => !s.lead).find((s) => CONCLUSION.test(s.ja.trim()));
  if (!next || chosen.some((c) => c.sentence === next)) return chosen;
  return [...chosen, list.find((c) => c.sentence === next) ?? { ...best, sentence: next }].sort((a, b) => (a === best ? -1 : b === best ? 1 : a.sentence.order - b.sentence.order));
}

const explainsSentence = (s: Sentence, expected: TypeEvidence) => explains(s.ja, expected.type) || (s.en !== undefined && explains(s.en, expected.type));

/**
 * A source answer in reading order: the source of the sentence that answers best (itself, when it
 * is a footnote; else its footnotes' references), then the claims and the other sentences in the
 * report's order, then the other references. A sentence that names its source in its own text
 * (according to the ministry…) and has no footnote leads itself.
 */
function sourceFirst(chosen: Sentence[], ctx: AnswerContext): Sentence[] {
  const all = withReferences(chosen, ctx);
  const best = chosen[0];
  if (!best) return all;
  const claim = sourcedClaim(chosen, best);
  const lead = claim ? all.filter((s) => s.passage.kind === 'footnote' && (s.passage.id === claim.passage.id || claim.footnotes.includes(s.passage.footnotes[0] ?? 0))).sort((a, b) => a.order - b.order) : [];
  const first = best.passage.kind === 'footnote' ? [] : [best];
  const body = all.filter((s) => !lead.includes(s) && !first.includes(s) && s.passage.kind !== 'footnote').sort((a, b) => a.order - b.order);
  const others = all.filter((s) => !lead.includes(s) && s.passage.kind === 'footnote');
  return [...lead, ...first, ...body, ...others];
}

/** A sentence that names its source in its own words (according to the ministry…, 調査によれば). */
const ATTRIBUTED = /によれば|によると|\baccording to\b/i;

/**
 * Whose source a source question wants: the best sentence's, when it is a footnote or cites one;
 * else a sentence of its passage that cites one (the claim it goes on from); none when the best
 * sentence names its source itself; else the first chosen sentence that cites one.
 */
function sourcedClaim(chosen: readonly Sentence[], best: Sentence): Sentence | undefined {
  const cites = (s: Sentence) => s.passage.kind === 'footnote' || s.footnotes.length > 0;
  if (cites(best)) return best;
  const beside = chosen.find((s) => cites(s) && s.passage.id === best.passage.id);
  if (beside) return beside;
  if (ATTRIBUTED.test(best.ja) || (best.en !== undefined && ATTRIBUTED.test(best.en))) return undefined;
  return chosen.find(cites);
}

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
    const references = sentences.filter((s) => isReference(s.ja));
    out.push(...(references.length ? references : sentences.slice(0, 1)));
  }
  return out;
}

/** The retrieval with the passage after each cited one added last, where it is not already among the hits. */
function readingOn(ctx: AnswerContext, retrieval: Retrieval, cited: readonly Passage[]): Retrieval {
  const all = ctx.library.passages;
  const following = cited.map((p) => all[all.indexOf(p) + 1]).filter((p): p is Passage => p !== undefined && p.kind === 'body' && !retrieval.hits.some((h) => h.passage === p));
  if (following.length === 0) return retrieval;
  const floor = Math.min(...retrieval.hits.map((h) => h.score), 1);
  return { ...retrieval, hits: [...retrieval.hits, ...[...new Set(following)].map((passage) => ({ passage, score: floor / 2 }))] };
}

/**
 * What a decline quotes as what the report does say: about the name the question asks about, where
 * the report has sentences naming it (DeepSeek's staff, not the migrant workers a synonym of 社員
 * reached); else the sentences the reader rates closest.
 */
function relatedTo(question: string, chosen: Candidate[], list: readonly Candidate[], ctx: AnswerContext, options: ReaderOptions): Candidate[] {
  // Its names (capitalised English words; Latin and katakana words in Japanese) that the report writes.
  const names = [...questionNames(question)].flatMap((w) => tokenize(w)).filter((t) => ctx.bm25.docFrequency(t) > 0 || (ctx.bm25En?.docFrequency(t) ?? 0) > 0);
  const namesIt = (c: Candidate) => names.some((t) => c.sentence.tokens.has(t) || c.sentence.enTokens.has(t));
  if (names.length === 0 || chosen.some(namesIt)) return chosen;
  // A bibliography entry names it too, but says nothing about it.
  const naming = list.filter((c) => !isReference(c.sentence.plain.ja) && namesIt(c));
  return naming.length ? chooseSentences(naming, options.relatedSentences, options) : chosen;
}
