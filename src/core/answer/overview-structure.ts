/**
 * The report's structure as overviews read it: its sections and chapters (each with its title's
 * and text's tokens), the sentences that open and close them, and how strongly a sentence states
 * a point. Fixed for a report, so made once. Web APIs only.
 */
import { renderingOf } from '../ingest/edition';
import { tokenize } from '../search/tokenize';
import type { AnswerContext } from './context';
import type { Sentence } from './sentences';

/** Sentences that state a judgement or a conclusion (Japanese report prose). */
const CONCLUSION = /(だろう|といえる|といえよう|必要だ|必要がある|求められる|焦点となる|ということだ|課題となる|重要なのは|期待される|可能性が(ある|高い)|かもしれない|恐れ|迫られている|ない)。$/;
/** A question the report asks itself (…だろうか。) frames a point; it makes none. */
const ASKS = /(?:だろうか|でしょうか|のか)[。？?]$|\?$/;
/** A sentence that opens with a caveat or an aside (もっとも、なお、) qualifies the point before it rather than states one. */
const ASIDE = /^(?:もっとも|なお|ただし)、/;
/** An aside's judgement (…かもしれない) is about its caveat, not the section's point: it counts for nothing. */
const ASIDE_COST = 1;

export interface Group {
  sentences: Sentence[];
  title: { tokens: ReadonlySet<string>; enTokens: ReadonlySet<string> };
  body: { tokens: ReadonlySet<string>; enTokens: ReadonlySet<string> };
}

export interface Structure {
  sections: Group[];
  chapters: Group[];
  /** The last sentence of each section. */
  closing: ReadonlySet<Sentence>;
  /** The first sentence of each section: where it states its point. */
  opening: ReadonlySet<Sentence>;
  /** The report's last body sentence. */
  last: Sentence | undefined;
  /** The report's closing paragraph (its last three sentences at most). */
  closingParagraph: Sentence[];
}

export const chapterOf = (s: Sentence) => s.passage.section.split(' › ')[0] ?? '';

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
export function keyness(s: Sentence, structure: Pick<Structure, 'closing' | 'opening' | 'last'>, openingCounts: boolean): number {
  const { closing, opening, last } = structure;
  return (CONCLUSION.test(s.ja.trim()) ? 1 : 0) + (s.lead ? 0.5 : 0) + (openingCounts && opening.has(s) ? 0.5 : 0) + (closing.has(s) ? 0.6 : 0) + (s === last ? 1 : 0) - (ASKS.test(s.ja.trim()) ? 1 : 0) - (ASIDE.test(s.ja.trim()) ? ASIDE_COST : 0);
}

/** The sections of a chapter, in order (its opening paragraphs one of them). */
export function sectionsOf(sections: readonly Group[], chapter: Group): Group[] {
  const out = sections.filter((g) => g.sentences.every((s) => chapter.sentences.includes(s)));
  return out.length ? out : [chapter];
}

/** A heading in the answer's language, without its number. */
export function headingIn(title: string, lang: 'ja' | 'en', ctx: AnswerContext): string {
  const named = lang === 'en' && ctx.edition ? (renderingOf(ctx.edition, title) ?? title) : title;
  return named.replace(/^\s*\d+\s*(?:――|—|-|\.|｜|\|)\s*/u, '').trim();
}

/** A chapter's title in the answer's language, without its number. */
export const chapterTitle = (chapter: Group, lang: 'ja' | 'en', ctx: AnswerContext) => headingIn(chapterOf(chapter.sentences[0]!), lang, ctx);

const groupsCache = new WeakMap<AnswerContext['sentences'], Structure>();
/** Sections and chapters with their titles' and texts' tokens, and the sentences that close them. */
export function structureOf(ctx: AnswerContext): Structure {
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
    const body = ctx.sentences.all.filter((s) => s.passage.kind === 'body');
    const opening = body.findLastIndex((s) => s.lead);
    g = {
      sections,
      chapters: bySection(ctx.sentences.all, chapterOf).map((ss) => group(ss, chapterOf(ss[0]!))),
      closing: new Set(sections.map((x) => x.sentences.at(-1)!)),
      opening: new Set(sections.map((x) => x.sentences[0]!)),
      last: body.at(-1),
      closingParagraph: body.slice(opening >= 0 ? Math.max(opening, body.length - 3) : body.length - 1),
    };
    groupsCache.set(ctx.sentences, g);
  }
  return g;
}
