/**
 * Whether a question is about something the report does not discuss, judged on the words it
 * names: shared by fact and overview answers, so "what does the report say about football?" is
 * declined like "how big is football in China?". Web APIs only.
 */
import { ENGLISH_STOP_WORDS, stem } from '../search/tokenize';
import type { AnswerContext } from './context';
import { unknownCapitalised, unknownModifier } from './names';
import { SOURCE_WORDS, type QueryAnalysis } from './question';
import type { WeightedQuery } from './read';

/** Most of a question's weight in words the report never uses. */
export const MOSTLY_UNSEEN = 0.7;

/** Is an English word used by the report, its edition, a synonym or the lexicon? */
function knownEnglish(ctx: AnswerContext): (s: string) => boolean {
  return (s) => (ctx.bm25En?.docFrequency(s) ?? 0) > 0 || Boolean(ctx.synonyms?.en.has(s)) || ctx.bm25.docFrequency(s) > 0 || Boolean(ctx.lexicon?.entries.has(s));
}

/** Names the report never uses carrying this share of a question make it a question about something else. */
export const ABSENT_NAMES_SHARE = 0.25;

/**
 * The share of an English question's weight these stems carry: weighed on the English edition,
 * or without one on the terms the question searches the report with.
 */
function englishShare(ctx: AnswerContext, q: WeightedQuery, stems: readonly string[]): number {
  const weights = ctx.bm25En ? q.en : q.ja;
  const total = [...weights.values()].reduce((x, y) => x + y, 0);
  return total === 0 ? 0 : stems.reduce((sum, s) => sum + (weights.get(s) ?? 0), 0) / total;
}

/** Places, people or brands the report never names (Samsung's Galaxy, the Paris Olympics) carry much of an English question. */
export function namesAbsentParty(ctx: AnswerContext, analysis: QueryAnalysis, q: WeightedQuery): boolean {
  if (analysis.lang !== 'en') return false;
  return englishShare(ctx, q, unknownCapitalised(analysis.focus, knownEnglish(ctx)).map(stem)) >= ABSENT_NAMES_SHARE;
}

const SOURCE_STEMS = new Set(SOURCE_WORDS.map((w) => stem(w.toLowerCase())));

/**
 * The thing an English question ends on — its object, usually what it is about (renew a
 * **passport**, a recipe for **broth**) — is a word the report never uses, and weighs in the
 * question: it asks about something else. A yes/no question may end on a judgement (…hostile?),
 * so it is left to the other checks.
 */
export function endsOnAbsentThing(ctx: AnswerContext, analysis: QueryAnalysis, q: WeightedQuery): boolean {
  if (analysis.lang !== 'en' || analysis.expected.type === 'yesno' || analysis.wantsSource) return false;
  const words = analysis.focus.normalize('NFKC').replace(/[^A-Za-z0-9\s'’-]/g, ' ').split(/\s+/).filter((w) => w && !ENGLISH_STOP_WORDS.has(w.toLowerCase()));
  const last = words.at(-1)?.replace(/['’]s$/, '').toLowerCase();
  if (!last || /^\d/.test(last)) return false;
  const s = stem(last);
  if (SOURCE_STEMS.has(s) || knownEnglish(ctx)(s)) return false;
  return englishShare(ctx, q, [s]) >= ABSENT_NAMES_SHARE;
}

/**
 * An overview of a topic (what does it say about X?) the report does not discuss: X is mostly
 * words it never uses, names a party it never mentions, or is a kind of a thing it discusses
 * only in general ("coffee exports" where it writes of exports).
 */
export function overviewOfAbsentTopic(ctx: AnswerContext, analysis: QueryAnalysis, q: WeightedQuery): boolean {
  if (q.total === 0) return false;
  if (namesAbsentParty(ctx, analysis, q) || endsOnAbsentThing(ctx, analysis, q)) return true;
  if (analysis.lang === 'ja' || !ctx.bm25En) return onlyUnseenNouns(ctx, q);
  if (q.unseen >= MOSTLY_UNSEEN) return true;
  return unknownModifier(analysis.focus, knownEnglish(ctx)) !== undefined;
}

/** Words of two or more kanji or katakana: what a Japanese question names (inflected verbs and particles aside). */
const NOUN = /^(?:\p{Script=Han}{2,}|[\p{Script=Katakana}ー]{2,})$/u;

/**
 * A Japanese topic the report does not discuss: it names things, and the report uses none of them.
 * (Unseen share alone misleads in Japanese: a question's verbs and their bigrams are often unseen.)
 */
function onlyUnseenNouns(ctx: AnswerContext, q: WeightedQuery): boolean {
  const nouns = [...q.ja.keys()].filter((t) => NOUN.test(t));
  return nouns.length > 0 && nouns.every((t) => ctx.bm25.docFrequency(t) === 0);
}
