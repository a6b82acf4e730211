/**
 * An overview of a topic (the main risks, 漁業への影響, what companies should do): the sentences
 * that speak of the topic, gathered across every section — a topic spans sections — each
 * section's strongest first, in the report's order, each point under its section's heading.
 * A sentence speaks of the topic by its own words (in either edition) and by the headings it
 * stands under; among those, the ones that state a point are preferred. Web APIs only.
 */
import type { Lang } from '../types';
import type { AnswerContext } from './context';
import { tokenize } from '../search/tokenize';
import { renderingOf } from '../ingest/edition';
import { chapterOf, headingIn, keyness, type Group, type Structure } from './overview-structure';
import { speaksOf, type Aspects } from './aspects';
import { coverage, type WeightedQuery } from './read';
import { ASKS_ITSELF, type Sentence } from './sentences';

/** One point of an overview: key sentences, under the heading of the part they come from. */
export interface OverviewPoint {
  label?: string;
  sentences: Sentence[];
  /** How far down its relevance to the question puts it (0 first), where points are in the report's order for another reason. */
  rank?: number;
  /** Its sentence that speaks most to the question, where the sentences are in the report's order. */
  best?: Sentence;
}

/** How much more a section's heading says about its topic than its sentences' words. */
const HEADING_WEIGHT = 2;
/** The chapter's heading above a section speaks for it as much as the section's own words do. */
const CHAPTER_WEIGHT = 1;
/** A section speaks of the topic when it says at least half what the section that says most does. */
const ON_TOPIC = 0.5;
/** How much more a sentence's words on the topic count than its being a key sentence. */
const TOPIC_WEIGHT = 2;
/**
 * A word in every section names the report's subject (the port in a report on a port), not a
 * topic within it: its weight falls by this share times the share of sections that use it.
 */
const SUBJECT_DISCOUNT = 0.75;
/** A sentence that repeats its whole heading states the point the section was chosen for: as much as a judgement and an opening together. */
const ECHO_WEIGHT = 2;
/** A topic keeping no more than half its weight once discounted as the subject is the report's subject. */
const SUBJECT_SHARE = 0.5;
/** Most points (sections) a topic overview makes: several, still one screen. */
const MAX_POINTS = 5;
/** Sentences a point quotes when there is room: its statement and the one that carries it further. */
const PER_POINT = 2;
/** Most sentences in all: six points' worth of reading. */
const MAX_SENTENCES = 6;
/** A topic word its section's headings already say still marks the sentence that speaks of it, at half weight. */
const HEADING_WORD_SHARE = 0.5;

/** What an overview of a topic is about: the topic's words (weighted) and the aspects of it asked for. */
export interface Topic {
  q: WeightedQuery;
  aspects?: Aspects;
}

interface Scored {
  s: Sentence;
  section: Group;
  score: number;
}

/**
 * The points of an overview of a topic (`limit` of them, one sentence each, when the reader asks
 * for a number): the sections that speak of it most, by their headings first, each section's
 * strongest sentence on it, then a second from the most relevant while there is room; in the
 * report's order. Undefined when no section of the body speaks of it (or of the aspect asked for).
 */
