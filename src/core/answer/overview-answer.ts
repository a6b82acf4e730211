/**
 * Overview questions (the conclusion, a summary in N points, what the report says about a country,
 * the main risks) are answered from the report's structure: key sentences — those that state a
 * conclusion, open a paragraph or close a section — from each chapter in order, or, for a named
 * topic, from every section that speaks of it (topic-overview.ts). The concluding chapter and the
 * report's closing sentence speak for its conclusion. Web APIs only.
 */
import type { ChatAnswer } from '../types';
import type { Retrieval } from '../search/retrieve';
import { textTerms, type QueryTerms } from '../search/query-terms';
import { tokenize } from '../search/tokenize';
import { compose } from './compose';
import { notInReport } from './decline';
import { answerFact, discusses } from './fact-answer';
import { composeOptions, type AnswerContext } from './context';
import type { QueryAnalysis } from './question';
import { coverage, weighQuery, type WeightedQuery } from './read';
import { ASKS_ITSELF, TOPIC_POINTS_BACK, type Sentence } from './sentences';
import { chapterAsked, chapterNamed, chapterOf, chapterTitle, keyness, NOUN, numberedChapters, sectionsOf, structureOf, type Group } from './overview-structure';
import { aspectsAsked } from './aspects';
import { namesSubject, topicPoints, type OverviewPoint } from './topic-overview';

export type { OverviewPoint } from './topic-overview';

/** Words that ask for an overview, or for an aspect of any topic, rather than name the topic. */
const OVERVIEW_WORDS = [
  ...['要点', '要約', 'まとめ', '結論', '全体像', 'ざっくり', '概要', 'ポイント', '主張', 'かいつまんで', '行で', '要するに', 'つまり', '要は', '簡単に', '一言で', 'ひとことで', '言いたい', 'いうと', '言うと', 'レポート', '資料', '本稿', '筆者', '教えて', '影響', '意味', '関係', '効果', '見方'],
  ...['summary', 'summarize', 'summarise', 'conclusion', 'conclude', 'main', 'point', 'points', 'takeaway', 'takeaways', 'bottom', 'line', 'nutshell', 'argument', 'key', 'report', 'big', 'picture', 'overall', 'gist', 'three', 'author', 'view', 'say', 'see', 'think', 'assess', 'look', 'impact', 'effect', 'implication', 'affect', 'change', 'shape', 'alter', 'transform', 'face', 'take', 'away', 'itself', 'here', 'mean', 'give', 'tell', 'show', 'explain', 'describe', 'list', 'please', 'brief', 'briefly', 'short', 'things', 'bullet', 'bullets', 'most', 'important', 'quick', 'sum', 'whole', 'note', 'paper', 'document', 'sentence', 'one', 'single', 'lines'],
];
const OVERVIEW_TOKENS: ReadonlySet<string> = new Set(OVERVIEW_WORDS.flatMap((w) => tokenize(w)));
const COUNT = /([2-5二三四五]|two|three|four|five)\s*(?:(?:main|key|big|most important|important|quick|short)\s+)?(つ|点|行|points?|takeaways?|things|bullets?|bullet points|lines)|(?:in|into)\s+(two|three|four|five|[2-5])\b/i;
const NUMBERS: Record<string, number> = { 二: 2, 三: 3, 四: 4, 五: 5, two: 2, three: 3, four: 4, five: 5 };

/** The report said in one sentence (一言で, in one sentence): its conclusion's strongest sentence. */
const ONE_SENTENCE = /一言で|ひとことで|\bin (?:one|a single) sentence\b|\bin a nutshell\b|\bone-liner\b|\btl;?dr\b/i;
const concludes = (question: string) => /結論|conclu|bottom line/i.test(question) || ONE_SENTENCE.test(question);

function requestedPoints(question: string): number | undefined {
  const m = COUNT.exec(question.normalize('NFKC'));
  const raw = (m?.[1] ?? m?.[3])?.toLowerCase();
  return raw ? (NUMBERS[raw] ?? Number(raw)) : undefined;
}

