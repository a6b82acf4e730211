/**
 * Report → Passage[]: the units of retrieval.
 *
 * Body passages are packed greedily from whole sentences up to `maxChars`, never across a
 * heading or a figure, with a small sentence overlap between neighbours so that a fact at a
 * boundary is whole in at least one passage. Figure captions and footnotes are passages of
 * their own. Passage text is the report's own words; the section path travels separately.
 */
import type { Block, Passage, Report } from '../types';
import { footnotePassageId, passageId } from './chunk-id';
import { splitSentences } from './sentences';

export interface ChunkOptions {
  /** Upper bound on a body passage's length; a single longer sentence stays whole. */
  maxChars?: number;
  /** Sentences repeated from the end of one passage at the start of the next. */
  overlapSentences?: number;
}

/**
 * 280 characters. Sentences in the report average about 70 characters (longest about 170), so
 * every development-set gold substring lies whole in some passage at any size tried (120–700);
 * 280 gives body passages of about 230 characters on average (two to four sentences with the
 * overlap): short enough for precise retrieval, long enough to carry a claim with its context.
 */
export const defaultChunkOptions: Required<ChunkOptions> = { maxChars: 280, overlapSentences: 1 };

export const footnoteSectionFallback = '脚注';
const sectionSeparator = ' › ';

/** One sentence of one paragraph block. */
interface Unit {
  block: Block;
  start: number;
  end: number;
  footnotes: number[];
}

type Draft = Omit<Passage, 'id' | 'order'>;

function sentenceUnits(block: Block): Unit[] {
  const spans = splitSentences(block.text);
  return spans.map((span, i) => ({
    block,
    start: span.start,
    end: span.end,
    // A marker belongs to the text before it; one standing before any text joins the first sentence.
    footnotes: block.markers.filter((m) => (m.at > span.start || (i === 0 && m.at >= span.start)) && m.at <= span.end).map((m) => m.n),
  }));
}

/** Unit index ranges [from, to) of consecutive passages. */
export function packRanges(lengths: readonly number[], maxChars: number, overlap: number): [number, number][] {
  const ranges: [number, number][] = [];
  let from = 0;
  while (from < lengths.length) {
    let to = from + 1;
    let size = lengths[from] ?? 0;
    while (to < lengths.length && size + (lengths[to] ?? 0) <= maxChars) {
      size += lengths[to] ?? 0;
      to++;
    }
    ranges.push([from, to]);
    if (to >= lengths.length) break;
    from = Math.max(from + 1, to - overlap);
  }
  return ranges;
}

function draftFromUnits(units: readonly Unit[], section: string): Draft {
  const pieces: string[] = [];
  const markers: { n: number; at: number }[] = [];
  const paragraphs: number[] = [];
  let offset = 0;
  let i = 0;
  while (i < units.length) {
    const first = units[i] as Unit;
    let last = first;
    while (i + 1 < units.length && units[i + 1]?.block === first.block) last = units[++i] as Unit;
    const piece = first.block.text.slice(first.start, last.end);
    for (const m of first.block.markers) {
      if (m.at >= first.start && m.at <= last.end) markers.push({ n: m.n, at: offset + m.at - first.start });
    }
    if (first.block.text.slice(0, first.start).trim() === '') paragraphs.push(offset);
    pieces.push(piece);
    offset += piece.length + 1;
    i++;
  }
  const firstBlock = (units[0] as Unit).block;
  const footnotes = [...new Set(units.flatMap((u) => u.footnotes))];
  return { kind: 'body', text: pieces.join('\n'), section, page: firstBlock.page, footnotes, markers, paragraphs };
}

function footnotePassages(report: Report, body: readonly Passage[], firstOrder: number): Passage[] {
  return report.footnotes.map((f, i) => ({
    id: footnotePassageId(f.n),
    kind: 'footnote',
    text: f.text,
    section: body.find((p) => p.kind === 'body' && p.footnotes.includes(f.n))?.section || footnoteSectionFallback,
    page: f.page,
    footnotes: [f.n],
    order: firstOrder + i,
  }));
}

/** Splits a parsed report into passages in reading order; footnote passages come last. */
export function chunkReport(report: Report, options: ChunkOptions = {}): Passage[] {
  const maxChars = options.maxChars ?? defaultChunkOptions.maxChars;
  const overlap = options.overlapSentences ?? defaultChunkOptions.overlapSentences;
  if (!Number.isInteger(maxChars) || maxChars < 1) throw new RangeError(`maxChars must be a positive integer, got ${maxChars}`);
  if (!Number.isInteger(overlap) || overlap < 0) throw new RangeError(`overlapSentences must be a non-negative integer, got ${overlap}`);

  const drafts: Draft[] = [];
  let group: Unit[] = [];
  let groupSection = '';
  const flush = () => {
    const ranges = packRanges(group.map((u) => u.end - u.start), maxChars, overlap);
    for (const [from, to] of ranges) drafts.push(draftFromUnits(group.slice(from, to), groupSection));
    group = [];
  };

  for (const block of report.blocks) {
    const section = block.section.join(sectionSeparator);
    if (block.kind !== 'paragraph' || section !== groupSection) flush();
    groupSection = section;
    if (block.kind === 'figure') drafts.push({ kind: 'figure', text: block.text, section, page: block.page, footnotes: [] });
    else if (block.kind === 'paragraph') group.push(...sentenceUnits(block));
  }
  flush();

  const body = drafts.map((d, order) => ({ id: passageId(d.page, order, d.text), ...d, order }));
  return [...body, ...footnotePassages(report, body, body.length)];
}
