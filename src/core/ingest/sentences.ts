/**
 * Sentence boundaries for Japanese and English prose.
 *
 * A sentence ends after `。！？` (with any closing brackets or quotes that follow), or after an
 * English `.?!` that is followed by whitespace or the end of the text. A full stop inside a
 * URL or a number (`news151_3.html`, `2.19`) is followed by a non-space and so never ends one.
 * Nor does one inside brackets: a quoted title `「『コスト600万ドル』は誤解。中国…」` or a
 * parenthesised citation stays inside the sentence that quotes it — unless the quote closes
 * right after its full stop (`「そうだ。」`), which ends the sentence with it. Brackets that
 * never close (a PDF artefact) are ignored rather than swallowing the rest of the text.
 */

export interface SentenceSpan {
  start: number;
  /** Exclusive end offset. */
  end: number;
}

const PAIRS: Record<string, string> = { '「': '」', '『': '』', '（': '）', '(': ')', '“': '”', '【': '】', '〔': '〕', '［': '］', '[': ']' };
const CLOSERS = new Set(Object.values(PAIRS));
const JA_END = /[。！？]/;
const EN_END = /[.?!]/;
const TRAILING = /[」』）)〕】］\]"'”’]/;

/** Depth of matched bracket pairs enclosing each offset (an unmatched bracket counts for nothing). */
function bracketDepths(text: string): Int32Array {
  const delta = new Int32Array(text.length + 1);
  const stack: { close: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const close = PAIRS[ch];
    if (close) stack.push({ close, at: i });
    else if (CLOSERS.has(ch)) {
      const j = stack.map((s) => s.close).lastIndexOf(ch);
      if (j < 0) continue;
      const open = stack[j]!;
      stack.length = j; // openers above it never closed: they are ignored
      delta[open.at + 1]! += 1;
      delta[i]! -= 1;
    }
  }
  const depth = new Int32Array(text.length);
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    d += delta[i]!;
    depth[i] = d;
  }
  return depth;
}

/** End offset of the sentence whose terminal punctuation run starts at `i`, or -1 when it ends none. */
function boundaryAt(text: string, i: number, depth: Int32Array): number {
  const ja = JA_END.test(text[i]!);
  let j = i;
  while (j < text.length && (ja ? JA_END : EN_END).test(text[j]!)) j++;
  let level = depth[i]!;
  while (j < text.length && TRAILING.test(text[j]!)) {
    if (CLOSERS.has(text[j]!) && j + 1 <= text.length) level = j + 1 < text.length ? depth[j + 1]! : 0;
    j++;
  }
  if (level > 0 && depth[i]! > 0) {
    // Inside brackets: a boundary only when the closers after the stop leave every bracket.
    const after = j < text.length ? depth[j]! : 0;
    if (after > 0 || j === i + 1) return -1;
    if (!CLOSERS.has(text[j - 1]!)) return -1;
  }
  if (!ja && j < text.length && !/\s/.test(text[j]!)) return -1;
  // A citation's ". https://…" or an abbreviation's "e.g. the" does not start a new sentence.
  if (!ja && /^\s+(?:https?:\/\/|[a-z])/.test(text.slice(j, j + 10))) return -1;
  return j;
}

/** Spans of the sentences in `text`, in order, without surrounding whitespace. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const depth = bracketDepths(text);
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!JA_END.test(ch) && !EN_END.test(ch)) continue;
    const end = boundaryAt(text, i, depth);
    if (end < 0) {
      // Skip the rest of this punctuation run: it was judged as a whole.
      while (i + 1 < text.length && (JA_END.test(text[i + 1]!) || EN_END.test(text[i + 1]!))) i++;
      continue;
    }
    push(end);
    start = end;
    i = end - 1;
  }
  push(text.length);
  return spans;
}
