/**
 * Checks a generated answer against the passages it was given: citation markers are normalised
 * to [n] and those naming no given passage dropped; every number a sentence states must appear
 * in a passage that sentence cites (else a warning names it); an answer citing nothing is
 * rejected, so the caller can fall back to the extractive answer.
 */
import { heldValues, isHeld, statedNumbers } from './numbers';
import type { ChatAnswer } from '../engine';
import type { Citation, Footnote, Lang, Passage } from '../types';

export interface PromptPassage {
  /** The number the passage had in the prompt, and keeps in the answer. */
  ref: number;
  passage: Passage;
}

const DIGIT = /[０-９]/g;
const ascii = (s: string) => s.replace(DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
/** [1] [1, 2] [1,2] [1-3] ［１］ 【1】, with the spaces before them. */
const MARKER = /(\s*)[[［【]\s*([0-9０-９]{1,3}(?:\s*[,，、\-–~～]\s*[0-9０-９]{1,3})*)\s*[\]］】]/g;

function markerRefs(list: string): number[] {
  const refs: number[] = [];
  for (const part of ascii(list).split(/\s*[,，、]\s*/)) {
    const range = /^(\d+)\s*[-–~～]\s*(\d+)$/.exec(part);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (to >= from && to - from < 10) for (let n = from; n <= to; n++) refs.push(n);
    } else if (/^\d+$/.test(part)) refs.push(Number(part));
  }
  return refs;
}

/** Every marker written as [n][m]; markers naming no valid passage removed with the space before them. */
export function cleanMarkers(text: string, valid: ReadonlySet<number>): { text: string; dropped: number[] } {
  const dropped: number[] = [];
  const out = text.replace(MARKER, (_, space: string, list: string) => {
    const refs = markerRefs(list);
    const kept = refs.filter((n) => valid.has(n));
    dropped.push(...refs.filter((n) => !valid.has(n)));
    return kept.length ? `${space}${[...new Set(kept)].map((n) => `[${n}]`).join('')}` : '';
  });
  return { text: out, dropped: [...new Set(dropped)] };
}

/** A trailing "[", "［1," or run of spaces may still become (part of) a marker when more text arrives. */
const UNFINISHED = /(?:\s*[[［【][0-9０-９,，、\-–~～\s]{0,12}|\s+)$/;

/**
 * Cleans a live stream of deltas the same way cleanMarkers cleans the whole text: what it lets
 * through, joined, equals cleanMarkers(whole).text with leading and trailing space trimmed.
 */
export function createMarkerFilter(valid: ReadonlySet<number>): { push(delta: string): string; flush(): string } {
  let pending = '';
  let started = false;
  const release = (text: string) => {
    let out = cleanMarkers(text, valid).text;
    if (!started) out = out.trimStart();
    if (out) started = true;
    return out;
  };
  return {
    push(delta) {
      pending += delta;
      const hold = UNFINISHED.exec(pending);
      const cut = hold ? hold.index : pending.length;
      const out = release(pending.slice(0, cut));
      pending = pending.slice(cut);
      return out;
    },
    flush() {
      const out = release(pending).trimEnd();
      pending = '';
      return out;
    },
  };
}

export interface AnswerSentence {
  text: string;
  refs: number[];
}

const CLOSERS = /^[」』）)"'”’]+/;
const TRAILING_MARKERS = /^(?:\s*\[\d{1,3}\])+/;

/** Sentences of answer text, each with the [n] markers written in or straight after it. */
export function answerSentences(text: string): AnswerSentence[] {
  const out: AnswerSentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const s = text.slice(start, end);
    if (s.trim()) out.push({ text: s.trim(), refs: [...s.matchAll(/\[(\d{1,3})\]/g)].map((m) => Number(m[1])) });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const end = /[。！？!?\n]/.test(ch) || (ch === '.' && /^(?:\s|\[|$)/.test(text.slice(i + 1, i + 2)));
    if (!end) continue;
    let j = i + 1;
    while (j < text.length && /[。！？!?.]/.test(text[j]!)) j++;
    j += CLOSERS.exec(text.slice(j))?.[0].length ?? 0;
    j += TRAILING_MARKERS.exec(text.slice(j))?.[0].length ?? 0;
    push(j);
    i = j - 1;
  }
  push(text.length);
  return out;
}

/** The numbers a passage holds: in its text, its section title, its page and its footnote numbers. */
const heldCache = new WeakMap<Passage, number[]>();
function held(p: Passage): number[] {
  let values = heldCache.get(p);
  if (!values) heldCache.set(p, (values = [...heldValues(`${p.text}\n${p.section}`), p.page, ...p.footnotes]));
  return values;
}

const excerpt = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

/**
 * Warnings for numbers no cited passage holds. A sentence without markers is checked against
 * every passage the answer cites (a claim often carries its citation on the next sentence).
 */
export function numberWarnings(sentences: AnswerSentence[], passages: PromptPassage[]): string[] {
  const byRef = new Map(passages.map((p) => [p.ref, p.passage]));
  const citedAnywhere = [...new Set(sentences.flatMap((s) => s.refs))].filter((r) => byRef.has(r));
  const warnings: string[] = [];
  for (const s of sentences) {
    const refs = s.refs.filter((r) => byRef.has(r));
    const scope = refs.length ? refs : citedAnywhere;
    const values = scope.flatMap((r) => held(byRef.get(r)!));
    for (const n of statedNumbers(s.text.replace(/\[\d{1,3}\]/g, ' '))) {
      if (isHeld(n, values)) continue;
      const where = refs.length ? `the passage${refs.length > 1 ? 's' : ''} it cites (${refs.map((r) => `[${r}]`).join('')})` : 'any cited passage';
      warnings.push(`The number "${n.text}" is not in ${where}: "${excerpt(s.text)}"`);
    }
  }
  return warnings;
}

export interface VerifiedAnswer {
  /** Undefined when the text cites no given passage: the caller answers extractively instead. */
  answer?: ChatAnswer;
  warnings: string[];
}

export function verifyAnswer(
  raw: string,
  passages: PromptPassage[],
  options: { lang: Lang; generator: string; footnotesOf: (numbers: number[]) => Footnote[] },
): VerifiedAnswer {
  const valid = new Set(passages.map((p) => p.ref));
  const { text, dropped } = cleanMarkers(raw, valid);
  const answerText = text.trim();
  const warnings = dropped.map((n) => `Dropped citation [${n}]: no passage [${n}] was given (only [1]–[${passages.length}])`);
  const sentences = answerSentences(answerText);
  const citedRefs = new Set(sentences.flatMap((s) => s.refs));
  const cited = passages.filter((p) => citedRefs.has(p.ref));
  if (cited.length === 0) {
    warnings.push('The generated answer cited no passage of the report, so the report\'s own sentences are shown instead');
    return { warnings };
  }
  warnings.push(...numberWarnings(sentences, passages));
  const citations: Citation[] = cited.map(({ ref, passage: p }) => ({ ref, id: p.id, text: p.text, section: p.section, page: p.page, footnotes: p.footnotes, quote: p.text }));
  const answer: ChatAnswer = {
    answer: answerText,
    status: 'answered',
    grounded: true,
    lang: options.lang,
    citations,
    footnotes: options.footnotesOf(citations.flatMap((c) => c.footnotes)),
    generator: options.generator,
    ...(warnings.length ? { warnings } : {}),
  };
  return { answer, warnings };
}
