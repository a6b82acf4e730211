/**
 * Report text (extracted from a PDF) → Report: body paragraphs stitched across page breaks and
 * footnote/figure interruptions, headings with section paths, figure captions, footnotes with
 * their URLs, and footnote markers linked from the body.
 */
import { AppError } from '../errors';
import type { Block, Report, Section } from '../types';
import { buildFootnotes } from './parse-footnotes';
import { detectLatinSpacing, joinLines, type LatinSpacing, type SourceLine } from './parse-join';
import { scanLines } from './parse-lines';
import { extractMarkers, type MarkerCursor } from './parse-markers';

const headingNumber = /^\d{1,2}(?:[―—]{2}|[｜|])\s*/;

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

/**
 * Parses report text. Accepts LF or CRLF line ends. Throws AppError `empty_input` when the
 * text holds nothing but whitespace.
 */
export function parseReport(text: string): Report {
  if (text.trim() === '') {
    throw new AppError('empty_input', 'The report text is empty: there is nothing to parse.');
  }
  const scan = scanLines(text);
  const spacing = detectLatinSpacing(scan.rawLines);
  const footnotes = buildFootnotes(scan.footnotes, spacing);
  const builder = new BlockBuilder(spacing, { next: 1, last: footnotes.length });
  for (const e of scan.events) {
    if (e.kind === 'line') builder.line(e.line, e.endsParagraph);
    else if (e.kind === 'break') builder.closeParagraph();
    else if (e.kind === 'heading') builder.heading(e.level, e.title, e.page);
    else builder.figure(e.lines, e.page);
  }
  builder.closeParagraph();
  return {
    title: chooseTitle(builder.sections, builder.blocks),
    pages: scan.pages,
    sections: builder.sections,
    blocks: builder.blocks,
    footnotes,
  };
}
