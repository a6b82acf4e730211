/**
 * Finding the cited sentence(s) inside a passage, so the passage view can highlight them.
 * The server's quote is the passage's own text, but spacing may differ (the report's PDF text
 * has stray spaces), and a quote of several sentences may skip some in between.
 */

export interface MarkedSegment {
  text: string;
  quoted: boolean;
}

const CLOSERS = '」』）)"”’';

/** Sentences of a quote, each keeping its closing punctuation and brackets. */
export function quoteSentences(quote: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let i = 0; i < quote.length; i++) {
    const ch = quote[i]!;
    // "." ends a sentence only before a space or the end, not inside "5.6" or a URL.
    const ends = '。！？!?'.includes(ch) || (ch === '.' && (i + 1 === quote.length || /\s/.test(quote[i + 1]!)));
    if (!ends) continue;
    while (i + 1 < quote.length && (CLOSERS.includes(quote[i + 1]!) || '。！？!?'.includes(quote[i + 1]!))) i++;
    sentences.push(quote.slice(start, i + 1));
    start = i + 1;
  }
  sentences.push(quote.slice(start));
  return sentences.map((s) => s.trim()).filter(Boolean);
}

/** The text without whitespace, and for each kept character its index in the text. */
function squeeze(text: string): { chars: string; at: number[] } {
  let chars = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    chars += text[i];
    at.push(i);
  }
  return { chars, at };
}

/**
 * Cut `text` into quoted and unquoted runs. Null when no part of the quote is found, so the
 * caller can show the passage as it is.
 */
export function markQuote(text: string, quote: string): MarkedSegment[] | null {
  const hay = squeeze(text);
  const ranges: [number, number][] = [];
  const whole = squeeze(quote).chars;
  const pieces = whole && hay.chars.includes(whole) ? [whole] : quoteSentences(quote).map((s) => squeeze(s).chars);
  let from = 0;
  for (const piece of pieces) {
    if (!piece) continue;
    const found = hay.chars.indexOf(piece, from);
    if (found === -1) continue;
    const start = hay.at[found]!;
    const end = hay.at[found + piece.length - 1]! + 1;
    const last = ranges.at(-1);
    // Sentences separated only by spacing read as one highlight.
    if (last && /^\s*$/.test(text.slice(last[1], start))) last[1] = end;
    else ranges.push([start, end]);
    from = found + piece.length;
  }
  if (ranges.length === 0) return null;
  const segments: MarkedSegment[] = [];
  let pos = 0;
  for (const [start, end] of ranges) {
    if (start > pos) segments.push({ text: text.slice(pos, start), quoted: false });
    segments.push({ text: text.slice(start, end), quoted: true });
    pos = end;
  }
  if (pos < text.length) segments.push({ text: text.slice(pos), quoted: false });
  return segments;
}
