/**
 * Overview questions (the conclusion, a summary in N points, what the report says about Japan)
 * are answered from the report's structure: key sentences — those that state a conclusion, open a
 * paragraph or close a section — from each chapter, or from the section a named topic points to.
 * The concluding chapter and the report's closing sentence speak for its conclusion. Web APIs only.
 */
import type { ChatAnswer } from '../engine';
import { renderingOf } from '../ingest/edition';
import type { Retrieval } from '../search/retrieve';
import { tokenize } from '../search/tokenize';
import { compose } from './compose';
import type { AnswerContext } from './context';
import type { QueryAnalysis } from './question';
import { coverage, weighQuery, type WeightedQuery } from './read';
import type { Sentence } from './sentences';

/** Words that ask for an overview, or for an aspect of any topic, rather than name the topic. */
const OVERVIEW_WORDS = [
  ...['要点', '要約', 'まとめ', '結論', '全体像', 'ざっくり', '概要', 'ポイント', 'レポート', '資料', '本稿', '教えて', '影響', '意味', '関係', '効果', '見方'],
  ...['summary', 'summarize', 'summarise', 'conclusion', 'conclude', 'main', 'point', 'points', 'takeaway', 'report', 'big', 'picture', 'overall', 'gist', 'three', 'author', 'view', 'say', 'see', 'think', 'assess', 'look', 'impact', 'effect', 'implication', 'mean'],
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
  return compose(overviewSentences(ctx, analysis, retrieval), { lang: analysis.lang, library: ctx.library, ...(ctx.edition ? { edition: ctx.edition } : {}) });
}

export function overviewSentences(ctx: AnswerContext, analysis: QueryAnalysis, retrieval: Retrieval): Sentence[] {
  // An English question is scoped on the English edition alone: the lexicon's guesses at
  // Japanese words for "main" or "view" only blur which section it points to.
  const english = retrieval.terms.en.length > 0 && ctx.bm25En !== undefined;
  const terms = english ? { ja: [], en: retrieval.terms.en } : retrieval.terms;
  const q = weighQuery(terms, { ja: ctx.bm25, ...(ctx.bm25En ? { en: ctx.bm25En } : {}) }, OVERVIEW_TOKENS);
  const { sections: sectionGroups, chapters: chapterGroups } = groupsOf(ctx);
  const closing = new Set(sectionGroups.map((g) => g.sentences.at(-1)!));
  const body = ctx.sentences.all.filter((s) => s.passage.kind === 'body');
  const last = body.at(-1);
  const key = (scope: Sentence[], count: number) =>
    scope
      .map((s) => ({ s, score: keyness(s, closing, last) + coverage(q, s.tokens, s.enTokens) }))
      .sort((a, b) => b.score - a.score || a.s.order - b.s.order)
      .slice(0, count)
      .map((x) => x.s);
  const points = requestedPoints(analysis.focus);
  const scoped = topicScope(q, [...sectionGroups, ...chapterGroups]);
  if (scoped) return key(scoped, points ?? 3);
  const chapters = chapterGroups.map((g) => g.sentences);
  if (chapters.length === 0) return [];
  if (/結論|conclu/i.test(analysis.focus) && !points) return key(chapters.at(-1)!, 3);
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

/** Sections and chapters with their titles' and texts' tokens: fixed for a report, so made once. */
const groupsCache = new WeakMap<AnswerContext['sentences'], { sections: Group[]; chapters: Group[] }>();
function groupsOf(ctx: AnswerContext): { sections: Group[]; chapters: Group[] } {
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
    g = {
      sections: bySection(ctx.sentences.all, (s) => s.passage.section).map((ss) => group(ss, ss[0]!.passage.section.split(' › ').at(-1) ?? '')),
      chapters: bySection(ctx.sentences.all, chapterOf).map((ss) => group(ss, chapterOf(ss[0]!))),
    };
    groupsCache.set(ctx.sentences, g);
  }
  return g;
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
