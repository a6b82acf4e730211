/**
 * Overview questions (the conclusion, a summary in N points, what the report says about Japan)
 * are answered from the report's structure: key sentences — those that state a conclusion, open a
 * paragraph or close a section — from each chapter, or from the section a named topic points to.
 * The concluding chapter and the report's closing sentence speak for its conclusion. Web APIs only.
 */
import type { ChatAnswer } from '../types';
import { renderingOf } from '../ingest/edition';
import type { Retrieval } from '../search/retrieve';
import { textTerms } from '../search/query-terms';
import { tokenize } from '../search/tokenize';
import { compose } from './compose';
import { notInReport } from './decline';
import { answerFact, discusses } from './fact-answer';
import { composeOptions, type AnswerContext } from './context';
import type { QueryAnalysis } from './question';
import { coverage, weighQuery, type WeightedQuery } from './read';
import type { Sentence } from './sentences';

/** Words that ask for an overview, or for an aspect of any topic, rather than name the topic. */
const OVERVIEW_WORDS = [
  ...['要点', '要約', 'まとめ', '結論', '全体像', 'ざっくり', '概要', 'ポイント', '要するに', 'つまり', '要は', '簡単に', '一言で', 'レポート', '資料', '本稿', '教えて', '影響', '意味', '関係', '効果', '見方'],
  ...['summary', 'summarize', 'summarise', 'conclusion', 'conclude', 'main', 'point', 'points', 'takeaway', 'takeaways', 'bottom', 'line', 'nutshell', 'argument', 'key', 'report', 'big', 'picture', 'overall', 'gist', 'three', 'author', 'view', 'say', 'see', 'think', 'assess', 'look', 'impact', 'effect', 'implication', 'mean', 'give', 'tell', 'show', 'explain', 'describe', 'list', 'please', 'brief', 'briefly', 'short'],
];
const OVERVIEW_TOKENS: ReadonlySet<string> = new Set(OVERVIEW_WORDS.flatMap((w) => tokenize(w)));
/** Sentences that state a judgement or a conclusion (Japanese report prose). */
const CONCLUSION = /(だろう|といえる|といえよう|必要だ|必要がある|求められる|焦点となる|ということだ|課題となる|重要なのは|期待される|可能性が(ある|高い)|かもしれない|恐れ|迫られている|ない)。$/;
const COUNT = /([2-5二三四五]|two|three|four|five)\s*(つ|点|points?)|(?:in|into)\s+(two|three|four|five|[2-5])\b/i;
const NUMBERS: Record<string, number> = { 二: 2, 三: 3, 四: 4, 五: 5, two: 2, three: 3, four: 4, five: 5 };
/** How much more a section title's words say about its topic than its sentences' words. */
const TITLE_WEIGHT = 2;
/** A named topic must point to one section this clearly to scope the answer. */
const SCOPE_SCORE = 0.9;

const concludes = (question: string) => /結論|conclu/i.test(question);

function requestedPoints(question: string): number | undefined {
  const m = COUNT.exec(question.normalize('NFKC'));
  const raw = (m?.[1] ?? m?.[3])?.toLowerCase();
  return raw ? (NUMBERS[raw] ?? Number(raw)) : undefined;
}

const chapterOf = (s: Sentence) => s.passage.section.split(' › ')[0] ?? '';

function bySection(sentences: readonly Sentence[], key: (s: Sentence) => string): Sentence[][] {
  const out = new Map<string, Sentence[]>();
  for (const s of sentences) {
    if (s.passage.kind !== 'body') continue;
    const k = key(s);
    out.set(k, [...(out.get(k) ?? []), s]);
  }
  return [...out.values()];
}

/** How strongly a sentence states a point, independent of any question. */
function keyness(s: Sentence, closing: ReadonlySet<Sentence>, last: Sentence | undefined): number {
  return (CONCLUSION.test(s.ja.trim()) ? 1 : 0) + (s.lead ? 0.5 : 0) + (closing.has(s) ? 0.6 : 0) + (s === last ? 1 : 0);
}

export function answerOverview(ctx: AnswerContext, analysis: QueryAnalysis, retrieval: Retrieval): ChatAnswer {
  const q = topicQuery(ctx, analysis, retrieval);
  // An overview of a topic is declined as a question on it would be: the reader decides whether the report discusses it.
  if (q.total > 0 && discusses(ctx, analysis, retrieval) === false) return notInReport(analysis.lang, retrieval.hits, ctx.edition);
  const sentences = overviewSentences(ctx, analysis, retrieval, q);
  // A topic no section is about (a country named once, in a footnote) is answered by the sentences that name it.
  if (!sentences) return answerFact(ctx, { ...analysis, expected: { type: 'list' } }, retrieval);
  return compose(sentences, composeOptions(ctx, analysis.lang));
}

/** The topic an overview names, weighted; the words that ask for an overview left out. */
function topicQuery(ctx: AnswerContext, analysis: QueryAnalysis, retrieval: Retrieval): WeightedQuery {
  // A question of its own is read again without the overview words, so their synonyms (key →
  // cardinal, gist → core) do not pose as a topic; a follow-up keeps the turn it follows.
  const terms = analysis.followUp ? retrieval.terms : textTerms(topicText(analysis.focus), analysis.lang, { ...(ctx.lexicon ? { lexicon: ctx.lexicon } : {}), ...(ctx.synonyms ? { synonyms: ctx.synonyms } : {}), english: ctx.bm25En !== undefined, reportLang: ctx.reportLang });
  // An English question is scoped on the English edition alone: the lexicon's guesses at
  // Japanese words for "main" or "view" only blur which section it points to.
  const english = terms.en.length > 0 && ctx.bm25En !== undefined;
  return weighQuery(english ? { ja: [], en: terms.en } : terms, { ja: ctx.bm25, ...(ctx.bm25En ? { en: ctx.bm25En } : {}) }, OVERVIEW_TOKENS);
}

