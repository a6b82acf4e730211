/**
 * Look-ahead decisions of the line scanner that need more than one line: where a footnote
 * area opens, whether a footnote cut at a page bottom goes on in the next page's area,
 * whether a heading goes on in the next line, and how far a figure caption or the closing
 * notice reaches.
 */
import { sourceLine, type SourceLine } from './parse-join';
import type { Layout } from './parse-layout';
import { figureCredit, figureLabel, figureNote, footnoteNumber, hasTrailingSpace, headingLevel, isRule, pageStart, sentenceEnd } from './parse-layout';
import type { RawFootnote } from './parse-lines';
import { mentionsMarker } from './parse-markers';

/** What the scanner knows when it asks. */
export interface AreaContext {
  raw: readonly string[];
  layout: Layout;
  lastFootnote: RawFootnote | undefined;
  page: number;
  /** Body text read since the last footnote started: the markers of the next area are in it. */
  bodySinceFootnote: string;
  /** The last thing read was a body line (not a heading, a figure or a footnote). */
  afterBody: boolean;
  fullWidth: boolean;
}

/** A footnote continued from the previous page takes only a few lines before the next one. */
const maxContinuationLines = 8;
/** The rest of a heading that ran over its line is short. */
const maxHeadingTail = 40;
/** How many lines after a figure label may hold its title, chart labels and notes before the credit. */
const figureLookahead = 30;

/** The footnote number when raw line `i` opens a footnote area, else undefined. */
export function opensFootnoteArea(ctx: AreaContext, i: number): number | undefined {
  const fn = footnoteNumber(ctx.raw[i]?.trim() ?? '');
  if (!fn || !isRule(ctx.raw, i - 1, ctx.layout)) return undefined;
  const expected = (ctx.lastFootnote?.n ?? 0) + 1;
  if (fn.n < expected) return undefined;
  // An empty line is a weak rule, and a number past the expected one means a footnote was
  // lost: then the body above must show the marker. Taking the later footnote keeps one lost
  // footnote (reported as missing) from taking every later one with it.
  const needsMarker = !ctx.layout.spaceRules || fn.n > expected;
  return needsMarker && !mentionsMarker(ctx.bodySinceFootnote, fn.n, ctx.fullWidth || fn.fullWidth) ? undefined : fn.n;
}

/**
 * Whether the rule at raw line `i` opens the rest of the last footnote: that footnote began on
 * an earlier page, the rule follows body text, and a few unnumbered lines follow it, then the
 * next footnote. When a page start or the end of the text comes instead, the last footnote's
 * last line must also have been cut (no trailing space).
 */
export function continuesFootnote(ctx: AreaContext, i: number): boolean {
  const last = ctx.lastFootnote;
  const lastLine = last?.lines.at(-1);
  if (!last || !lastLine || last.page >= ctx.page || !ctx.afterBody) return false;
  let lines = 0;
  for (let j = i + 1; j < ctx.raw.length; j++) {
    const line = ctx.raw[j] ?? '';
    const content = line.trim();
    if (content === '') {
      if (isRule(ctx.raw, j, ctx.layout)) return false;
      continue;
    }
    if (footnoteNumber(content)?.n === last.n + 1 && !pageStart.test(line)) return lines > 0;
    if (pageStart.test(line)) return lines > 0 && !lastLine.trailingSpace;
    if (headingLevel(content) !== 0 || figureLabel.test(content) || ++lines > maxContinuationLines) return false;
  }
  return lines > 0 && !lastLine.trailingSpace;
}

/** Index of the line that completes the heading at raw line `i` (which lost its trailing space). */
export function continuesHeading(raw: readonly string[], i: number, layout: Layout): number | undefined {
  let j = i + 1;
  if (layout.doubleSpaced && raw[j] === '') j++;
  const line = raw[j];
  if (line === undefined || line.trim() === '' || pageStart.test(line) || !hasTrailingSpace(line)) return undefined;
  const content = line.trim();
  if (content.length > maxHeadingTail || sentenceEnd.test(content) || headingLevel(content) !== 0) return undefined;
  if (footnoteNumber(content) || figureLabel.test(content)) return undefined;
  return j;
}

const endsParagraph = (l: SourceLine) => l.trailingSpace && sentenceEnd.test(l.text);

/**
 * A figure caption starting at raw line `start`: the label, plus the lines up to a credit line
 * (`（資料）…`) on the same page, and notes right after it. Without a credit line before body
 * text, a heading or another figure, the label stands alone. Returns the caption and its last index.
 */
export function readFigure(raw: readonly string[], start: number, page: number): { lines: SourceLine[]; end: number } {
  const label = sourceLine(raw[start] ?? '', page);
  const between: SourceLine[] = [];
  for (let j = start + 1; j < raw.length && between.length < figureLookahead; j++) {
    const line = raw[j] ?? '';
    if (line.trim() === '') continue;
    if (pageStart.test(line)) break;
    const sl = sourceLine(line, page);
    if (figureCredit.test(sl.text)) {
      const lines = [label, ...between, sl];
      let end = j;
      for (let k = j + 1; k < raw.length; k++) {
        const next = raw[k] ?? '';
        if (next.trim() === '') continue;
        if (pageStart.test(next) || !figureNote.test(next.trim())) break;
        lines.push(sourceLine(next, page));
        end = k;
      }
      return { lines, end };
    }
    if (figureLabel.test(sl.text) || headingLevel(sl.text) !== 0 || (endsParagraph(sl) && !figureNote.test(sl.text))) break;
    between.push(sl);
  }
  return { lines: [label], end: start };
}

/** Index of the last line of the closing notice that starts at raw line `start`. */
export function disclaimerEnd(raw: readonly string[], start: number, layout: Layout): number {
  let end = start;
  for (let j = start + 1; j < raw.length; j++) {
    const line = raw[j] ?? '';
    const content = line.trim();
    if (content === '') {
      if (isRule(raw, j, layout)) break;
      continue;
    }
    if (pageStart.test(line) || headingLevel(content) !== 0 || figureLabel.test(content) || footnoteNumber(content)) break;
    end = j;
  }
  return end;
}
