/**
 * Names in a question that the report never writes, and the years it names, for the reader to
 * weigh: specific names (model numbers and acronyms: GPT-5, H20, OECD), which the report cannot
 * answer about however much of the rest it covers; and how many names of any kind (capitalised
 * words, katakana) it neither writes nor knows another word for — a reader's "Brits" or "Holland"
 * is often the report's 英国 or the Netherlands, so these only count as evidence. Web APIs only.
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
    // A plural or possessive of a model name (H100s, o1's) names the model.
    const name = token.replace(/'s$/, '').replace(/(?<=\d)s$/, '');
    if (!isSpecific(name)) continue;
    const lower = name.toLowerCase();
    if (vocabulary.includes(lower) || vocabulary.includes(lower.replace(/[-.]/g, ''))) continue;
    if (synonyms?.en.has(stem(lower))) continue;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

/**
 * Words a reader uses as names: capitalised English words after the first (runs of them as one
 * name: "World Series"), and in a Japanese question Latin words and katakana words (a reader's
 * アクメ for the report's Acme is known through `known`, by its sound).
 */
const NAME_LIKE = /(?<![A-Za-z\d])[A-Z][A-Za-z\d'-]*(?:\s+[A-Z][A-Za-z\d'-]*)*(?![A-Za-z\d])/g;
const KATAKANA_NAME = /[\p{Script=Katakana}ー]{3,}/gu;
const LATIN_IN_JAPANESE = /[A-Za-z][A-Za-z\d-]+/g;

/** The names a question uses (see NAME_LIKE): a run of capitalised words as one. */
export function questionNames(question: string): Set<string> {
  const q = question.normalize('NFKC');
  const japanese = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(q);
  const names = new Set<string>();
  for (const m of q.matchAll(NAME_LIKE)) {
    if (!japanese && m.index === q.search(/\S/)) {
      // The question's first word is capitalised whatever it is: only the rest of a run names something.
      const rest = m[0].split(/\s+/).slice(1).join(' ');
      if (rest) names.add(rest);
      continue;
    }
    names.add(m[0]);
  }
  if (japanese) for (const m of [...q.matchAll(LATIN_IN_JAPANESE), ...q.matchAll(KATAKANA_NAME)]) names.add(m[0]);
  return names;
}

/**
 * How many names the question uses that the report never writes, in either language, nor knows a
 * word for (its lexicon and synonyms): a question about an unknown place or thing asks about
 * something else. `known` says whether a name (lower-cased, stemmed key) has a translation or synonym.
 */
export function unknownNames(question: string, vocabulary: string, known: (name: string) => boolean): number {
  const names = questionNames(question);
  const isKnown = (word: string) => vocabulary.includes(word) || known(word);
  let unknown = 0;
  for (const name of names) {
    const lower = name.toLowerCase();
    if (isKnown(lower) || isKnown(lower.replace(/\s+/g, ''))) continue;
    // A run of capitalised words is known when the report writes each of its words (Acme GPUs, Kesa's
    // Harbour), each without its possessive, an acronym's plural or a hyphenated common word
    // (Acme-maker); a word it only has a translation of does not make a name it never writes (the
    // World Series, where the report says 世界 and 系列).
    const words = name.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/'s$/, '').replace(/(?<=[A-Z\d])s$/, '').replace(/-[a-z]+$/, '').toLowerCase());
    if (words.length > 1 ? words.every((w) => vocabulary.includes(w)) : isKnown(words[0]!)) continue;
    unknown++;
  }
  return unknown;
}
