/**
 * Report text (extracted from a PDF) → Report: the header of the first page, body paragraphs
 * stitched across page breaks and footnote/figure interruptions, headings with section paths,
 * figure captions, footnotes with their URLs, and footnote markers linked from the body.
 */
import { AppError } from '../errors';
import type { Block, Report, Section } from '../types';
import { diagnoseReport, type ReportProblem } from './diagnose';
import { buildFootnotes } from './parse-footnotes';
import { detectLatinSpacing, joinLines, type LatinSpacing, type SourceLine } from './parse-join';
import { scanLines, toLines } from './parse-lines';
import { extractMarkers, type MarkerCursor } from './parse-markers';
import { readHeader, type ParsedHeader } from './report-header';
import { detectReportLang } from './report-lang';

/** A Report with what only the parser knows: the first page's header and non-fatal problems. */
export interface ParsedReport extends Report {
  /** Present when the text opens with a report header (date, series, title, author…). */
  header?: ParsedHeader;
  /** Present when the parse is usable but incomplete; see diagnoseReport. */
  warnings?: ReportProblem[];
}

const headingNumber = /^[0-9０-９]{1,2}(?:[―—─]{2}|[｜|])\s*/;

/** Assembles paragraphs from scanned lines; figures met mid-paragraph wait until it ends. */
class BlockBuilder {
  readonly blocks: Block[] = [];
  readonly sections: Section[] = [];
  private path: string[] = [];
  private open: SourceLine[] = [];
  private waitingFigures: Block[] = [];

  constructor(
    private readonly spacing: LatinSpacing,
    private readonly cursor: MarkerCursor,
  ) {}

  line(line: SourceLine, endsParagraph: boolean): void {
    this.open.push(line);
    if (endsParagraph) this.closeParagraph();
  }

  heading(level: 1 | 2, title: string, page: number): void {
    this.closeParagraph();
    this.path = level === 1 ? [title] : [...this.path.slice(0, 1), title];
    this.sections.push({ title, level, page });
    this.blocks.push({ kind: 'heading', text: title, page, section: [...this.path], footnoteRefs: [], markers: [] });
  }

  figure(lines: SourceLine[], page: number): void {
    const block: Block = { kind: 'figure', text: joinLines(lines, this.spacing), page, section: [...this.path], footnoteRefs: [], markers: [] };
    if (this.open.length > 0) this.waitingFigures.push(block);
    else this.blocks.push(block);
  }

  closeParagraph(): void {
    const first = this.open[0];
    if (first) {
      const joined = joinLines(this.open, this.spacing);
      const { text, markers } = extractMarkers(joined, this.cursor);
      const footnoteRefs = [...new Set(markers.map((m) => m.n))];
      this.blocks.push({ kind: 'paragraph', text, page: first.page, section: [...this.path], footnoteRefs, markers });
    }
    this.open = [];
    this.blocks.push(...this.waitingFigures);
    this.waitingFigures = [];
  }
}

function chooseTitle(sections: readonly Section[], blocks: readonly Block[]): string {
  const chapter = sections.find((s) => s.level === 1);
  if (chapter) return chapter.title.replace(headingNumber, '').trim();
  const first = blocks.find((b) => b.kind === 'paragraph')?.text ?? '';
  const sentence = first.split(/(?<=[。！？.!?])\s*/)[0] ?? first;
  return sentence.length > 80 ? `${sentence.slice(0, 79)}…` : sentence;
}

/** Parses report text without judging the result (see parseReport). */
export function readReport(text: string): ParsedReport {
  const raw = toLines(text);
  const spacing = detectLatinSpacing(raw);
  const head = readHeader(raw, spacing);
  const scan = scanLines(text, head ? { start: head.end, startPage: head.startsPage ? 1 : 0 } : {});
  const footnotes = buildFootnotes(scan.footnotes, spacing);
  const last = footnotes.at(-1)?.n ?? 0;
  const builder = new BlockBuilder(spacing, { next: 1, last, fullWidth: scan.fullWidthNumbers });
  for (const e of scan.events) {
    if (e.kind === 'line') builder.line(e.line, e.endsParagraph);
    else if (e.kind === 'break') builder.closeParagraph();
    else if (e.kind === 'heading') builder.heading(e.level, e.title, e.page);
    else builder.figure(e.lines, e.page);
  }
  builder.closeParagraph();
  const report: ParsedReport = {
    title: head?.header.title ?? chooseTitle(builder.sections, builder.blocks),
    lang: detectReportLang(builder.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text)),
    pages: scan.pages,
    sections: builder.sections,
    blocks: builder.blocks,
    footnotes,
  };
  if (head) report.header = head.header;
  return report;
}

/**
 * Parses report text. Accepts LF or CRLF line ends and a BOM. Throws AppError `empty_input`
 * when the text holds nothing but whitespace, and `unreadable_report` when the text is not in
 * the layout this parser reads (the message says what was expected); problems that leave the
 * parse usable are returned as `warnings`.
 */
export function parseReport(text: string): ParsedReport {
  if (text.trim() === '') {
    throw new AppError('empty_input', 'The report text is empty: there is nothing to parse.');
  }
  const report = readReport(text);
  const problems = diagnoseReport(report, text);
  const fatal = problems.filter((p) => p.fatal);
  if (fatal.length > 0) {
    throw new AppError('unreadable_report', `The report text cannot be read: ${fatal.map((p) => p.message).join('; ')}.`);
  }
  if (problems.length > 0) report.warnings = problems;
  return report;
}