export function answerOverview(ctx: AnswerContext, analysis: QueryAnalysis, retrieval: Retrieval): ChatAnswer {
  const terms = topicTerms(ctx, analysis, retrieval);
  const q = topicQuery(ctx, analysis, terms);
  // An overview of a topic is declined as a question on it would be: the reader decides whether the
  // report discusses the topic (the words that ask for an overview, 要するに or "big picture", aside).
  const topic = { ...analysis, focus: analysis.followUp ? analysis.focus : topicText(analysis.focus) };
  const chapter = chapterNamed(analysis.focus, structureOf(ctx).chapters);
  // A chapter the report does not have: the reader is told which it has.
  if (!chapter && chapterAsked(analysis.focus) !== undefined) return chaptersListed(ctx, analysis.lang);
  if (!chapter && q.total > 0 && discusses(ctx, topic, { ...retrieval, terms }) === false) return notInReport(analysis.lang, retrieval.hits, ctx.edition);
  const points = overviewPoints(ctx, analysis, retrieval, q);
  // A topic no section is about (a country named once, in a footnote) is answered by the sentences that name it.
  if (!points) return answerFact(ctx, { ...analysis, expected: { type: 'list' } }, retrieval);
  const options = composeOptions(ctx, analysis.lang);
  const sentences = points.flatMap((p) => p.sentences);
  // A numbered point opens its own paragraph, under its title when it has one.
  const numbered = (i: number, title?: string) => `${i === 0 ? '' : '\n\n'}${i + 1}. ${title ? `${title}${analysis.lang === 'ja' ? '：' : ': '}` : ''}`;
  // Points asked for from one section's sentences: each sentence is a point, numbered.
  if (requestedPoints(analysis.focus) && points.length === 1 && sentences.length > 1) return compose(sentences, { ...options, labels: new Map(sentences.map((s, i) => [s, numbered(i)])) });
  // A chapter asked for by its number is named, so the reader sees which it is.
  const title = chapter && points[0]?.label;
  if (title && sentences[0]) return compose(sentences, { ...options, labels: new Map([[sentences[0], `${title}${analysis.lang === 'ja' ? '：' : ': '}`]]) });
  if (points.length < 2 || points.some((p) => p.label === undefined)) return compose(sentences, options);
  // Numbered points, each under its chapter's title, one paragraph each.
  return compose(sentences, { ...options, labels: new Map(points.map((p, i) => [p.sentences[0]!, numbered(i, p.label)])) });
}

/** The report's chapters, by number and title, for a question on a chapter it does not have (`not_in_report`). */
function chaptersListed(ctx: AnswerContext, lang: QueryAnalysis['lang']): ChatAnswer {
  const chapters = numberedChapters(structureOf(ctx).chapters);
  const listed = chapters.map(({ n, chapter }) => `${n}. ${chapterTitle(chapter, lang, ctx)}`);
  const range = chapters.length ? `${chapters[0]!.n}–${chapters.at(-1)!.n}` : '';
  const answer =
    lang === 'ja'
      ? chapters.length ? `このレポートの章は${range.replace('–', '〜')}です：${listed.join('、')}` : 'このレポートには番号のついた章がありません。'
      : chapters.length ? `The report's chapters are ${range}: ${listed.join('; ')}` : 'The report has no numbered chapters.';
  return { answer, status: 'not_in_report', grounded: false, lang, citations: [], footnotes: [], generator: 'extractive' };
}

/**
 * The terms of the topic an overview names. A question of its own is read again without the
 * overview words, so their synonyms (key → cardinal, gist → core) do not pose as a topic; a
 * follow-up keeps the turn it follows.
 */
function topicTerms(ctx: AnswerContext, analysis: QueryAnalysis, retrieval: Retrieval): QueryTerms {
  return analysis.followUp ? retrieval.terms : textTerms(topicText(analysis.focus), analysis.lang, { ...(ctx.lexicon ? { lexicon: ctx.lexicon } : {}), ...(ctx.synonyms ? { synonyms: ctx.synonyms } : {}), english: ctx.bm25En !== undefined, reportLang: ctx.reportLang });
}

