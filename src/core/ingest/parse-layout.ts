/**
 * Shapes of printed lines in the extraction layout, and the document-wide conventions the
 * line scanner and the diagnosis both rely on (see parse-lines.ts for the layout).
 */

export const pageStart = /^[ \t\u3000]+\S/;
export const separatorLine = /^[ \t\u3000]+$/;
export const figureLabel = /^[（(](?:図表|図|表)\s*[0-9０-９]+[）)]$/;
export const figureCredit = /^[（(](?:資料|出所|出典)[）)]/;
export const sentenceEnd = /[。！？!?．.][」』）)"'’”]*$/;
/** The copyright footer an extraction may keep on every page; it is never report text. */
export const pageFooter = /Copyright\s*(?:©|\(c\))?\s*\d{4}\s*NLI Research Institute|All rights reserved\.?$/i;
/** The notice that closes the last page (`（ご注意）当資料のデータは…`); not report text either. */
export const disclaimerStart = /^[（(]ご注意[）)]/;
/** A minor heading, `（1）title`, or a label such as `■要旨`. */
export const minorHeading = /^(?:[（(][0-9０-９]{1,2}[）)]|[■□◆●])\S/;
/** A note under a figure, kept with its caption. */
export const figureNote = /^[（(](?:注|備考)[）)]/;

const footnoteStart = /^([0-9０-９]{1,3})[ \t\u3000]+(\S.*)$/;
const chapterHeading = /^[0-9０-９]{1,2}[―—─]{2}\S/;
const subsectionHeading = /^[0-9０-９]{1,2}[｜|]\S/;

/** `１２` → `12`: footnote and heading numbers may be printed in full-width digits. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

export function hasFullWidthDigit(s: string): boolean {
  return /[０-９]/.test(s);
}

/** A line shaped like a footnote start, `N text`: its number and the text after it. */
export function footnoteNumber(content: string): { n: number; rest: string; fullWidth: boolean } | undefined {
  const m = footnoteStart.exec(content);
  if (!m) return undefined;
  const digits = m[1] ?? '';
  return { n: Number(asciiDigits(digits)), rest: m[2] ?? '', fullWidth: hasFullWidthDigit(digits) };
}

/** 1 for a chapter heading `N――title`, 2 for a sub-section `N｜title`, 0 otherwise. */
export function headingLevel(content: string): 0 | 1 | 2 {
  if (chapterHeading.test(content)) return 1;
  if (subsectionHeading.test(content)) return 2;
  return 0;
}

export function hasTrailingSpace(raw: string): boolean {
  return /\S[ \t\u3000]+$/.test(raw);
}

export interface Layout {
  /** Most printed lines are followed by an empty line; then single blank lines mean nothing. */
  doubleSpaced: boolean;
  /**
   * The rule above a footnote area (and around headings) survives as a space-only line. When
   * the extraction dropped those spaces, the rule is an empty line: any empty line when lines
   * are single-spaced, a second empty line in a row when they are double-spaced.
   */
  spaceRules: boolean;
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

export function describeLayout(raw: readonly string[]): Layout {
  return { doubleSpaced: isDoubleSpaced(raw), spaceRules: raw.some((line) => separatorLine.test(line)) };
}

/** Whether raw line `i` is a rule: the line that precedes a footnote area or surrounds a heading. */
export function isRule(raw: readonly string[], i: number, layout: Layout): boolean {
  const line = raw[i];
  if (line === undefined) return false;
  if (layout.spaceRules) return separatorLine.test(line);
  if (line !== '') return false;
  return !layout.doubleSpaced || raw[i - 1] === '';
}
