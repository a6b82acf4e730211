/**
 * Sentences of a generated answer, each with the [n] markers written in or straight after it, and
 * where the last complete sentence ends (to cut an answer that was stopped mid-sentence). One pass
 * over the text, no regular expression on it: the answer comes from a model and is untrusted.
 */
import { isSpace } from './markers';

export interface AnswerSentence {
  text: string;
  refs: number[];
}

const FULL_STOPS = new Set(['。', '！', '？', '!', '?', '\n']);
const REPEATABLE = new Set(['。', '！', '？', '!', '?', '.']);
const CLOSERS = new Set(['」', '』', '）', ')', '"', "'", '”', '’']);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** Most space between a sentence and a marker that still belongs to it (bounded, so a run of blank lines is read once). */
const MARKER_GAP = 8;

/** The end of a normalised marker "[n]" (1–3 digits) starting at `i`, or -1. */
function markerEnd(text: string, i: number): number {
  if (text[i] !== '[') return -1;
  let j = i + 1;
  while (j < text.length && j - i <= 3 && isDigit(text.charCodeAt(j))) j++;
  return j > i + 1 && text[j] === ']' ? j + 1 : -1;
}

/** Whether the character at `i` ends a sentence: a full stop, or "." before space, "[" or the end (not 56.3). */
function endsSentence(text: string, i: number): boolean {
  const ch = text[i]!;
  if (FULL_STOPS.has(ch)) return true;
  if (ch !== '.') return false;
  const next = text.charCodeAt(i + 1);
  return i + 1 === text.length || next === 0x5b || isSpace(next);
}

/** Where the sentence whose stop is at `i` ends: after repeated stops, closing brackets and the markers that follow. */
function sentenceEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && REPEATABLE.has(text[j]!)) j++;
  while (j < text.length && CLOSERS.has(text[j]!)) j++;
  for (;;) {
    let k = j;
    while (k < text.length && k - j < MARKER_GAP && isSpace(text.charCodeAt(k))) k++;
    const end = markerEnd(text, k);
    if (end < 0) return j;
    j = end;
  }
}

/** Offsets where sentences end, in order (the last sentence may be unfinished and has none). */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!endsSentence(text, i)) continue;
    const end = sentenceEnd(text, i);
    ends.push(end);
    i = end - 1;
  }
  return ends;
}

function refsIn(sentence: string): number[] {
  const refs: number[] = [];
  for (let i = sentence.indexOf('['); i >= 0; i = sentence.indexOf('[', i + 1)) {
    const end = markerEnd(sentence, i);
    if (end > 0) refs.push(Number(sentence.slice(i + 1, end - 1)));
  }
  return refs;
}

/** Sentences of answer text, each with the [n] markers written in or straight after it. */
export function answerSentences(text: string): AnswerSentence[] {
  const out: AnswerSentence[] = [];
  let start = 0;
  for (const end of [...sentenceEnds(text), text.length]) {
    const s = text.slice(start, end).trim();
    if (s) out.push({ text: s, refs: refsIn(s) });
    start = end;
  }
  return out;
}

/** The text up to the end of its last complete sentence ('' when no sentence is complete). */
export function completeSentences(text: string): string {
  const ends = sentenceEnds(text);
  return ends.length ? text.slice(0, ends.at(-1)).trimEnd() : '';
}