/** The topic an overview names, weighted; the words that ask for an overview left out. */
function topicQuery(ctx: AnswerContext, analysis: QueryAnalysis, terms: QueryTerms): WeightedQuery {
  // An English question is scoped on the English edition alone: the lexicon's guesses at
  // Japanese words for "main" or "view" only blur which section it points to.
  const english = terms.en.length > 0 && ctx.bm25En !== undefined;
  // Only the overview words the question asks with are ignored; one inside a compound (労使関係, 雇用効果) names the topic.
  const compounds = new Set(JAPANESE_OVERVIEW_WORDS.filter((w) => compoundsOf(analysis.focus, w)).flatMap((w) => tokenize(w)));
  const ignore = compounds.size ? new Set([...OVERVIEW_TOKENS].filter((t) => !compounds.has(t))) : OVERVIEW_TOKENS;
  return weighQuery(english ? { ja: [], en: terms.en } : terms, { ja: ctx.bm25, ...(ctx.bm25En ? { en: ctx.bm25En } : {}) }, ignore);
}

const JAPANESE_OVERVIEW_WORDS = OVERVIEW_WORDS.filter((w) => !/^[a-z]/.test(w));
/** A kanji word right after another kanji is the end of a compound noun (労使|関係, 雇用|効果), not a word of its own. */
const compoundsOf = (text: string, w: string) => /^\p{Script=Han}/u.test(w) && new RegExp(`\\p{Script=Han}${w}`, 'u').test(text);
/** The question with the words that ask for an overview (or about its asking: 要するに, 筆者, "big picture") blanked out. */
export function topicText(question: string): string {
  let text = question;
  for (const w of JAPANESE_OVERVIEW_WORDS) text = text.replace(new RegExp(`(?<!\\p{Script=Han})${w}`, 'gu'), '、');
  return text.replace(/[A-Za-z][A-Za-z'’-]*/g, (w) => (tokenize(w).every((t) => OVERVIEW_TOKENS.has(t)) ? ' ' : w));
}


/** A summary asked for in few words. */
const BRIEF = /ざっくり|簡単に|手短|一言で|短く|かいつまんで|\bbrief(?:ly)?\b|\bquick(?:ly)?\b|\bin short\b|\bshort (?:summary|version)\b|\btl;?dr\b/i;

/** Most sentences one point of a summary quotes (more only when it joins more chapters or numbered sections). */
const MAX_PER_POINT = 3;
/** Points in a summary of the whole report when the reader names no number. */
const DEFAULT_POINTS = 4;
/** Sentences a summary of one chapter quotes when the reader names no number: a paragraph's worth. */
const CHAPTER_SENTENCES = 5;

/**
 * The key sentences of the report or of a named topic (the first of each point, a topic's most
 * relevant first), or undefined when the question names a topic that no section is about: what
 * a search for an overview puts first.
 */
export function overviewSentences(ctx: AnswerContext, analysis: QueryAnalysis, retrieval: Retrieval, q: WeightedQuery = topicQuery(ctx, analysis, topicTerms(ctx, analysis, retrieval))): Sentence[] | undefined {
  const points = overviewPoints(ctx, analysis, retrieval, q);
  if (!points) return undefined;
  if (points.every((p) => p.best === undefined)) return points.length > 1 ? points.map((p) => p.sentences[0]!) : points.flatMap((p) => p.sentences);
  // A topic's points are read in the report's order; a search puts the most relevant first: each
  // point's best sentence, then the rest of what the answer quotes.
  const byRank = [...points].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const best = byRank.map((p) => p.best ?? p.sentences[0]!);
  return [...best, ...byRank.flatMap((p) => p.sentences).filter((s) => !best.includes(s))];
}

/**
 * An overview as points: of the whole report, its chapters in order, split into the number of
 * points asked for (each point a run of whole chapters: each chapter's strongest key sentence,
 * then each numbered section's, then the next strongest, up to MAX_PER_POINT); its conclusion, the last chapter's key
 * sentences and the report's closing paragraph; of a named topic or an aspect (the risks), the
 * sentences that speak of it, across sections.
 */
export function overviewPoints(ctx: AnswerContext, analysis: QueryAnalysis, retrieval: Retrieval, q: WeightedQuery = topicQuery(ctx, analysis, topicTerms(ctx, analysis, retrieval))): OverviewPoint[] | undefined {
  const structure = structureOf(ctx);
  const { sections: sectionGroups, chapters: chapterGroups } = structure;
  // Only the topic's nouns: the verb a reader asks with (挙げて) must not pick the sentence that uses it.
  const named = usedByReport(ctx, q);
  // Across the report, what states a point; a word of the topic (a conclusion about farming) tips the balance.
  const rank = (scope: readonly Sentence[]) =>
    scope
      .map((s) => ({ s, score: keyness(s, structure, { opening: true, echo: 0, asides: false }) + coverage(named, s.tokens, s.enTokens) }))
      .sort((a, b) => b.score - a.score || a.s.order - b.s.order)
      .map((x) => x.s);
  const inOrder = (list: Sentence[]) => [...new Set(list)].sort((a, b) => a.order - b.order);
  const points = requestedPoints(analysis.focus);
  // A chapter named by its number (第2章, chapter 2) is summed up from its own sections.
  const chapter = chapterNamed(analysis.focus, chapterGroups);
  if (chapter) return [pointOf(ctx, [chapter], points ?? CHAPTER_SENTENCES, analysis.lang, rank)];
  // A named topic is gathered from every section that speaks of it; the conclusion on the
  // report's own subject (the bottom line for tourism, in a report on tourism) is the report's.
  const aspects = aspectsAsked(analysis.focus);
  const holder = aspects ? without(named, aspects.tokens) : named;
  if (!concludes(analysis.focus) || !namesSubject(holder, structure)) {
    const topical = topicPoints(ctx, { q: holder, ...(aspects ? { aspects } : {}) }, structure, analysis.lang, points);
    if (topical) return topical;
    if (q.total > 0 && !points && !concludes(analysis.focus)) return undefined;
  }
  if (chapterGroups.length === 0) return [];
  if (concludes(analysis.focus) && !points) {
    const lastChapter = chapterGroups.at(-1)!;
    const keys = sectionsOf(sectionGroups, lastChapter).map((g) => rank(g.sentences)[0]!);
    const conclusion = inOrder([...keys, ...structure.closingParagraph]);
    if (!ONE_SENTENCE.test(analysis.focus)) return [{ sentences: conclusion }];
    // In one sentence: the conclusion's sentence that says most of what the title names (what the shock means for China), the strongest first.
    const titled = (x: Sentence) => [...ctx.titleTokens].filter((t) => x.tokens.has(t)).length;
    const ranked = rank(conclusion);
    return [{ sentences: [...ranked].sort((a, b) => titled(b) - titled(a) || ranked.indexOf(a) - ranked.indexOf(b)).slice(0, 1) }];
  }
  const groups = partition(chapterGroups, Math.min(points ?? DEFAULT_POINTS, chapterGroups.length));
  // A summary asked for briefly (ざっくり, in short) keeps each point short: each chapter's key
  // sentence, up to MAX_PER_POINT; else every numbered section speaks.
  return groups.map((chapters) => pointOf(ctx, chapters, MAX_PER_POINT, analysis.lang, rank, !BRIEF.test(analysis.focus)));
}

/**
 * One point of a summary, a run of whole chapters: each section's key sentence, first each
 * chapter's strongest, so no chapter of the point goes unsaid; then the rest, strongest first,
 * until every titled section has spoken (a chapter's numbered sections each carry one of its
 * points; `everySection`) or `most` sentences, whichever is more.
 */
function pointOf(ctx: AnswerContext, chapters: readonly Group[], most: number, lang: QueryAnalysis['lang'], rank: (scope: readonly Sentence[]) => Sentence[], everySection = true): OverviewPoint {
  const { sections: sectionGroups } = structureOf(ctx);
  const sections = chapters.map((c) => sectionsOf(sectionGroups, c));
  // Each section's sentences, strongest first, ranked once.
  const ranked = new Map(sections.flat().map((g) => [g, rank(g.sentences)] as const));
  // A point of few sections fills up with its sections' next strongest sentences — ones that read
  // on their own: not a question the report asks itself, nor one pointing back (この目標は…).
  const standsAlone = (s: Sentence) => !s.antecedent && !ASKS_ITSELF.test(s.ja.trim()) && !TOPIC_POINTS_BACK.test(s.ja);
  // A section's key sentence, too, is the strongest that reads on its own, where one does.
  const key = new Map([...ranked].map(([g, list]) => [g, list.find(standsAlone) ?? list[0]!] as const));
  const keyOf = (g: Group) => key.get(g)!;
  const keys = sections.map((ss) => rank(ss.map(keyOf)));
  const firsts = keys.map((k) => k[0]!);
  // A chapter's opening paragraphs, where it has numbered sections, only lead into them.
  const titled = sections.flatMap((ss) => (ss.length > 1 ? ss.filter((g) => g.heading !== chapterOf(g.sentences[0]!)) : ss)).map(keyOf);
  // Taken in rounds, each section's next strongest in turn, so that one section's many strong
  // sentences do not crowd out another's.
  const next = sections.flat().map((g) => ranked.get(g)!.filter((s) => s !== keyOf(g) && standsAlone(s)));
  const seconds = Array.from({ length: Math.max(0, ...next.map((n) => n.length)) }, (_, round) => rank(next.flatMap((n) => n.slice(round, round + 1)))).flat();
  const rest = [...rank(titled), ...rank(keys.flatMap((k) => k.slice(1))), ...seconds].filter((s) => !firsts.includes(s));
  const room = Math.max(most, firsts.length, everySection ? titled.length : 0);
  const chosen = [...new Set([...firsts, ...rest])].slice(0, room);
  // A sentence pointing back (こうした評判から…) reads on from its antecedent once that is quoted: it fills room left.
  for (const s of rank(sections.flat().flatMap((g) => ranked.get(g)!.slice(1)))) {
    if (chosen.length >= room) break;
    if (s.antecedent && chosen.includes(s.antecedent) && !chosen.includes(s) && !ASKS_ITSELF.test(s.ja.trim())) chosen.push(s);
  }
  return { label: chapters.map((c) => chapterTitle(c, lang, ctx)).join(' / '), sentences: [...chosen].sort((a, b) => a.order - b.order) };
}

/** Share of two titles' words they have in common. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / Math.max(1, a.size + b.size - shared);
}

/**
 * Chapters in `n` runs, in order: neighbouring chapters whose titles say the most alike (機会と脅威
 * for the economy, 機会と脅威 abroad) become one point, until there are `n`.
 */
export function partition<T extends { title: { tokens: ReadonlySet<string> } }>(chapters: readonly T[], n: number): T[][] {
  const runs = chapters.map((c) => [c]);
  const tokens = (run: T[]) => new Set(run.flatMap((c) => [...c.title.tokens]));
  while (runs.length > Math.max(1, n)) {
    let best = 0;
    let bestScore = -1;
    for (let i = 0; i + 1 < runs.length; i++) {
      // Alike titles first; between equals, the shorter pair (the opening chapter and the next).
      const score = overlap(tokens(runs[i]!), tokens(runs[i + 1]!)) - (runs[i]!.length + runs[i + 1]!.length) * 1e-3;
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    runs.splice(best, 2, [...runs[best]!, ...runs[best + 1]!]);
  }
  return runs;
}

const KATAKANA_WORD = /^[\p{Script=Katakana}ー]{3,}$/u;

/** Only the words the report uses: one it never uses cannot point to any section, and only dilutes those that do. */
function usedByReport(ctx: AnswerContext, q: WeightedQuery): WeightedQuery {
  // The pieces of a katakana word the report uses (リス, スク of リスク) find nothing the word does not: they count through it, once.
  const words = [...q.ja.keys()].filter((t) => KATAKANA_WORD.test(t) && ctx.bm25.docFrequency(t) > 0);
  const piece = (t: string) => [...t].length === 2 && words.some((w) => w !== t && w.includes(t));
  // A topic is named by nouns (a verb such as 挙げる is how the question asks, not what about).
  const ja = [...q.ja].filter(([t]) => NOUN.test(t) && !piece(t) && ctx.bm25.docFrequency(t) > 0);
  const en = [...q.en].filter(([t]) => NOUN.test(t) && (ctx.bm25En?.docFrequency(t) ?? 0) > 0);
  return withTerms(ja, en);
}

function withTerms(ja: [string, number][], en: [string, number][]): WeightedQuery {
  const total = [...ja, ...en].reduce((x, [, w]) => x + w, 0);
  return { ja: new Map(ja), en: new Map(en), total, unseen: 0, unseenTerms: 0 };
}

/** The topic without some words (an aspect's: risk, 課題), which then say what about it, not which topic. */
const without = (q: WeightedQuery, drop: ReadonlySet<string>) => withTerms([...q.ja].filter(([t]) => !drop.has(t)), [...q.en].filter(([t]) => !drop.has(t)));