export function topicPoints(ctx: AnswerContext, topic: Topic, structure: Structure, lang: Lang, limit?: number): OverviewPoint[] | undefined {
  const { aspects } = topic;
  if (aspects) structure = { ...structure, sections: uncontrasted(ctx, topic.q, aspects, structure.sections) };
  // An aspect of the subject the report's title names (the risks for the country a report is about)
  // is the aspect across the report: the subject's name narrows nothing.
  const q = aspects && titleSubject(ctx, topic.q, structure) ? NO_TOPIC : withoutSubject(topic.q, structure.sections);
  if (q.total === 0 && !aspects) return undefined;
  // The aspect asked for (risks, challenges) counts as much as what it is asked of (the town's economy).
  const aspectWeight = aspects ? (q.total > 0 ? q.total : 1) : 0;
  // The aspect counts where the topic is named with it: a heading on one town's challenges says
  // nothing of another's. A section's heading names it with its chapter's (負の影響 under 中国経済への脅威).
  const cover = (text: Tokens, under?: Tokens) => {
    const found = coverage(q, text.tokens, text.enTokens) * q.total;
    const named = found > 0 || (under !== undefined && coverage(q, under.tokens, under.enTokens) > 0);
    const aspect = aspects && (q.total === 0 || named) && speaksOf(aspects, text.tokens, text.enTokens) ? aspectWeight : 0;
    return (found + aspect) / (q.total + aspectWeight);
  };
  // A section's own heading says what it is about; its chapter's, what the part it belongs to is
  // about, and whom the section speaks of, unless its siblings' headings are parallel (each names its own).
  const parallel = parallelChapters(structure.sections);
  const inherits = (g: Group) => (parallel.has(chapterOf(g.sentences[0]!)) ? undefined : g.above);
  const relevance = new Map(structure.sections.map((g) => [g, HEADING_WEIGHT * cover(g.title, inherits(g)) + CHAPTER_WEIGHT * cover(g.above) + cover(g.body)]));
  const best = Math.max(0, ...relevance.values());
  if (best === 0) return undefined;
  const on = structure.sections.filter((g) => relevance.get(g)! >= ON_TOPIC * best).sort((a, b) => relevance.get(b)! - relevance.get(a)!);
  // An aspect asked for (the risks) is what the answer lists: a sentence speaks of it, or stands under a heading that does.
  const speaks = (s: Sentence, g: Group) => !aspects || speaksOf(aspects, s.tokens, s.enTokens) || speaksOf(aspects, g.title.tokens, g.title.enTokens);
  // Within a section on the topic, the sentences that state its point; the topic's words tip the
  // balance, those its headings already say (where the sentence stands) at a lesser weight.
  const candidates = on.map((section) => {
    const said = (s: Sentence) => {
      let found = aspects && speaksOf(aspects, s.tokens, s.enTokens) ? aspectWeight : 0;
      const weigh = (w: number, headed: boolean) => (found += headed ? HEADING_WORD_SHARE * w : w);
      for (const [t, w] of q.ja) if (s.tokens.has(t)) weigh(w, section.title.tokens.has(t) || section.above.tokens.has(t));
      for (const [t, w] of q.en) if (s.enTokens.has(t)) weigh(w, section.title.enTokens.has(t) || section.above.enTokens.has(t));
      return found / (q.total + aspectWeight);
    };
    // A section found by its text, not its headings, speaks of the topic only in the sentences that
    // name it: those saying at least ON_TOPIC of what its sentence saying most does.
    const headed = q.total === 0 || cover(section.title) > 0 || cover(section.above) > 0;
    const most = headed ? 0 : Math.max(0, ...section.sentences.map(said));
    return section.sentences
      // A question the report asks itself (…どう向き合えばよいだろうか) frames a point; it makes none.
      .filter((s) => speaks(s, section) && !ASKS_ITSELF.test(s.ja.trim()) && (headed || (most > 0 && said(s) >= ON_TOPIC * most)))
      .map((s) => ({ s, section, score: keyness(s, structure, { opening: true, echo: ECHO_WEIGHT, asides: true }) + TOPIC_WEIGHT * said(s) }))
      .sort((a, b) => b.score - a.score || a.s.order - b.s.order);
  });
  // A section none of whose sentences speaks of the aspect asked for makes no point.
  const ranked = candidates.filter((r) => r.length > 0).slice(0, limit ?? MAX_POINTS);
  const points = ranked.map((r) => r[0]!.section);
  // One sentence from each point, then a second from the most relevant ones, while there is room.
  // A topic one section holds whole is answered with more of that section: its points, not a sample.
  const budget = limit ?? (points.length === 1 ? MAX_SENTENCES : Math.min(MAX_SENTENCES, PER_POINT * points.length));
  const chosen: Scored[] = [];
  for (let round = 0; chosen.length < budget && ranked.some((r) => r.length > round); round++)
    for (const r of ranked) if (chosen.length < budget && r[round]) chosen.push(r[round]!);
  if (chosen.length === 0) return undefined;
  const sections = structure.sections.filter((g) => chosen.some((x) => x.section === g));
  const inOrder = (list: Scored[]) => list.map((x) => x.s).sort((a, b) => a.order - b.order);
  if (sections.length < 2) return [{ sentences: inOrder(chosen), best: chosen[0]!.s }];
  return sections.map((g) => {
    const own = chosen.filter((x) => x.section === g);
    return { label: headingIn(g.heading, lang, ctx), sentences: inOrder(own), rank: on.indexOf(g), best: own[0]!.s };
  });
}

type Tokens = { tokens: ReadonlySet<string>; enTokens: ReadonlySet<string> };

