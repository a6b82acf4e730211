/**
 * First pass over PDF-extracted text: classify each printed line as body text, heading,
 * paragraph break, figure caption or footnote, and count pages.
 *
 * Layout conventions of the extraction this reads:
 * - a page starts at a line with a leading space (`" はないか等の…"`);
 * - the footnote area at a page bottom starts right after a space-only line, with a line
 *   `N text` where N is the next footnote number; it lasts until the next page starts or a
 *   figure caption appears;
 * - a figure caption is `（図表 N）`, optionally followed by a title and a `（資料）…` credit;
 * - a paragraph ends at a line that ends a sentence and kept a trailing space;
 * - printed lines may be separated by blank lines ("double spaced"); then blank lines carry
 *   no meaning, otherwise a blank line ends a paragraph.
 */
import type { SourceLine } from './parse-join';

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
}

const pageStart = /^[ \t\u3000]+\S/;
const separatorLine = /^[ \t\u3000]+$/;
const footnoteStart = /^(\d{1,3})[ \t\u3000]+(\S.*)$/;
const chapterHeading = /^\d{1,2}[―—]{2}\S/;
const subsectionHeading = /^\d{1,2}[｜|]\S/;
const figureLabel = /^[（(](?:図表|図|表)\s*\d+[）)]$/;
const figureCredit = /^[（(](?:資料|出所|出典)[）)]/;
const sentenceEnd = /[。！？!?．.][」』）)"'’”]*$/;
/** How many lines after a figure label may hold its title before the credit line. */
const figureLookahead = 4;

export function toLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
}

function sourceLine(raw: string, page: number): SourceLine {
  return { text: raw.trim(), trailingSpace: /\S[ \t\u3000]+$/.test(raw), page };
}

/** True when most printed lines are followed by an empty line (every other line blank). */
function isDoubleSpaced(raw: readonly string[]): boolean {
  let content = 0;
  let followedByBlank = 0;
  raw.forEach((line, i) => {
    if (line.trim() === '') return;
    content++;
    if (raw[i + 1] === '') followedByBlank++;
  });
  return content > 0 && followedByBlank / content > 0.5;
}

function footnoteNumber(content: string): { n: number; rest: string } | undefined {
  const m = footnoteStart.exec(content);
  return m ? { n: Number(m[1]), rest: m[2] ?? '' } : undefined;
}

/**
 * A figure caption starting at `start`: the label, plus title lines up to a credit line when
 * one follows within a few lines on the same page. Returns the caption and its last index.
 */
function readFigure(raw: readonly string[], start: number, page: number): { lines: SourceLine[]; end: number } {
  const label = sourceLine(raw[start] ?? '', page);
  const candidates: SourceLine[] = [];
  for (let j = start + 1; j < raw.length && candidates.length < figureLookahead; j++) {
    const line = raw[j] ?? '';
    if (line.trim() === '') continue;
    if (pageStart.test(line)) break;
    const sl = sourceLine(line, page);
    candidates.push(sl);
    if (figureCredit.test(sl.text)) return { lines: [label, ...candidates], end: j };
  }
  return { lines: [label], end: start };
}

export function scanLines(text: string): Scan {
  const raw = toLines(text);
  const doubleSpaced = isDoubleSpaced(raw);
  const events: ScanEvent[] = [];
  const footnotes: RawFootnote[] = [];
  let page = 0;
  let inFootnotes = false;
  let current: RawFootnote | undefined;

  const startsNextFootnote = (content: string) => footnoteNumber(content)?.n === footnotes.length + 1;

  for (let i = 0; i < raw.length; i++) {
    const line = raw[i] ?? '';
    const content = line.trim();
    if (content === '') {
      if (inFootnotes) continue;
      const next = raw[i + 1]?.trim() ?? '';
      // A space-only line right before a footnote area is the rule above footnotes, not a break.
      if (separatorLine.test(line) && !startsNextFootnote(next)) events.push({ kind: 'break' });
      else if (line === '' && !doubleSpaced) events.push({ kind: 'break' });
      continue;
    }
    if (page === 0) page = 1;
    else if (pageStart.test(line)) {
      page++;
      inFootnotes = false;
    }

    const fn = footnoteNumber(content);
    const afterRule = separatorLine.test(raw[i - 1] ?? '');
    if (fn && fn.n === footnotes.length + 1 && (inFootnotes || afterRule)) {
      inFootnotes = true;
      current = { n: fn.n, page, lines: [{ ...sourceLine(line, page), text: fn.rest.trim() }] };
      footnotes.push(current);
      continue;
    }
    if (figureLabel.test(content)) {
      const figure = readFigure(raw, i, page);
      events.push({ kind: 'figure', lines: figure.lines, page });
      i = figure.end;
      inFootnotes = false;
      continue;
    }
    if (inFootnotes && current) {
      current.lines.push(sourceLine(line, page));
      continue;
    }
    const level = chapterHeading.test(content) ? 1 : subsectionHeading.test(content) ? 2 : 0;
    if (level !== 0) {
      events.push({ kind: 'heading', level, title: content, page });
      continue;
    }
    const sl = sourceLine(line, page);
    events.push({ kind: 'line', line: sl, endsParagraph: sl.trailingSpace && sentenceEnd.test(sl.text) });
  }
  return { events, footnotes, pages: Math.max(page, 1), rawLines: raw };
}
