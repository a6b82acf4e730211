/**
 * The extractive answerer: routes a question to the reading it needs — a named footnote, the
 * source of what was just cited, more of what was just cited, an overview from the report's
 * structure, or a fact — and returns the answer with the passages it retrieved. Web APIs only.
 */
import type { ChatAnswer } from '../types';
import type { Retrieval, Retriever } from '../search/retrieve';
import { defaults } from '../settings';
import { tokenize } from '../search/tokenize';
import type { Hit, Lang } from '../types';
import { compose } from './compose';
import { citedPassages, composeOptions, type AnswerContext } from './context';
import { quotedIn } from './beyond-shown';
import { answerFact } from './fact-answer';
import type { Decision } from './decide';
import type { Reading } from './reading';
import { ownWords, type FollowUp } from './follow-up';
import { moreAbout } from './more';
import { answerFootnotes, answerSourceOf } from './footnote-answer';
import { FACTOID_TYPES } from './answer-types';
import { answerFigures, asksOfAFigure, figureAbout, figureNumbersIn } from './figures';
import { answerOverview, overviewSentences } from './overview-answer';
import { analyseQuery, type QueryAnalysis } from './question';
import type { Sentence } from './sentences';

export interface Answered {
  answer: ChatAnswer;
  hits: Hit[];
}

export async function retrieveFor(retriever: Retriever, a: QueryAnalysis, k: number = defaults.chatPassages) {
  const subject = a.followUp?.kind === 'subject' ? a.followUp.subject : undefined;
  const context = a.followUp?.kind === 'subject' ? a.followUp.previous : a.context;
  return retriever.retrieve({ lang: a.lang, focus: a.focus, ...(subject ? { subject } : {}), ...(context ? { context } : {}), footnoteNumbers: a.footnoteNumbers, wantsSource: a.wantsSource }, k);
}

/** Passages for a question: an overview's come from the report's structure, ahead of the retrieved ones. */
export async function searchPassages(ctx: AnswerContext, retriever: Retriever, a: QueryAnalysis, k: number): Promise<Hit[]> {
  const retrieval = await retrieveFor(retriever, a, k);
  if (a.expected.type !== 'overview') return retrieval.hits;
  const key = [...new Set((overviewSentences(ctx, a, retrieval) ?? []).map((s) => s.passage))];
  const top = retrieval.hits[0]?.score ?? 1;
  const hits = [...key.map((passage) => ({ passage, score: top })), ...retrieval.hits.filter((h) => !key.includes(h.passage))];
  return hits.slice(0, k);
}

/** What an earlier answer showed: the sentences of the passages it cited that it quoted, else all of them. */
async function shownBefore(ctx: AnswerContext, retriever: Retriever, f: FollowUp): Promise<Sentence[]> {
  const passages = citedPassages(ctx, f.cited);
  if (passages.length > 0) {
    const sentences = passages.flatMap((p) => ctx.sentences.of(p));
    const quoted = sentences.filter((s) => quotedIn(s, f.answered));
    return quoted.length ? quoted : sentences;
  }
  // The client sent no citations: read the previous question again to find what it was shown.
  const earlier = analyseQuery(f.previous);
  const { answer } = await answerWith(ctx, retriever, earlier, earlier.lang);
  return answer.citations.flatMap((c) => ctx.sentences.of(ctx.library.passage(c.id)!).filter((s) => c.quote.includes(s.ja)));
}

async function answerWith(ctx: AnswerContext, retriever: Retriever, a: QueryAnalysis, lang: Lang): Promise<Answered> {
  const retrieval = await retrieveFor(retriever, a);
  const read = { ...a, lang };
  const answer = a.expected.type === 'overview' ? answerOverview(ctx, read, retrieval) : answerFact(ctx, read, retrieval);
  return { answer, hits: retrieval.hits };
}

/** An answer read from passages named outright (a footnote, a figure): its hits are the passages it cites. */
const citing = (ctx: AnswerContext, answer: ChatAnswer): Answered => ({ answer, hits: answer.citations.map((c) => ({ passage: ctx.library.passage(c.id)!, score: 1 })) });

