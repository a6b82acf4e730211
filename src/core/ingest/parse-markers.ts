/**
 * Footnote markers in body text (`高かった 1。`, `疑念2や`, `開催し20、`).
 *
 * A marker is a digit run that equals the next footnote number expected in reading order,
 * attached to Japanese text on its left and followed by punctuation, a particle or the end of
 * the text. Numbers that belong to the prose (`2025年`, `1カ月`, `56.3％`, `1位`, `H800`,
 * `3 段階`, `（図表 3）`, `第3、`) fail one of those tests: a counter or unit follows, a Latin
 * letter or a decimal point touches them, they number a figure or an ordinal, or they are not
 * the number expected next.
 */

export interface Marker {
  n: number;
  /** Offset in the cleaned text where the marker stood. */
  at: number;
}

/** Reading-order state shared across blocks: the next footnote number expected. */
export interface MarkerCursor {
  next: number;
  /** Highest footnote number that exists; no marker may exceed it. */
  last: number;
  /** Markers are printed in full-width digits too (the footnote numbers were). */
  fullWidth?: boolean;
}

const leftAnchor = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々」』）〕]/u;
const punctuation = /[。、，．）」』〕：；！？]/;
const particle = /[やをはがもとにでのへよ]/;
/** How far ahead of the expected number a marker may be when one was not found. */
const maxSkip = 2;

export interface Candidate {
  start: number;
  end: number;
  n: number;
  strong: boolean;
}

/** `（図表 3）` refers to a figure, `第3、` counts: such numbers are never markers. */
const figureReference = /[（(](?:図表|図|表)$/;
const ordinal = /(?:^|[^次])第$/;
const asciiRun = /\d+/g;
const anyDigitRun = /[0-9０-９]+/g;
const toAscii = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

function candidateAt(text: string, start: number, end: number): Candidate | undefined {
  const before = text[start - 1];
  if (before === undefined) return undefined;
  const spaced = before === ' ';
  const anchor = spaced ? text[start - 2] : before;
  if (anchor === undefined || !leftAnchor.test(anchor)) return undefined;
  const after = text[end];
  let strong: boolean;
  if (after === undefined) strong = true;
  else if (punctuation.test(after)) strong = true;
  else if (particle.test(after)) strong = false;
  else return undefined;
  const markStart = spaced ? start - 1 : start;
  const left = text.slice(Math.max(0, markStart - 3), markStart);
  if (figureReference.test(left) || ordinal.test(left)) return undefined;
  return { start: markStart, end, n: Number(toAscii(text.slice(start, end))), strong };
}

/** Every digit run in `text` shaped like a marker, in order. */
export function markerCandidates(text: string, fullWidth = false): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(fullWidth ? anyDigitRun : asciiRun)) {
    const c = candidateAt(text, m.index, m.index + m[0].length);
    if (c) out.push(c);
  }
  return out;
}

/** Whether `text` holds a marker for footnote `n`. */
export function mentionsMarker(text: string, n: number, fullWidth = false): boolean {
  return markerCandidates(text, fullWidth).some((c) => c.n === n);
}

/**
 * Removes the markers from `text`, advancing `cursor`. Returns the cleaned text and where
 * each marker stood in it.
 */
export function extractMarkers(text: string, cursor: MarkerCursor): { text: string; markers: Marker[] } {
  const markers: Marker[] = [];
  let out = '';
  let copied = 0;
  for (const m of text.matchAll(cursor.fullWidth ? anyDigitRun : asciiRun)) {
    if (cursor.next > cursor.last) break;
    const start = m.index;
    const c = candidateAt(text, start, start + m[0].length);
    if (!c || c.start < copied) continue;
    const exact = c.n === cursor.next;
    const skipped = c.n > cursor.next && c.n <= Math.min(cursor.next + maxSkip, cursor.last) && c.strong;
    if (!exact && !skipped) continue;
    out += text.slice(copied, c.start);
    markers.push({ n: c.n, at: out.length });
    copied = c.end;
    cursor.next = c.n + 1;
  }
  out += text.slice(copied);
  return { text: out, markers };
}
