/**
 * The report's structure as overviews read it: its sections and chapters (each with its title's
 * and text's tokens), the sentences that open and close them, and how strongly a sentence states
 * a point. Fixed for a report, so made once. Web APIs only.
 */
import { renderingOf } from '../ingest/edition';
import { tokenize } from '../search/tokenize';
import type { AnswerContext } from './context';
import { ASKS_ITSELF, type Sentence } from './sentences';
import { CHAPTER_NAMED } from './answer-types';

/** Sentences that state a judgement or a conclusion (Japanese report prose). */
export const CONCLUSION = /(だろう|といえる|といえよう|必要だ|必要がある|必要となる|求められる|焦点となる|ということだ|課題となる|重要なのは|期待される|可能性が(ある|高い)|かもしれない|恐れ|迫られている|ない)。$/;
/** A sentence that opens with a caveat or an aside (もっとも、なお、) qualifies the point before it rather than states one. */
const ASIDE = /^(?:もっとも|なお|ただし)、/;
/** An aside's judgement (…かもしれない) is about its caveat, not the section's point: it counts for nothing. */
const ASIDE_COST = 1;

export interface Group {
  sentences: Sentence[];
  /** Its own title (a section's last heading). */
  heading: string;
  title: { tokens: ReadonlySet<string>; enTokens: ReadonlySet<string> };
  /** The titles above its own (a section's chapter): what the part it belongs to is about. */
  above: { tokens: ReadonlySet<string>; enTokens: ReadonlySet<string> };
  body: { tokens: ReadonlySet<string>; enTokens: ReadonlySet<string> };
}

export interface Structure {
  sections: Group[];
  /** The section each body sentence stands in. */
  sectionOf: ReadonlyMap<Sentence, Group>;
  /** Share of its section heading's words a sentence repeats: the one that does states the section's point. */
  echo: ReadonlyMap<Sentence, number>;
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

/** A word of a heading: two kanji or more, a katakana word, a Latin word (not a kana ending or a bigram across words). */
export const NOUN = /^(?:[\p{Script=Han}々]{2,}|[\p{Script=Katakana}ー]{2,}|\p{Script=Latin}[\p{Script=Latin}\d.'-]*)$/u;

/**
 * How strongly a sentence states a point, independent of any question: a judgement, a paragraph's
 * or section's opening, a section's close. Repeating the heading counts (by `echo`) where the
 * section was chosen for its heading (an overview of a topic); across the report, the judgements carry. An
 * aside (なお、…の恐れにも留意が必要だ) is no point of the report's, but may be the risk a topic asks for.
 */
export function keyness(s: Sentence, structure: Pick<Structure, 'closing' | 'opening' | 'last' | 'echo'>, counts: { opening: boolean; echo: number; asides: boolean }): number {
  const { closing, opening, last } = structure;
  return counts.echo * (structure.echo.get(s) ?? 0) + (CONCLUSION.test(s.ja.trim()) ? 1 : 0) + (s.lead ? 0.5 : 0) + (counts.opening && opening.has(s) ? 0.5 : 0) + (closing.has(s) ? 0.6 : 0) + (s === last ? 1 : 0) - (ASKS_ITSELF.test(s.ja.trim()) ? 1 : 0) - (!counts.asides && ASIDE.test(s.ja.trim()) ? ASIDE_COST : 0);
}

/** The sections of a chapter, in order (its opening paragraphs one of them). */
export function sectionsOf(sections: readonly Group[], chapter: Group): Group[] {
  const out = sections.filter((g) => g.sentences.every((s) => chapter.sentences.includes(s)));
  return out.length ? out : [chapter];
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
const KANJI_DIGITS = '一二三四五六七八九';
/** A number written in kanji up to 99 (三, 十, 十二, 二十一). */
function kanjiNumber(text: string): number {
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
  const digit = (d: string | undefined) => KANJI_DIGITS.indexOf(d ?? '') + 1;
  return (text.includes('十') ? (tens ? digit(tens) : 1) * 10 : 0) + (ones ? digit(ones) : 0);
}
/** A heading's own number (2――…, 3. …, Chapter 2: …). */
const HEADING_NUMBER = /^\s*(?:chapter\s+)?(\d+)\s*(?:――|—|-|\.|｜|\||:|：|\s)/i;

/** The number of the chapter a question names (第2章, chapter two), if it names one. */
export function chapterAsked(question: string): number | undefined {
  const m = CHAPTER_NAMED.exec(question.normalize('NFKC'));
  if (!m) return undefined;
  const raw = (m[1] ?? m[2] ?? m[3])!.toLowerCase();
  return NUMBER_WORDS[raw] ?? (/^\d+$/.test(raw) ? Number(raw) : kanjiNumber(raw));
}

/** The chapters as a reader counts them: by the numbers their headings carry, or, where they carry none, the titled ones in order. */
export function numberedChapters(chapters: readonly Group[]): { n: number; chapter: Group }[] {
  const numbered = chapters.filter((c) => HEADING_NUMBER.test(c.heading));
  if (numbered.length > 0) return numbered.map((chapter) => ({ n: Number(HEADING_NUMBER.exec(chapter.heading)![1]), chapter }));
  return chapters.filter((c) => c.heading.trim() !== '').map((chapter, i) => ({ n: i + 1, chapter }));
}

/** The chapter a question names by its number, when the report has it. */
export function chapterNamed(question: string, chapters: readonly Group[]): Group | undefined {
  const n = chapterAsked(question);
  return n === undefined ? undefined : numberedChapters(chapters).find((c) => c.n === n)?.chapter;
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
    const tokensOf = (titles: string[]) => ({
      tokens: new Set(titles.flatMap((t) => tokenize(t))),
      enTokens: new Set(titles.flatMap((t) => tokenize(ctx.edition ? (renderingOf(ctx.edition, t) ?? '') : ''))),
    });
    const group = (sentences: Sentence[], path: string[]): Group => {
      const title = path.at(-1) ?? '';
      return {
        sentences,
        heading: title,
        title: tokensOf([title]),
        above: tokensOf(path.slice(0, -1)),
        body: { tokens: new Set(sentences.flatMap((s) => [...s.tokens])), enTokens: new Set(sentences.flatMap((s) => [...s.enTokens])) },
      };
    };
    const sections = bySection(ctx.sentences.all, (s) => s.passage.section).map((ss) => group(ss, ss[0]!.passage.section.split(' › ')));
    const body = ctx.sentences.all.filter((s) => s.passage.kind === 'body');
    const opening = body.findLastIndex((s) => s.lead);
    const sectionOf = new Map(sections.flatMap((x) => x.sentences.map((s) => [s, x] as const)));
    const echo = new Map<Sentence, number>();
    for (const x of sections) {
      const words = new Set(tokenize(x.heading).filter((t) => NOUN.test(t)));
      if (words.size > 0) for (const s of x.sentences) echo.set(s, [...words].filter((t) => s.tokens.has(t)).length / words.size);
    }
    g = {
      sections,
      sectionOf,
      echo,
      chapters: bySection(ctx.sentences.all, chapterOf).map((ss) => group(ss, [chapterOf(ss[0]!)])),
      closing: new Set(sections.map((x) => x.sentences.at(-1)!)),
      opening: new Set(sections.map((x) => x.sentences[0]!)),
      last: body.at(-1),
      closingParagraph: body.slice(opening >= 0 ? Math.max(opening, body.length - 3) : body.length - 1),
    };
    groupsCache.set(ctx.sentences, g);
  }
  return g;
}
