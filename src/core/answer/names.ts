/**
 * Specific names in a question — model numbers and acronyms (GPT-5, H20, OECD) — that the report
 * never writes, and the years it names. Asked about such a thing, the report cannot answer,
 * however much of the rest of the question it covers: the reader weighs both. Plain capitalised
 * words are left alone: a reader's "Brits" or "Beijing" is often the report's 英国 or China. Web APIs only.
 */
import type { Synonyms } from '../search/synonyms';
import { stem } from '../search/tokenize';

const NAME = /(?<![\p{L}\p{N}])[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*(?![\p{L}\p{N}])/gu;

/** Is this token specific: it holds a digit (GPT-5, H20) or is an acronym of 2+ capitals (OECD, TSMC)? */
const isSpecific = (token: string) => /\d/.test(token) || /^[A-Z]{2,}[a-z]?$/.test(token);

/** Years a question names (2025, 25年, 2025年末): a figure for another year does not answer it. */
export function questionYears(question: string): string[] {
  const q = question.normalize('NFKC');
  return [...new Set([...q.matchAll(/(?<!\d)((?:1\d|20)\d{2})(?!\d)/g)].map((m) => m[1]!))];
}

export function absentNames(question: string, vocabulary: string, synonyms?: Synonyms): string[] {
  const out: string[] = [];
  for (const [token] of question.normalize('NFKC').matchAll(NAME)) {
    const name = token.replace(/'s$/, '');
    if (!isSpecific(name)) continue;
    const lower = name.toLowerCase();
    if (vocabulary.includes(lower) || vocabulary.includes(lower.replace(/[-.]/g, ''))) continue;
    if (synonyms?.en.has(stem(lower))) continue;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}
