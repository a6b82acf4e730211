/**
 * Checks a generated answer against the passages it was given: citation markers are normalised
 * to [n] and those naming no given passage dropped; every number a sentence states must appear
 * in a passage that sentence cites, and every sentence must be supported by the passages it cites
 * (see support.ts). A sentence that fails either check is removed from the answer, and a warning
 * names it. An answer citing nothing, one whose checked sentences are mostly unsupported, or one
 * left citing nothing once its failing sentences are removed is rejected, so the caller falls back
 * to the extractive answer.
 */
import { answerSentences, type AnswerSentence } from './answer-sentences';
import { cleanMarkers } from './markers';
import { heldValues, isHeld, statedNumbers } from './numbers';
import { passageTerms, sentenceSupport } from './support';
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

/** The numbers a passage holds: in its text, its section title, its page and its footnote numbers (once per passage). */
const heldCache = new WeakMap<Passage, number[]>();
function held(p: Passage): number[] {
  let values = heldCache.get(p);
  if (!values) heldCache.set(p, (values = [...heldValues(`${p.text}\n${p.section}`), p.page, ...p.footnotes]));
  return values;
}

const excerpt = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

const citedBy = (refs: number[]) => (refs.length ? `the passage${refs.length > 1 ? 's' : ''} it cites (${refs.map((r) => `[${r}]`).join('')})` : 'any cited passage');

/** What checking one sentence found. */
interface SentenceCheck {
  sentence: AnswerSentence;
  /** Warnings for what no passage it is checked against holds: numbers, then terms. */
  problems: string[];
  /** The support check judged it (it states enough to judge) and found it unsupported. */
  unsupported: boolean;
  /** The support check could judge it. */
  judged: boolean;
  /** Only part of it could be compared (English without a rendering): shown, but not grounded. */
  partial: boolean;
}

/**
 * Checks one sentence against the passages `scope` names: every number it states must be held by
 * one of them, and its content terms must be found there (see support.ts).
 */
function checkSentence(sentence: AnswerSentence, refs: number[], scope: number[], byRef: Map<number, PromptPassage>): SentenceCheck {
  const problems: string[] = [];
  const values = scope.flatMap((r) => held(byRef.get(r)!.passage));
  for (const n of statedNumbers(sentence.text.replace(/\[\d{1,3}\]/g, ' '))) {
    if (!isHeld(n, values)) problems.push(`The number "${n.text}" is not in ${citedBy(refs)}: "${excerpt(sentence.text)}"`);
  }
  const support = sentenceSupport(
    sentence.text,
    scope.map((r) => {
      const p = byRef.get(r)!;
      return passageTerms(p.passage, p.rendering);
    }),
  );
  const unsupported = support.checked && !support.supported;
  if (unsupported) problems.push(`Not supported by ${citedBy(refs)}: "${excerpt(sentence.text)}" (not found there: ${support.missing.slice(0, 6).join(', ')})`);
  return { sentence, problems, unsupported, judged: support.checked, partial: !support.complete };
}

/**
 * Every sentence checked: those with markers against the passages they cite; those without
 * against every passage the other sentences that pass cite (a claim often carries its citation on
 * the next sentence), so the scope of an uncited sentence is what the answer finally cites.
 */
export function checkSentences(sentences: AnswerSentence[], passages: PromptPassage[]): SentenceCheck[] {
  const byRef = new Map(passages.map((p) => [p.ref, p]));
  const checks = new Map<AnswerSentence, SentenceCheck>();
  for (const sentence of sentences) {
    const refs = sentence.refs.filter((r) => byRef.has(r));
    if (refs.length) checks.set(sentence, checkSentence(sentence, refs, refs, byRef));
  }
  const citedAnywhere = [...new Set([...checks.values()].filter((c) => c.problems.length === 0).flatMap((c) => c.sentence.refs))].filter((r) => byRef.has(r));
  for (const sentence of sentences) if (!checks.has(sentence)) checks.set(sentence, checkSentence(sentence, [], citedAnywhere, byRef));
  return sentences.map((s) => checks.get(s)!);
}

/** `text` without the sentences in `drop` (each a trimmed slice of it, in order), and the space after each. */
function withoutSentences(text: string, sentences: AnswerSentence[], drop: ReadonlySet<AnswerSentence>): string {
  let out = '';
  let at = 0;
  for (const s of sentences) {
    const start = text.indexOf(s.text, at);
    if (start < 0) continue;
    const end = start + s.text.length;
    if (!drop.has(s)) {
      out += text.slice(at, end);
      at = end;
      continue;
    }
    out += text.slice(at, start);
    at = end;
    while (at < text.length && /\s/.test(text[at]!)) at++;
  }
  return (out + text.slice(at)).trim();
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
  /** Undefined when the text cites no given passage, is mostly unsupported, or keeps nothing cited once unsupported sentences are removed: the caller answers extractively instead. */
  answer?: ChatAnswer;
  warnings: string[];
}

const REMOVED = '; removed from the answer';

/**
 * The generated answer as the reader may see it. Sentences that state a number their passages do
 * not hold, or that their passages do not support, are removed (each named in a warning); so
 * `grounded: true` means every sentence shown was checked against the passages it cites and found
 * there. A sentence that could only be compared in part (English, with no English rendering of its
 * passages: names and numbers only) is shown, but the answer is then not marked grounded.
 */
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
  if (!sentences.some((s) => s.refs.length > 0)) {
    return { warnings: [...capWarnings(warnings), 'The generated answer cited no passage of the report, so the report\'s own sentences are shown instead'] };
  }
  const checks = checkSentences(sentences, passages);
  const judged = checks.filter((c) => c.judged).length;
  const unsupported = checks.filter((c) => c.unsupported).length;
  const problems = checks.flatMap((c) => c.problems);
  if (unsupported * 2 > judged) {
    const all = capWarnings(warnings.concat(problems));
    all.push('Most of the generated answer is not supported by the passages it cites, so the report\'s own sentences are shown instead');
    return { warnings: all };
  }
  const removed = new Set(checks.filter((c) => c.problems.length > 0).map((c) => c.sentence));
  const kept = checks.filter((c) => !removed.has(c.sentence));
  const citedRefs = new Set(kept.flatMap((c) => c.sentence.refs));
  const cited = passages.filter((p) => citedRefs.has(p.ref));
  const removals = checks.flatMap((c) => c.problems.map((p) => p + REMOVED));
  if (cited.length === 0) {
    const all = capWarnings(warnings.concat(problems));
    all.push('No sentence of the generated answer that cites the report is supported by it, so the report\'s own sentences are shown instead');
    return { warnings: all };
  }
  const partial = kept.some((c) => c.partial);
  const all = capWarnings(warnings.concat(removals, partial ? ['Parts of the generated answer could not be compared with the passages (they have no English rendering): only names and numbers were checked'] : []));
  const citations: Citation[] = cited.map(({ ref, passage: p }) => ({ ref, id: p.id, text: p.text, section: p.section, page: p.page, footnotes: p.footnotes, quote: p.text }));
  const answer: ChatAnswer = {
    answer: removed.size ? withoutSentences(answerText, sentences, removed) : answerText,
    status: 'answered',
    grounded: !partial,
    lang: options.lang,
    citations,
    footnotes: options.footnotesOf(citations.flatMap((c) => c.footnotes)),
    generator: options.generator,
    ...(all.length ? { warnings: all } : {}),
  };
  return { answer, warnings: all };
}
