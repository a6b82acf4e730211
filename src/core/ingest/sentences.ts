/**
 * Sentence boundaries for Japanese and English prose.
 *
 * A sentence ends after `。！？` (with any closing brackets or quotes that follow), or after an
 * English `.?!` that is followed by whitespace or the end of the text. A full stop inside a
 * URL or a number (`news151_3.html`, `2.19`) is followed by a non-space and so never ends one.
 */

export interface SentenceSpan {
  start: number;
  /** Exclusive end offset. */
  end: number;
}

const boundary = /[。！？]+[」』）)〕"'”’]*|[.?!]+[」』）)"'”’]*(?=\s|$)/g;

/** Spans of the sentences in `text`, in order, without surrounding whitespace. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    push(end);
    start = end;
  }
  push(text.length);
  return spans;
}