const JAPANESE_OVERVIEW_WORDS = OVERVIEW_WORDS.filter((w) => !/^[a-z]/.test(w));
function topicText(question: string): string {
  let text = question;
  for (const w of JAPANESE_OVERVIEW_WORDS) text = text.split(w).join('、');
  return text.replace(/[A-Za-z][A-Za-z'’-]*/g, (w) => (tokenize(w).every((t) => OVERVIEW_TOKENS.has(t)) ? ' ' : w));
}

/**
 * The key sentences of the report, of the section a named topic points to, or undefined when the
 * question names a topic that no section is about.
 */
export function overviewSentences(ctx: AnswerContext, analysis: QueryAnalysis, retrieval: Retrieval, q: WeightedQuery = topicQuery(ctx, analysis, retrieval)): Sentence[] | undefined {
  const { sections: sectionGroups, chapters: chapterGroups, closing, last } = groupsOf(ctx);
  const key = (scope: Sentence[], count: number) =>
    scope
      .map((s) => ({ s, score: keyness(s, closing, last) + coverage(q, s.tokens, s.enTokens) }))
      .sort((a, b) => b.score - a.score || a.s.order - b.s.order)
      .slice(0, count)
      .map((x) => x.s);
  const points = requestedPoints(analysis.focus);
  const scoped = topicScope(usedByReport(ctx, q), [...sectionGroups, ...chapterGroups]);
  if (scoped) return key(scoped, points ?? 3);
  if (q.total > 0 && !concludes(analysis.focus) && !points) return undefined;
  const chapters = chapterGroups.map((g) => g.sentences);
  if (chapters.length === 0) return [];
  if (concludes(analysis.focus) && !points) return key(chapters.at(-1)!, 3);
  const wanted = points ?? Math.min(4, chapters.length);
  // The opening chapter sets the scene; the points are made in the ones that follow.
  const pool = chapters.length > wanted ? chapters.slice(1) : chapters;
  return pool.slice(-wanted).map((chapter) => key(chapter, 1)[0]!);
}

interface Group {
  sentences: Sentence[];
  title: { tokens: ReadonlySet<string>; enTokens: ReadonlySet<string> };
  body: { tokens: ReadonlySet<string>; enTokens: ReadonlySet<string> };
}

interface Structure {
  sections: Group[];
  chapters: Group[];
  /** The last sentence of each section. */
  closing: ReadonlySet<Sentence>;
  /** The report's last body sentence. */
  last: Sentence | undefined;
}

/** Sections and chapters with their titles' and texts' tokens, and the sentences that close them: fixed for a report, so made once. */
const groupsCache = new WeakMap<AnswerContext['sentences'], Structure>();
function groupsOf(ctx: AnswerContext): Structure {
  let g = groupsCache.get(ctx.sentences);
  if (!g) {
    const group = (sentences: Sentence[], title: string): Group => {
      const titleEn = ctx.edition ? (renderingOf(ctx.edition, title) ?? '') : '';
      return {
        sentences,
        title: { tokens: new Set(tokenize(title)), enTokens: new Set(tokenize(titleEn)) },
        body: { tokens: new Set(sentences.flatMap((s) => [...s.tokens])), enTokens: new Set(sentences.flatMap((s) => [...s.enTokens])) },
      };
    };
    const sections = bySection(ctx.sentences.all, (s) => s.passage.section).map((ss) => group(ss, ss[0]!.passage.section.split(' › ').at(-1) ?? ''));
    g = {
      sections,
      chapters: bySection(ctx.sentences.all, chapterOf).map((ss) => group(ss, chapterOf(ss[0]!))),
      closing: new Set(sections.map((x) => x.sentences.at(-1)!)),
      last: ctx.sentences.all.filter((s) => s.passage.kind === 'body').at(-1),
    };
    groupsCache.set(ctx.sentences, g);
  }
  return g;
}

/** Only the words the report uses: one it never uses cannot point to any section, and only dilutes those that do. */
function usedByReport(ctx: AnswerContext, q: WeightedQuery): WeightedQuery {
  const ja = new Map([...q.ja].filter(([t]) => ctx.bm25.docFrequency(t) > 0));
  const en = new Map([...q.en].filter(([t]) => (ctx.bm25En?.docFrequency(t) ?? 0) > 0));
  const total = [...ja.values(), ...en.values()].reduce((x, y) => x + y, 0);
  return { ja, en, total, unseen: 0 };
}

/** The section (or chapter) a named topic points to, when one clearly leads: its title counts double. */
function topicScope(q: WeightedQuery, groups: Group[]): Sentence[] | undefined {
  if (q.total === 0) return undefined;
  let best: { sentences: Sentence[]; score: number } | undefined;
  for (const g of groups) {
    const score = TITLE_WEIGHT * coverage(q, g.title.tokens, g.title.enTokens) + coverage(q, g.body.tokens, g.body.enTokens);
    if (!best || score > best.score + 1e-9) best = { sentences: g.sentences, score };
  }
  return best && best.score >= SCOPE_SCORE ? best.sentences : undefined;
}