export async function answerQuestion(ctx: AnswerContext, retriever: Retriever, a: QueryAnalysis, lang: Lang): Promise<Answered> {
  const options = composeOptions(ctx, lang);
  if (a.footnoteNumbers.length > 0) {
    return citing(ctx, answerFootnotes(ctx, a.footnoteNumbers, lang));
  }
  // A figure asked about by its number is answered by its title and the sentences that refer to it
  // (a value read off it is asked like any other fact: the text may state it).
  const named = figureNumbersIn(a.focus);
  // One asked about by what it shows (貨物量のグラフは何を示している？) is the figure that shows it.
  const about = named.length === 0 && asksOfAFigure(a.focus) ? figureAbout(ctx, a.focus) : undefined;
  const figures = about !== undefined ? [about] : named;
  if (figures.length > 0 && !a.wantsSource && !FACTOID_TYPES.has(a.expected.type)) {
    return citing(ctx, answerFigures(ctx, figures, lang));
  }
  const f = a.followUp;
  if (f?.kind === 'source' || f?.kind === 'more') {
    const shown = await shownBefore(ctx, retriever, f);
    if (shown.length > 0) {
      const hits = [...new Set(shown.map((s) => s.passage))].map((passage) => ({ passage, score: 1 }));
      if (f.kind === 'source') return { answer: answerSourceOf(ctx, shown, lang), hits };
      const earlier = f.earlier;
      // A word in more than a quarter of the passages (in either edition) names the report's subject, not this topic.
      const common = (t: string) => (ctx.bm25.docFrequency(t) + (ctx.bm25En?.docFrequency(t) ?? 0)) * 4 > ctx.library.passages.length;
      const next = moreAbout(shown, ctx.sentences, common, earlier ? (s) => quotedIn(s, earlier) : undefined, tokenize(f.asked ?? ''));
      if (next.length > 0) return { answer: compose(next, options), hits };
      // Said as what was found: the report may speak of it elsewhere in words the question does not use.
      const lead = lang === 'ja' ? 'レポートには、これ以上この話題に触れた記述は見当たりません。これまでの記述：' : 'I find nothing more in the report on this than:';
      return { answer: compose(shown.slice(0, 2), { ...options, lead }), hits };
    }
  }
  if (a.mayFollow && a.expected.type !== 'overview') return eitherReading(ctx, retriever, a, a.mayFollow, lang);
  return answerWith(ctx, retriever, a, lang);
}

/** Whether an answer leads with what the turn before cited: then it is about what the conversation is about. */
function leadsWithCited(answer: ChatAnswer, f: FollowUp): boolean {
  const lead = answer.citations[0];
  if (!lead) return false;
  if (f.cited.length > 0) return f.cited.includes(lead.id);
  // The client sent no citations: the previous answer's text shows what it quoted.
  const said = f.answered.replace(/\s+/g, '');
  return said.includes(lead.quote.replace(/\s+/g, '').slice(0, 20));
}

/**
 * Whether what was cited echoes each word the question names of its own: shares one of a kanji
 * word's characters (名前 and 改名 with 名を改めた: kanji carry the meaning), holds a kana or Latin
 * word as written. A word it does not echo (富士山 after a question on a plan) names a new subject.
 */
function echoes(ctx: AnswerContext, f: FollowUp, own: readonly string[]): boolean {
  const text = citedPassages(ctx, f.cited).map((p) => `${p.text}\n${ctx.sentences.english(p) ?? ''}`).join('\n').normalize('NFKC').toLowerCase();
  const said = `${text}\n${f.answered.normalize('NFKC').toLowerCase()}`;
  return own.every((w) => {
    const kanji = [...w].filter((c) => /\p{Script=Han}/u.test(c));
    return kanji.length > 0 ? kanji.some((c) => said.includes(c)) : said.includes(w.toLowerCase());
  });
}

/**
 * A question that may lean on the conversation without saying so (see `readTurn`): read with the
 * conversation when what was cited echoes its own words and that reading answers from it, else on
 * its own — so a question on something new, or off the report, is not bent to the earlier topic.
 */
async function eitherReading(ctx: AnswerContext, retriever: Retriever, a: QueryAnalysis, f: FollowUp, lang: Lang): Promise<Answered> {
  if (echoes(ctx, f, ownWords(a.focus, a.lang, f.context))) {
    const along = await answerWith(ctx, retriever, { ...a, followUp: f, context: f.context }, lang);
    if (along.answer.status === 'answered' && leadsWithCited(along.answer, f)) return along;
  }
  return answerWith(ctx, retriever, a, lang);
}

/** How the reader read a fact question: its analysis, features and decision (for `npm run ask -- --explain` and training). */
export interface Explanation {
  analysis: QueryAnalysis;
  retrieval: Retrieval;
  reading?: Reading;
  decision?: Decision;
}

export async function explainQuestion(ctx: AnswerContext, retriever: Retriever, a: QueryAnalysis): Promise<Explanation> {
  const retrieval = await retrieveFor(retriever, a);
  let reading: Reading | undefined;
  let decision: Decision | undefined;
  answerFact(ctx, a, retrieval, (r, d) => ((reading = r), (decision = d)));
  return { analysis: a, retrieval, ...(reading ? { reading } : {}), ...(decision ? { decision } : {}) };
}
