/**
 * Joining printed lines back into running text.
 *
 * Japanese needs no space at a line break. Latin text does, but PDF extraction also breaks
 * words and URLs mid-token (`Minis` + `try`, `…/ne` + `ws151_3.html`). Extractors that keep
 * inter-word spaces leave them as a trailing space on the line, so when a document shows
 * that convention a space is inserted only where the line had one; otherwise it is inferred.
 */

/** One printed line: its text without surrounding spaces, and whether a space trailed it. */
export interface SourceLine {
  text: string;
  trailingSpace: boolean;
  page: number;
}

export type LatinSpacing = 'trailing-space' | 'inferred';

/** A raw printed line as a SourceLine on `page`. */
export function sourceLine(raw: string, page: number): SourceLine {
  return { text: raw.trim(), trailingSpace: /\S[ \t\u3000]+$/.test(raw), page };
}

const asciiVisible = /^[\x21-\x7E]$/;
const urlInProgress = /https?:\/\/\S*$/;

/**
 * Which spacing convention a document follows: `trailing-space` when any line ends with an
 * ASCII character followed by a space (the extractor preserved the space at the break).
 */
export function detectLatinSpacing(rawLines: readonly string[]): LatinSpacing {
  return rawLines.some((line) => /[\x21-\x7E][ \t]+$/.test(line)) ? 'trailing-space' : 'inferred';
}

/** The separator to put between two consecutive lines of the same paragraph or footnote. */
export function lineSeparator(prev: SourceLine, next: SourceLine, spacing: LatinSpacing): string {
  const a = prev.text.at(-1) ?? '';
  const b = next.text.at(0) ?? '';
  if (!asciiVisible.test(a) || !asciiVisible.test(b)) return '';
  if (prev.trailingSpace) return ' ';
  if (spacing === 'trailing-space') return '';
  // No convention to rely on: a break inside a URL or after a hyphen is a broken token.
  if (urlInProgress.test(prev.text) || a === '-' || a === '/') return '';
  return ' ';
}

/** Joins lines into one string using {@link lineSeparator}. */
export function joinLines(lines: readonly SourceLine[], spacing: LatinSpacing): string {
  let out = '';
  let prev: SourceLine | undefined;
  for (const line of lines) {
    if (prev) out += lineSeparator(prev, line, spacing);
    out += line.text;
    prev = line;
  }
  return out;
}
