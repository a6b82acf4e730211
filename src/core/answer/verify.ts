/**
 * Checks a generated answer against the passages it was given: citation markers are normalised
 * to [n] and those naming no given passage dropped; every number a sentence states must appear
 * in a passage that sentence cites, and every sentence must be supported by the passages it cites
 * (see support.ts), else a warning names it. An answer citing nothing, or one whose checked
 * sentences are mostly unsupported, is rejected, so the caller falls back to the extractive answer.
 */
import { answerSentences, type AnswerSentence } from './answer-sentences';
import { cleanMarkers } from './markers';
import { heldValues, isHeld, statedNumbers } from './numbers';
import { sentenceSupport, sourceTerms, type SourceTerms } from './support';
import type { ChatAnswer } from '../types';
import type { Citation, Footnote, Lang, Passage } from '../types';

export { answerSentences, type AnswerSentence } from './answer-sentences';
export { cleanMarkers, createMarkerFilter } from './markers';

export interface PromptPassage {
  /** The number the passage had in the prompt, and keeps in the answer. */
  ref: number;
  passage: Passage;
  /** The English edition's rendering of the passage, where it has one: English sentences are checked against it. */
  rendering?: string;
}

/** The numbers a passage holds: in its text, its section title, its page and its footnote numbers. */
const heldCache = new WeakMap<Passage, number[]>();
function held(p: Passage): number[] {
  let values = heldCache.get(p);
  if (!values) heldCache.set(p, (values = [...heldValues(`${p.text}\n${p.section}`), p.page, ...p.footnotes]));
  return values;
}

const excerpt = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

/** The passages a sentence is checked against: those it cites, or (citing none) every passage the answer cites. */
function scopes(sentences: AnswerSentence[], passages: PromptPassage[]): { sentence: AnswerSentence; refs: number[]; scope: number[] }[] {
  const given = new Set(passages.map((p) => p.ref));
  const citedAnywhere = [...new Set(sentences.flatMap((s) => s.refs))].filter((r) => given.has(r));
  return sentences.map((sentence) => {
    const refs = sentence.refs.filter((r) => given.has(r));
    return { sentence, refs, scope: refs.length ? refs : citedAnywhere };
  });
}

const citedBy = (refs: number[]) => (refs.length ? `the passage${refs.length > 1 ? 's' : ''} it cites (${refs.map((r) => `[${r}]`).join('')})` : 'any cited passage');

/**
 * Warnings for numbers no cited passage holds. A sentence without markers is checked against
 * every passage the answer cites (a claim often carries its citation on the next sentence).
 */
export function numberWarnings(sentences: AnswerSentence[], passages: PromptPassage[]): string[] {
  const byRef = new Map(passages.map((p) => [p.ref, p.passage]));
  const warnings: string[] = [];
  for (const { sentence, refs, scope } of scopes(sentences, passages)) {
    const values = scope.flatMap((r) => held(byRef.get(r)!));
    for (const n of statedNumbers(sentence.text.replace(/\[\d{1,3}\]/g, ' '))) {
      if (!isHeld(n, values)) warnings.push(`The number "${n.text}" is not in ${citedBy(refs)}: "${excerpt(sentence.text)}"`);
    }
  }
  return warnings;
}

/**
 * Sentences no cited passage supports, each named in a warning, and whether they are more than half
 * of the sentences that could be judged.
 */
export function supportWarnings(sentences: AnswerSentence[], passages: PromptPassage[]): { warnings: string[]; mostlyUnsupported: boolean } {
  const terms = new Map<number, SourceTerms>(passages.map((p) => [p.ref, sourceTerms({ text: `${p.passage.text}\n${p.passage.section}`, ...(p.rendering ? { rendering: p.rendering } : {}) })]));
  const warnings: string[] = [];
  let checked = 0;
  for (const { sentence, refs, scope } of scopes(sentences, passages)) {
    const support = sentenceSupport(sentence.text, scope.map((r) => terms.get(r)!));
    if (!support.checked) continue;
    checked++;
    if (support.supported) continue;
    const missing = support.missing.slice(0, 6).join(', ');
    warnings.push(`Not supported by ${citedBy(refs)}: "${excerpt(sentence.text)}" (not found there: ${missing})`);
  }
  return { warnings, mostlyUnsupported: warnings.length * 2 > checked };
}

/** Most warnings an answer carries: a long answer can break every rule in every sentence. */
export const MAX_WARNINGS = 8;

/** Distinct warnings, at most MAX_WARNINGS, the last saying how many more there were. */
export function capWarnings(warnings: string[]): string[] {
  const distinct = [...new Set(warnings)];
  if (distinct.length <= MAX_WARNINGS) return distinct;
  const kept = distinct.slice(0, MAX_WARNINGS - 1);
  return [...kept, `…and ${distinct.length - kept.length} more warnings`];
}

export interface VerifiedAnswer {
  /** Undefined when the text cites no given passage or is mostly unsupported: the caller answers extractively instead. */
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
    return { warnings: [...capWarnings(warnings), 'The generated answer cited no passage of the report, so the report\'s own sentences are shown instead'] };
  }
  const support = supportWarnings(sentences, passages);
  // Concatenated, not spread into push: an answer may hold more sentences than a call has arguments.
  const all = capWarnings(warnings.concat(numberWarnings(sentences, passages), support.warnings));
  if (support.mostlyUnsupported) {
    all.push('Most of the generated answer is not supported by the passages it cites, so the report\'s own sentences are shown instead');
    return { warnings: all };
  }
  const citations: Citation[] = cited.map(({ ref, passage: p }) => ({ ref, id: p.id, text: p.text, section: p.section, page: p.page, footnotes: p.footnotes, quote: p.text }));
  const answer: ChatAnswer = {
    answer: answerText,
    status: 'answered',
    grounded: true,
    lang: options.lang,
    citations,
    footnotes: options.footnotesOf(citations.flatMap((c) => c.footnotes)),
    generator: options.generator,
    ...(all.length ? { warnings: all } : {}),
  };
  return { answer, warnings: all };
}