const NO_TOPIC: WeightedQuery = { ja: new Map(), en: new Map(), total: 0, unseen: 0, unseenTerms: 0 };

/** Whether a topic is the report's subject as its title names it, in either edition (中国, China in a report on what something means for China). */
function titleSubject(ctx: AnswerContext, q: WeightedQuery, structure: Structure): boolean {
  const title = new Set([...ctx.titleTokens, ...tokenize(ctx.edition?.title ?? '')]);
  const words = [...q.ja.keys(), ...q.en.keys()];
  return words.length > 0 && words.every((t) => title.has(t)) && namesSubject(q, structure);
}

/** A heading's main clause: what stands before its subtitle (中国にとっての課題 ： 生成AIの…, Challenges for Japan: …). */
const mainClause = (heading: string) => heading.split(/[：:]/u)[0]!;

/**
 * The sections to read for an aspect of a topic: all but those whose own heading names the aspect
 * of another subject beside a sibling's naming it of the topic (日本にとっての課題 beside
 * 中国にとっての課題, for China's challenges). Elsewhere the aspect is gathered across sections.
 */
function uncontrasted(ctx: AnswerContext, q: WeightedQuery, aspects: Aspects, sections: readonly Group[]): Group[] {
  // 1 when a heading's main clause names the aspect with the topic, -1 with other words only, 0 without the aspect.
  const names = (title: string) => {
    const ja = new Set(tokenize(mainClause(title)));
    const en = new Set(tokenize(mainClause(renderingOf(ctx.edition, title) ?? '')));
    if (!speaksOf(aspects, ja, en)) return 0;
    return [...q.ja.keys(), ...q.en.keys()].some((t) => ja.has(t) || en.has(t)) ? 1 : -1;
  };
  const chapter = (g: Group) => chapterOf(g.sentences[0]!);
  // A chapter's own opening paragraphs stand under its heading, not a section's of their own.
  const own = new Map(sections.map((g) => [g, g.heading !== chapter(g) ? names(g.heading) : 0]));
  const headed = new Set(sections.filter((g) => own.get(g) === 1).map(chapter));
  return sections.filter((g) => !(own.get(g) === -1 && headed.has(chapter(g))));
}

/** The word a heading's main clause ends on (課題 in 中国にとっての課題, challenges in "Key challenges"). */
const HEAD_WORD = /([\p{Script=Han}\p{Script=Katakana}ー]+|[\p{Script=Latin}]+)[^\p{Script=Han}\p{Script=Katakana}ー\p{Script=Latin}]*$/u;

/**
 * Chapters whose sections' headings are parallel: two of them end their main clause on the same
 * word (中国にとっての課題, 日本にとっての課題), so each names whom it is about and none speaks for the others.
 */
function parallelChapters(sections: readonly Group[]): Set<string> {
  const out = new Set<string>();
  const seen = new Map<string, Set<string>>();
  for (const g of sections) {
    const chapter = chapterOf(g.sentences[0]!);
    const head = HEAD_WORD.exec(mainClause(g.heading).trim())?.[1]?.toLowerCase();
    if (g.heading === chapter || !head) continue;
    const before = seen.get(chapter) ?? new Set<string>();
    if (before.has(head)) out.add(chapter);
    seen.set(chapter, before.add(head));
  }
  return out;
}

/** Whether a topic is only the report's subject: most of its weight is in words nearly every section uses (or it names nothing). */
export function namesSubject(q: WeightedQuery, structure: Structure): boolean {
  return withoutSubject(q, structure.sections).total <= SUBJECT_SHARE * q.total;
}

/** The topic's words, each weighed down by how many sections use it (see SUBJECT_DISCOUNT). */
function withoutSubject(q: WeightedQuery, sections: readonly Group[]): WeightedQuery {
  const spread = (has: (g: Group) => boolean) => sections.filter(has).length / Math.max(1, sections.length);
  const ja = [...q.ja].map(([t, w]) => [t, w * (1 - SUBJECT_DISCOUNT * spread((g) => g.body.tokens.has(t)))] as [string, number]);
  const en = [...q.en].map(([t, w]) => [t, w * (1 - SUBJECT_DISCOUNT * spread((g) => g.body.enTokens.has(t)))] as [string, number]);
  const total = [...ja, ...en].reduce((x, [, w]) => x + w, 0);
  return { ja: new Map(ja), en: new Map(en), total, unseen: q.unseen, unseenTerms: q.unseenTerms };
}
