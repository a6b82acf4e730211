/**
 * What 「もっと詳しく」 / "more" adds to what an answer showed: the sentences of the same sections
 * that speak of the same thing. Web APIs only.
 */
import { ANNOUNCES, ASKS_ITSELF, OPENS_NEW_POINT, type Sentence, type SentenceIndex } from './sentences';

/** A sentence that turns to another topic ("besides this"), unlike one set against the last (他方、…). */
const TURNS_TO_ANOTHER = /^(?:このほか|そのほか|その他|ほかにも|besides|apart from (?:this|that))/i;

/** Most sentences "more" adds. */
const MORE_SENTENCES = 3;
const TOPIC_TOKEN = /^(?:[\p{Script=Han}々]{2,}|[\p{Script=Katakana}ー]{2,}|[a-z][a-z0-9-]{2,})$/u;

/**
 * The sentences of the sections an answer quoted that speak of the same thing (share a word of it
 * the report does not use everywhere): those it skipped between the ones it quoted first, then
 * those that follow, then those that led up to it — so "more" on a town's harbour stays on the
 * harbour instead of running on into the next paragraph's topic. Sentences `seenBefore` (an
 * earlier answer showed them) are not added again; where the conversation's question is `asked`
 * (its tokens), sentences naming its rarer words come first.
 */
export function moreAbout(shown: readonly Sentence[], index: SentenceIndex, common: (token: string) => boolean, seenBefore: (s: Sentence) => boolean = () => false, asked: readonly string[] = []): Sentence[] {
  if (shown.length === 0) return [];
  const topic = new Set(shown.flatMap((s) => [...s.plain.tokens]).filter((t) => TOPIC_TOKEN.test(t) && !common(t)));
  // A body sentence's neighbours are its section's; a footnote's, its own footnote's.
  const place = (s: Sentence) => (s.passage.kind === 'footnote' ? s.passage.id : `${s.passage.kind}\u0000${s.passage.section}`);
  // Each place an answer quoted from (an overview quotes several sections) is read on from its own
  // last sentence shown, and back from its own first: the nearest first, whichever section it is in.
  const span = new Map<string, { first: number; last: number }>();
  for (const s of shown) {
    const at = span.get(place(s));
    span.set(place(s), { first: Math.min(at?.first ?? s.order, s.order), last: Math.max(at?.last ?? s.order, s.order) });
  }
  // A question the report asks itself (…だろうか。) or a sentence announcing what follows frames what comes next; it says nothing more.
  const frames = (s: Sentence) => ASKS_ITSELF.test(s.ja.trim()) || ANNOUNCES.test(s.ja.trim());
  // What an earlier answer of the conversation showed here is not "more" either.
  const readHere = new Set(index.all.filter((s) => span.has(place(s)) && !shown.includes(s) && seenBefore(s)));
  const unshown = index.all.filter((s) => !shown.includes(s) && span.has(place(s)) && !frames(s) && !readHere.has(s));
  // What speaks of the same thing; where nothing does (an overview quotes sections whose shared words
  // are the report's own), what the same sections say next.
  const onTopic = unshown.filter((s) => [...s.plain.tokens].some((t) => topic.has(t)));
  // Once the conversation has read on here before, what is left off the topic is another topic.
  const readOnBefore = readHere.size > 0;
  const wide = onTopic.length > 0 ? onTopic : readOnBefore ? [] : unshown;
  // The conversation's own question keeps "more" on what it asked (不動産不況 and AI), not on a
  // word the last answer happened to use: once it has read on, only sentences naming it are more.
  const anchors = new Set(asked.filter((t) => TOPIC_TOKEN.test(t) && !common(t)));
  const anchored = wide.filter((s) => [...s.plain.tokens, ...s.plain.enTokens].some((t) => anchors.has(t)));
  const near = anchors.size === 0 ? wide : anchored.length > 0 ? anchored : readOnBefore ? [] : wide;
  const distance = (s: Sentence, side: 'after' | 'before') => (side === 'after' ? s.order - span.get(place(s))!.last : span.get(place(s))!.first - s.order);
  // "Besides this" (このほか、…) turns to another topic: reading on stops there, in each place.
  const turn = new Map<string, number>();
  for (const s of unshown) if (distance(s, 'after') > 0 && TURNS_TO_ANOTHER.test(s.ja.trim()) && s.order < (turn.get(place(s)) ?? Infinity)) turn.set(place(s), s.order);
  const after = near.filter((s) => distance(s, 'after') > 0 && s.order < (turn.get(place(s)) ?? Infinity)).sort((a, b) => distance(a, 'after') - distance(b, 'after') || a.order - b.order);
  const before = near.filter((s) => distance(s, 'before') > 0).sort((a, b) => distance(a, 'before') - distance(b, 'before') || b.order - a.order);
  // What an answer skipped between the sentences it quoted from one section comes first, each only
  // right after a sentence the reader has seen, so that none opens on a そうした or "such" they never read.
  const seen = new Set([...shown, ...readHere]);
  const between: Sentence[] = [];
  for (const s of near.filter((x) => distance(x, 'after') < 0 && distance(x, 'before') < 0).sort((a, b) => a.order - b.order)) {
    const previous = index.all[s.order - 1];
    if (previous && seen.has(previous)) seen.add(s), between.push(s);
  }
  const more: Sentence[] = [];
  for (const s of [...between, ...after, ...before]) {
    if (more.length >= MORE_SENTENCES) break;
    if (more.includes(s)) continue;
    // A sentence set against the one before it (他方、…, On the other hand, …) comes with that one, or not at all.
    const previous = index.all[s.order - 1];
    if (OPENS_NEW_POINT.test(s.ja.trim()) && previous && !seen.has(previous) && !more.includes(previous)) {
      if (!near.includes(previous) || more.length + 2 > MORE_SENTENCES) continue;
      more.push(previous);
    }
    more.push(s);
  }
  // Nothing more in a footnote: the claim in the body that cites it.
  if (more.length === 0) more.push(...new Set(shown.filter((s) => s.passage.kind === 'footnote').map((s) => s.antecedent).filter((a): a is Sentence => a !== undefined && !shown.includes(a) && !seenBefore(a))));
  // The sections shown are read out: where else the report speaks of what the conversation asked
  // (不動産不況 in another chapter), in sentences that read on their own, most of its words first.
  if (more.length === 0 && anchors.size > 0) more.push(...elsewhere(index, anchors, (s) => shown.includes(s) || seenBefore(s) || frames(s)));
  return more.sort((a, b) => a.order - b.order);
}

function elsewhere(index: SentenceIndex, anchors: ReadonlySet<string>, skip: (s: Sentence) => boolean): Sentence[] {
  const named = (s: Sentence) => [...anchors].filter((t) => s.plain.tokens.has(t) || s.plain.enTokens.has(t)).length;
  return index.all
    // Another section speaks of it when a sentence names at least half its words (法制度 shares one word with 戸籍制度, and is another topic).
    .filter((s) => s.passage.kind === 'body' && !s.antecedent && !OPENS_NEW_POINT.test(s.ja.trim()) && named(s) >= Math.max(1, anchors.size / 2) && !skip(s))
    .sort((a, b) => named(b) - named(a) || a.order - b.order)
    .slice(0, MORE_SENTENCES);
}
