/**
 * Footnote markers in body text (`高かった 1。`, `疑念2や`, `開催し20、`).
 *
 * A marker is a digit run that equals the next footnote number expected in reading order,
 * attached to Japanese text on its left and followed by punctuation, a particle or the end of
 * the text. Numbers that belong to the prose (`2025年`, `1カ月`, `56.3％`, `1位`, `H800`,
 * `3 段階`) fail one of those tests: a counter or unit follows, a Latin letter or a decimal
 * point touches them, or they are not the number expected next.
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
}

const leftAnchor = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々」』）〕]/u;
const punctuation = /[。、，．）」』〕：；！？]/;
const particle = /[やをはがもとにでのへよ]/;
/** How far ahead of the expected number a marker may be when one was not found. */
const maxSkip = 2;

interface Candidate {
  start: number;
  end: number;
  n: number;
  strong: boolean;
}

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
  return { start: markStart, end, n: Number(text.slice(start, end)), strong };
}

/**
 * Removes the markers from `text`, advancing `cursor`. Returns the cleaned text and where
 * each marker stood in it.
 */
export function extractMarkers(text: string, cursor: MarkerCursor): { text: string; markers: Marker[] } {
  const markers: Marker[] = [];
  let out = '';
  let copied = 0;
  for (const m of text.matchAll(/\d+/g)) {
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
