/**
 * First pass over PDF-extracted text: classify each printed line as body text, heading,
 * paragraph break, figure caption or footnote, and count pages.
 *
 * Layout conventions of the extraction this reads:
 * - a page starts at a line with a leading space (`" はないか等の…"`);
 * - the footnote area at a page bottom starts right after a rule (a space-only line; an empty
 *   one when the extraction dropped the spaces, see Layout), with a line `N text` where N is
 *   the next footnote number; it lasts until the next page starts, a figure caption or a
 *   heading appears. A footnote cut at a page bottom goes on right after the rule of the next
 *   page's footnote area. Footnote numbers may be full-width (`１`);
 * - a figure caption is `（図表 N）`, optionally followed by a title (and chart labels) up to a
 *   `（資料）…` credit on the same page;
 * - a paragraph ends at a line that ends a sentence and kept a trailing space;
 * - a heading too long for one line lost its trailing space and goes on in the next line;
 *   a minor heading `（1）title` or a label `■要旨` stands alone on its line, with a trailing space;
 * - page furniture may survive: a copyright footer line, and a closing notice `（ご注意）…`;
 * - a table of contents (`■目次`, then the heading lines) may precede the body;
 * - printed lines may be separated by blank lines ("double spaced"); then blank lines carry
 *   no meaning, otherwise a blank line ends a paragraph.
 */
import { sourceLine, type SourceLine } from './parse-join';
import { describeLayout, disclaimerStart, figureLabel, footnoteNumber, hasTrailingSpace, headingLevel, isRule, minorHeading, pageFooter, pageStart, sentenceEnd } from './parse-layout';
import { continuesFootnote, continuesHeading, disclaimerEnd, opensFootnoteArea, readFigure, type AreaContext } from './parse-areas';
import { withoutTableOfContents } from './parse-toc';

export type ScanEvent =
  | { kind: 'line'; line: SourceLine; endsParagraph: boolean }
  | { kind: 'break' }
  | { kind: 'heading'; level: 1 | 2; title: string; page: number }
  | { kind: 'figure'; lines: SourceLine[]; page: number };

/** A footnote as printed: its number and its lines (number prefix removed from the first). */
export interface RawFootnote {
  n: number;
  page: number;
  lines: SourceLine[];
}

export interface Scan {
  events: ScanEvent[];
  footnotes: RawFootnote[];
  pages: number;
  rawLines: string[];
  /** Footnote numbers were printed in full-width digits, so body markers may be too. */
  fullWidthNumbers: boolean;
}

export interface ScanOptions {
  /** First raw line to read: the lines before it (a report header) are skipped. */
  start?: number;
  /** Page already open at `start` (1 when skipped lines began page 1), else 0. */
  startPage?: number;
}

/** A minor heading is short; a longer line starting `（1）` is body text. */
const maxMinorHeading = 40;

export function toLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
}

/** Whether the last body line read left its paragraph open (figures met mid-paragraph aside). */
function paragraphOpen(events: readonly ScanEvent[]): boolean {
  for (let k = events.length - 1; k >= 0; k--) {
    const e = events[k];
    if (e?.kind === 'figure') continue;
    return e?.kind === 'line' && !e.endsParagraph;
  }
  return false;
}

/** Classifies the printed lines of `text` (see the module comment for the layout). */
export function scanLines(text: string, options: ScanOptions = {}): Scan {
  const raw = toLines(text);
  const layout = describeLayout(raw);
  const events: ScanEvent[] = [];
  const footnotes: RawFootnote[] = [];
  let page = options.startPage ?? 0;
  let inFootnotes = false;
  let current: RawFootnote | undefined;
  const ctx: AreaContext = { raw, layout, lastFootnote: undefined, page: 0, bodySinceFootnote: '', afterBody: false, fullWidth: false };

  for (let i = options.start ?? 0; i < raw.length; i++) {
    const line = raw[i] ?? '';
    const content = line.trim();
    ctx.lastFootnote = current;
    ctx.page = page;
    if (content === '') {
      if (inFootnotes) continue;
      if (isRule(raw, i, layout)) {
        // A rule right before a footnote area (or a footnote's continuation) is not a break.
        if (opensFootnoteArea(ctx, i + 1) !== undefined) continue;
        if (continuesFootnote(ctx, i)) inFootnotes = true;
        else events.push({ kind: 'break' });
      } else if (line === '' && !layout.doubleSpaced) events.push({ kind: 'break' });
      continue;
    }
    // The copyright footer of a page is not report text.
    if (pageFooter.test(content)) continue;
    if (page === 0) page = 1;
    else if (pageStart.test(line)) {
      page++;
      inFootnotes = false;
    }
    ctx.page = page;
    // Neither is the notice closing the last page.
    if (disclaimerStart.test(content)) {
      i = disclaimerEnd(raw, i, layout);
      inFootnotes = false;
      continue;
    }

    const fn = footnoteNumber(content);
    const expected = (current?.n ?? 0) + 1;
    if (fn && ((inFootnotes && fn.n === expected) || opensFootnoteArea(ctx, i) === fn.n)) {
      inFootnotes = true;
      current = { n: fn.n, page, lines: [{ ...sourceLine(line, page), text: fn.rest.trim() }] };
      footnotes.push(current);
      ctx.bodySinceFootnote = '';
      ctx.fullWidth ||= fn.fullWidth;
      continue;
    }
    if (figureLabel.test(content)) {
      const figure = readFigure(raw, i, page);
      events.push({ kind: 'figure', lines: figure.lines, page });
      i = figure.end;
      inFootnotes = false;
      ctx.afterBody = false;
      continue;
    }
    const level = headingLevel(content);
    if (inFootnotes && current && level === 0) {
      current.lines.push(sourceLine(line, page));
      continue;
    }
    inFootnotes = false;
    if (level !== 0) {
      let title = content;
      const next = hasTrailingSpace(line) ? undefined : continuesHeading(raw, i, layout);
      if (next !== undefined) {
        title += (raw[next] ?? '').trim();
        i = next;
      }
      events.push({ kind: 'heading', level, title, page });
      ctx.afterBody = false;
      continue;
    }
    const sl = sourceLine(line, page);
    // `（1）title` or `■要旨` alone on its line is a minor heading: it is a paragraph of its own.
    const titleLine = minorHeading.test(sl.text) && sl.trailingSpace && sl.text.length <= maxMinorHeading && !paragraphOpen(events);
    events.push({ kind: 'line', line: sl, endsParagraph: sl.trailingSpace && (sentenceEnd.test(sl.text) || titleLine) });
    ctx.bodySinceFootnote += sl.text;
    ctx.afterBody = true;
  }
  return { events: withoutTableOfContents(events), footnotes, pages: Math.max(page, 1), rawLines: raw, fullWidthNumbers: ctx.fullWidth };
}
