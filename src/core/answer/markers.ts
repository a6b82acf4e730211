/**
 * Citation markers in generated text — [1] [1, 2] [1,2] [1-3] ［１］ 【1】 — normalised to [n][m],
 * and those naming no given passage removed with the space before them.
 *
 * Model output is untrusted and arrives in many small deltas, so everything here is one pass over
 * the text with no regular expression: a marker's inside is at most MAX_INSIDE characters, the
 * space before a marker is walked back over only as far as the previous marker, and the live
 * filter looks only at what a delta added (plus a bounded tail), never at all it holds. A model
 * streaming 100,000 spaces costs 100,000 steps, not 100,000².
 */

/** Longest inside of a marker ("1, 2, 3, 4, 5" is 13): the filter holds back at most this much. */
export const MAX_INSIDE = 24;

const isOpener = (c: number) => c === 0x5b || c === 0xff3b || c === 0x3010; // [ ［ 【
const isCloser = (c: number) => c === 0x5d || c === 0xff3d || c === 0x3011; // ] ］ 】
const isListSeparator = (c: number) => c === 0x2c || c === 0xff0c || c === 0x3001; // , ， 、
const isRangeSeparator = (c: number) => c === 0x2d || c === 0x2013 || c === 0x7e || c === 0xff5e; // - – ~ ～
const digitValue = (c: number) => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0xff10 && c <= 0xff19 ? c - 0xff10 : -1);

/** White space as `\s` matches it. */
export function isSpace(c: number): boolean {
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
  if (c < 0x80) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A character that may appear inside a marker that is still being written. */
const isInside = (c: number) => digitValue(c) >= 0 || isListSeparator(c) || isRangeSeparator(c) || isSpace(c);

/**
 * The passage numbers a marker's inside names ("1, 2" → [1, 2]; "１-３" → [1, 2, 3]), or
 * undefined when it is not a marker (e.g. "[a]", "[1 2]", "[1234]"). A range is at most ten
 * wide; a list item that is neither a number nor a range names nothing.
 */
export function markerRefs(inside: string): number[] | undefined {
  const refs: number[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < inside.length && isSpace(inside.charCodeAt(i))) i++;
  };
  const number = (): number | undefined => {
    let value = 0;
    let digits = 0;
    for (let d; i < inside.length && (d = digitValue(inside.charCodeAt(i))) >= 0; i++, digits++) value = value * 10 + d;
    return digits >= 1 && digits <= 3 ? value : undefined;
  };
  let item: number[] = [];
  let ranged = false;
  const endItem = () => {
    if (item.length === 1 && !ranged) refs.push(item[0]!);
    else if (item.length === 2 && ranged) {
      const [from, to] = item as [number, number];
      if (to >= from && to - from < 10) for (let n = from; n <= to; n++) refs.push(n);
    }
    item = [];
    ranged = false;
  };
  skipSpace();
  for (;;) {
    const n = number();
    if (n === undefined) return undefined;
    item.push(n);
    skipSpace();
    if (i === inside.length) break;
    const c = inside.charCodeAt(i++);
    if (isListSeparator(c)) endItem();
    else if (isRangeSeparator(c)) ranged = true;
    else return undefined;
    skipSpace();
  }
  endItem();
  return refs;
}

/** Every marker written as [n][m]; markers naming no valid passage removed with the space before them. */
export function cleanMarkers(text: string, valid: ReadonlySet<number>): { text: string; dropped: number[] } {
  const dropped = new Set<number>();
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isOpener(text.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < text.length && j - i - 1 <= MAX_INSIDE && !isCloser(text.charCodeAt(j)) && !isOpener(text.charCodeAt(j))) j++;
    if (j >= text.length || !isCloser(text.charCodeAt(j))) continue;
    const refs = markerRefs(text.slice(i + 1, j));
    if (!refs) continue;
    let space = i;
    while (space > last && isSpace(text.charCodeAt(space - 1))) space--;
    out += text.slice(last, space);
    const kept = [...new Set(refs.filter((n) => valid.has(n)))];
    for (const n of refs) if (!valid.has(n)) dropped.add(n);
    if (kept.length) out += text.slice(space, i) + kept.map((n) => `[${n}]`).join('');
    last = j + 1;
    i = j;
  }
  return { text: out + text.slice(last), dropped: [...dropped] };
}

/** Where a marker still being written starts at the end of `text` (an opener and ≤ MAX_INSIDE inside characters), or -1. */
function unfinishedMarkerAt(text: string): number {
  for (let i = text.length - 1; i >= 0 && i >= text.length - MAX_INSIDE - 1; i--) {
    const c = text.charCodeAt(i);
    if (isOpener(c)) return i;
    if (!isInside(c)) return -1;
  }
  return -1;
}

/**
 * Cleans a live stream of deltas the same way cleanMarkers cleans the whole text: what it lets
 * through, joined, equals cleanMarkers(whole).text with leading and trailing space trimmed. It
 * holds back only a trailing run of space (which may turn out to precede a dropped marker), kept
 * as the pieces it arrived in, and a marker still being written (at most MAX_INSIDE + 1 characters).
 */
export function createMarkerFilter(valid: ReadonlySet<number>): { push(delta: string): string; flush(): string } {
  /** Held white space, as it arrived. */
  let space: string[] = [];
  /** A held marker still being written: '' or an opener and what followed it. */
  let tail = '';
  let started = false;
  const release = (text: string) => {
    let out = cleanMarkers(text, valid).text;
    if (!started) out = out.trimStart();
    if (out) started = true;
    return out;
  };
  return {
    push(delta) {
      const text = tail + delta;
      const marker = unfinishedMarkerAt(text);
      const held = marker >= 0 ? marker : text.length;
      let cut = held;
      while (cut > 0 && isSpace(text.charCodeAt(cut - 1))) cut--;
      let out = '';
      if (cut > 0) {
        out = release(space.join('') + text.slice(0, cut));
        space = [];
      }
      if (held > cut) space.push(text.slice(cut, held));
      tail = text.slice(held);
      return out;
    },
    flush() {
      const out = release(space.join('') + tail).trimEnd();
      space = [];
      tail = '';
      return out;
    },
  };
}
