/**
 * Streamed answer text released a whole sentence at a time, so a reader sees sentences
 * appear rather than text jittering in token by token. A sentence is released with the
 * citation markers that follow it ("…とされる。[1]"), so it is only known to be complete
 * once the next sentence has begun; the last one comes with `flush`.
 */

const TERMINATORS = '。！？!?\n';
const CLOSERS = '」』）)"”’';
/** Brackets a sentence does not end inside: a quoted title or a bracketed source (「…。」, （…2024年3月27日。https://…）). */
const OPEN_BRACKETS = '「『（(“';
const CLOSE_BRACKETS = '」』）)”';
/** A sentence that never ends (no punctuation from a model) is shown anyway past this length. */
const MAX_PENDING = 300;

/** Where the sentence ending at `i` really ends: after closing brackets, markers and spaces. */
function sentenceEnd(text: string, i: number): number {
  let end = i + 1;
  while (end < text.length && CLOSERS.includes(text[end]!)) end++;
  for (;;) {
    const m = /^\s*\[\d{1,3}\]/.exec(text.slice(end));
    if (!m) break;
    end += m[0].length;
  }
  // English puts the period after the marker: "under $6 million [1]. Next".
  if (text[end] === '.' && /\s/.test(text[end + 1] ?? '')) end++;
  while (end < text.length && /\s/.test(text[end]!)) end++;
  return end;
}

function endsSentence(text: string, i: number): boolean {
  const ch = text[i]!;
  if (TERMINATORS.includes(ch)) return true;
  // "." ends a sentence before a space, not inside "5.6" or a URL; at the very end it is undecided.
  return ch === '.' && /\s/.test(text[i + 1] ?? '');
}

export class SentenceStream {
  private pending = '';

  /** Add streamed text; returns the sentences now known to be complete. */
  push(delta: string): string[] {
    this.pending += delta;
    const out: string[] = [];
    let start = 0;
    let depth = 0;
    for (let i = 0; i < this.pending.length; i++) {
      const ch = this.pending[i]!;
      if (OPEN_BRACKETS.includes(ch)) depth++;
      else if (CLOSE_BRACKETS.includes(ch) && depth > 0) depth--;
      if (depth > 0 && ch !== '\n') continue;
      if (!endsSentence(this.pending, i)) continue;
      const end = sentenceEnd(this.pending, i);
      const rest = this.pending.slice(end);
      // Nothing after it yet, or only the start of a marker: the sentence may still grow.
      if (rest === '' || /^\[\d{0,3}$/.test(rest)) break;
      out.push(this.pending.slice(start, end));
      start = end;
      i = end - 1;
      depth = 0;
    }
    this.pending = this.pending.slice(start);
    if (this.pending.length > MAX_PENDING) {
      const open = /\[\d{0,3}$/.exec(this.pending);
      const cut = open ? open.index : this.pending.length;
      out.push(this.pending.slice(0, cut));
      this.pending = this.pending.slice(cut);
    }
    return out.filter(Boolean);
  }

  /** The stream ended: whatever is left is the last sentence. */
  flush(): string[] {
    const rest = this.pending;
    this.pending = '';
    return rest ? [rest] : [];
  }
}

/** All sentences of a finished text, cut the same way as when it streams. */
export function splitSentences(text: string): string[] {
  const stream = new SentenceStream();
  return [...stream.push(text), ...stream.flush()];
}
