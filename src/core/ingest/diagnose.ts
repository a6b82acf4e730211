/**
 * Whether a parse can be trusted. The parser reads a layout defined by whitespace (page-start
 * spaces, space-only rules, trailing spaces); text that lost it or never had it still "parses",
 * into footnotes glued to the body or one giant footnote. These checks compare the result with
 * the raw text and say what was expected. Fatal problems mean the result would be garbage;
 * warnings mean it is usable but incomplete.
 */
import type { Report } from '../types';
import { describeLayout, footnoteNumber, hasTrailingSpace, isRule, pageStart } from './parse-layout';
import { toLines } from './parse-lines';
import { markerCandidates } from './parse-markers';

export type ProblemCode =
  | 'no_page_starts'
  | 'no_chapters'
  | 'markers_without_footnotes'
  | 'unread_markers'
  | 'missing_footnotes'
  | 'unreferenced_footnotes'
  /** Markdown: a `[^label]` reference with no definition. */
  | 'undefined_footnotes'
  | 'unread_footnote_lines'
  | 'no_paragraph_ends';

export interface ReportProblem {
  code: ProblemCode;
  fatal: boolean;
  message: string;
}

/** More printed lines than one page holds: a report of the layout must show its conventions. */
const longText = 50;
/** This many markers in sequence with no footnote read cannot be chance. */
const markerEvidence = 3;
/** Footnote-like lines further past the last footnote than this are prose, not lost footnotes. */
const unreadReach = 10;

const range = (a: number, b: number) => (a === b ? `${a}` : `${a}–${b}`);
const excerpt = (s: string) => (s.length > 24 ? `${s.slice(0, 24)}…` : s);

/** Highest number reached by markers `from, from + 1, …` found in order in `texts`; from − 1 if none. */
function markerRun(texts: readonly string[], from: number): number {
  let next = from;
  for (const text of texts) {
    for (const c of markerCandidates(text, true)) if (c.strong && c.n === next) next++;
  }
  return next - 1;
}

function footnoteGaps(numbers: readonly number[]): ReportProblem[] {
  const out: ReportProblem[] = [];
  let prev = 0;
  for (const n of numbers) {
    if (n > prev + 1) {
      const missing = range(prev + 1, n - 1);
      const where = prev === 0 ? `before ${n}` : `between ${prev} and ${n}`;
      const message = n - prev === 2 ? `footnote ${missing} is missing ${where}` : `footnotes ${missing} are missing ${where}`;
      out.push({ code: 'missing_footnotes', fatal: false, message });
    }
    prev = n;
  }
  return out;
}

function markerProblems(report: Report): ReportProblem[] {
  const texts = report.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
  const last = report.footnotes.at(-1)?.n ?? 0;
  const reached = markerRun(texts, last + 1);
  const extra = reached - last;
  const out: ReportProblem[] = [];
  if (extra > 0 && last === 0) {
    const shown = extra === 1 ? 'a marker 1 appears' : `markers ${range(1, reached)} appear`;
    const message = `0 footnotes although ${shown} in the body: no footnote area (a space-only line, then a line \`1 text\`) was found`;
    out.push({ code: 'markers_without_footnotes', fatal: extra >= markerEvidence, message });
  } else if (extra > 0) {
    const message = `footnotes were read up to ${last} but markers ${range(last + 1, reached)} appear in the body: their footnote areas were not found`;
    out.push({ code: 'unread_markers', fatal: extra >= markerEvidence, message });
  }
  const referenced = new Set(report.blocks.flatMap((b) => b.footnoteRefs));
  const unreferenced = report.footnotes.filter((f) => !referenced.has(f.n)).map((f) => f.n);
  if (unreferenced.length > 0) {
    const which = unreferenced.length === 1 ? `footnote ${unreferenced[0]}` : `footnotes ${unreferenced.join(', ')}`;
    out.push({ code: 'unreferenced_footnotes', fatal: false, message: `no marker in the body for ${which}` });
  }
  return out;
}

/**
 * Lines shaped like `N text` whose number no footnote has, where a footnote could have been
 * lost: right after a rule, or anywhere when N falls in a gap of the numbering.
 */
function unreadFootnoteLines(raw: readonly string[], report: Report): ReportProblem[] {
  const layout = describeLayout(raw);
  const read = new Set(report.footnotes.map((f) => f.n));
  const last = report.footnotes.at(-1)?.n ?? 0;
  const found: string[] = [];
  raw.forEach((line, i) => {
    const fn = footnoteNumber(line.trim());
    if (!fn || read.has(fn.n) || fn.n > last + unreadReach) return;
    if (fn.n < last || isRule(raw, i - 1, layout)) found.push(`line ${i + 1} (\`${excerpt(line.trim())}\`)`);
  });
  if (found.length === 0) return [];
  const shown = found.length > 3 ? `${found.slice(0, 3).join(', ')} and ${found.length - 3} more` : found.join(', ');
  const verb = found.length === 1 ? 'looks like a footnote start but was not read as a footnote' : 'look like footnote starts but were not read as footnotes';
  return [{ code: 'unread_footnote_lines', fatal: false, message: `${shown} ${verb}` }];
}

/** Problems with a parse of `text`; see the module comment. */
export function diagnoseReport(report: Report, text: string): ReportProblem[] {
  const raw = toLines(text);
  const printed = raw.filter((l) => l.trim() !== '');
  const long = printed.length >= longText;
  const problems: ReportProblem[] = [];

  const firstPrinted = raw.findIndex((l) => l.trim() !== '');
  const pageStarts = raw.filter((l, i) => i !== firstPrinted && pageStart.test(l)).length;
  if (long && pageStarts === 0) {
    const message = `no page starts found (lines beginning with a space) in ${printed.length} printed lines: the page layout was lost, so footnote areas cannot be told from body text`;
    problems.push({ code: 'no_page_starts', fatal: true, message });
  }
  if (!report.sections.some((s) => s.level === 1)) {
    // Without chapters, a header or footnotes, nothing shows the text is a report of the layout.
    const fatal = long && report.header === undefined && report.footnotes.length === 0;
    const message = fatal
      ? `no chapter headings (lines like \`1――title\`), no report header (date, title, author) and no footnotes found in ${printed.length} printed lines`
      : 'no chapter headings (lines like `1――title`) found: the text is read as one section';
    problems.push({ code: 'no_chapters', fatal, message });
  }
  if (long && !raw.some(hasTrailingSpace)) {
    const message = 'no line keeps a trailing space, so paragraph ends cannot be found: each section is read as one paragraph';
    problems.push({ code: 'no_paragraph_ends', fatal: false, message });
  }
  problems.push(...markerProblems(report));
  problems.push(...footnoteGaps(report.footnotes.map((f) => f.n)));
  problems.push(...unreadFootnoteLines(raw, report));
  return problems;
}
