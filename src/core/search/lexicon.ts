/**
 * English → Japanese query terms, so an English question can be matched lexically against the
 * Japanese report. A general dictionary (resources/lexicon.en-ja.json, from EDICT) and the
 * report's optional domain glossary are reduced at ingest to the words the report uses
 * (`deriveLexicon`, in lexicon-files.ts); the engine applies that reduced lexicon. Web APIs only.
 */
import type { WeightedTerm } from './bm25';
import { mergeTerms } from './bm25';
import { ENGLISH_STOP_WORDS, isCjkChar, stem, tokenize } from './tokenize';

export interface Lexicon {
  source: string;
  licence: string;
  attribution: string;
  /** Phrase key (see `lexiconKey`) → Japanese terms, best first. */
  entries: ReadonlyMap<string, readonly string[]>;
  /** The general dictionary's katakana words (チップ, スープ), kept whole for a report: a reader's katakana word listed here is a common noun, not a name. */
  katakanaWords?: ReadonlySet<string>;
}

/** Longest English phrase looked up as one unit. */
export const MAX_PHRASE_WORDS = 4;
/** Weight of a one-word translation; each extra word in a matched phrase adds `PHRASE_BONUS`. */
const WORD_WEIGHT = 1;
const PHRASE_BONUS = 0.75;
/** Candidates used per match; later ones are rarer senses and mostly add noise. */
const MAX_CANDIDATES = 3;
const SINGLE_CHARACTER_FACTOR = 0.5;
const RELATED_FORM_FACTOR = 0.75;
/** English tokens stay in the query: names, numbers and footnote titles are written in English. */
const ENGLISH_WEIGHT_UNTRANSLATED = 1;
const ENGLISH_WEIGHT_TRANSLATED = 0.5;

/**
 * Words that frame a question rather than say what it is about ("what does the report say…").
 * They are neither translated nor kept.
 */
const QUESTION_FRAME_WORDS: ReadonlySet<string> = new Set(
  'say says said mention mentions mentioned tell told describe describes explain explains give please according'
    .split(' ')
    .map(stem),
);
const DOCUMENT_WORDS: ReadonlySet<string> = new Set(['report', 'article', 'paper', 'text', 'document'].map(stem));

/** English words in order, case kept (possessive 's dropped, punctuation as separator). */
function splitWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(/['’]s\b/g, '')
    .replace(/(?<![A-Za-z])U\.S\.(?![A-Za-z])/g, 'US')
    .match(/\d+(?:[.,]\d+)*|[\p{Script=Latin}\p{N}]+/gu) ?? [];
}

/** Lower-cased English words in order. */
export function englishWords(text: string): string[] {
  return splitWords(text).map((w) => w.toLowerCase());
}

/** The lookup key of an English phrase: its words, stemmed, joined by one space. */
export function lexiconKey(phrase: string): string {
  return englishWords(phrase).map(stem).join(' ');
}

interface WordSlot {
  word: string;
  key: string;
  stop: boolean;
}

/**
 * An English question → weighted terms for BM25 over the Japanese report. Phrases are matched
 * longest-first (up to four words) so "household registration" becomes 戸籍 rather than two
 * loose words; each match's weight is shared among its candidate translations, and every
 * Japanese term is tokenised exactly as the index is. English content words are kept as well.
 * Japanese already in the question passes through unchanged.
 */
export function translateQuery(question: string, lexicon: Lexicon): WeightedTerm[] {
  const terms: WeightedTerm[] = [];
  const cjkParts = [...question.normalize('NFKC')].map((ch) => (isCjkChar(ch) ? ch : ' ')).join('');
  for (const token of tokenize(cjkParts)) terms.push({ term: token, weight: WORD_WEIGHT });

  const slots: WordSlot[] = splitWords(question).map((original) => {
    const word = original.toLowerCase();
    const key = stem(word);
    // Upper-case "US" is the country, not the pronoun.
    const stop = (ENGLISH_STOP_WORDS.has(word) && original !== 'US') || QUESTION_FRAME_WORDS.has(key);
    return { word, key, stop };
  });
  dropDocumentSelfReference(slots);

  let i = 0;
  while (i < slots.length) {
    const scaled = japaneseNumber(slots[i]!.word, slots[i + 1]?.word);
    if (scaled) {
      for (const term of scaled) terms.push({ term, weight: ENGLISH_WEIGHT_UNTRANSLATED });
      for (const token of tokenize(slots[i]!.word)) terms.push({ term: token, weight: ENGLISH_WEIGHT_TRANSLATED });
      i += 2;
      continue;
    }
    const match = longestMatch(slots, i, lexicon);
    if (match) {
      const weight = (WORD_WEIGHT + PHRASE_BONUS * (match.length - 1)) * (match.related ? RELATED_FORM_FACTOR : 1);
      const candidates = match.terms.slice(0, MAX_CANDIDATES);
      for (const japanese of candidates) pushJapaneseTerm(japanese, weight / candidates.length, terms);
    }
    const span = match?.length ?? 1;
    for (let j = i; j < i + span; j++) {
      const slot = slots[j]!;
      if (slot.stop) continue;
      const englishWeight = match ? ENGLISH_WEIGHT_TRANSLATED : ENGLISH_WEIGHT_UNTRANSLATED;
      for (const token of tokenize(slot.word)) terms.push({ term: token, weight: englishWeight });
    }
    i += span;
  }
  return mergeTerms(terms).sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

/**
 * One translation's tokens. A long term yields many bigrams; dividing by √tokens keeps it from
 * outweighing a two-character word, while a document holding the whole term still scores more.
 * A single character is usually a loose sense of the English word, so it counts half.
 */
function pushJapaneseTerm(japanese: string, weight: number, terms: WeightedTerm[]): void {
  const tokens = tokensOfTerm(japanese);
  if (tokens.length === 0) return;
  const single = [...japanese].length === 1 ? SINGLE_CHARACTER_FACTOR : 1;
  const tokenWeight = (weight * single) / Math.sqrt(tokens.length);
  for (const term of tokens) terms.push({ term, weight: tokenWeight });
}

/** Japanese writes large numbers in units of 10⁴ (万), 10⁸ (億) and 10¹² (兆). */
const ENGLISH_SCALES: Record<string, { factor: number; unit: string }> = {
  thousand: { factor: 0.1, unit: '万' },
  million: { factor: 100, unit: '万' },
  billion: { factor: 10, unit: '億' },
  trillion: { factor: 1, unit: '兆' },
};

/** "6 million" → the tokens of "600万"; undefined unless a number is followed by a scale word. */
function japaneseNumber(word: string, next: string | undefined): string[] | undefined {
  const scale = next === undefined ? undefined : ENGLISH_SCALES[next.replace(/s$/, '')];
  if (!scale || !/^\d+(?:\.\d+)?$/.test(word)) return undefined;
  const value = Number((Number(word) * scale.factor).toFixed(6));
  if (!Number.isInteger(value)) return undefined;
  return tokenize(`${value}${scale.unit}`);
}

/**
 * Tokens of dictionary terms, memoised: the same few thousand terms recur across questions and
 * segmenting them dominates the cost of a translation. Bounded by the lexicon's vocabulary.
 */
const termTokenCache = new Map<string, string[]>();
function tokensOfTerm(japanese: string): string[] {
  let tokens = termTokenCache.get(japanese);
  if (!tokens) termTokenCache.set(japanese, (tokens = tokenize(japanese)));
  return tokens;
}

/** "the report", "this article": the document itself, not a topic. */
function dropDocumentSelfReference(slots: WordSlot[]): void {
  for (let i = 1; i < slots.length; i++) {
    const previous = slots[i - 1]!.word;
    if ((previous === 'the' || previous === 'this') && DOCUMENT_WORDS.has(slots[i]!.key)) slots[i]!.stop = true;
  }
}

interface LexiconMatch {
  length: number;
  terms: readonly string[];
  /** Found through a derived form of the word, so a looser translation. */
  related: boolean;
}

function longestMatch(slots: WordSlot[], start: number, lexicon: Lexicon): LexiconMatch | undefined {
  const first = slots[start]!;
  if (first.stop) return undefined;
  for (let length = Math.min(MAX_PHRASE_WORDS, slots.length - start); length >= 1; length--) {
    const last = slots[start + length - 1]!;
    if (last.stop) continue;
    const key = slots
      .slice(start, start + length)
      .map((s) => s.key)
      .join(' ');
    const terms = lexicon.entries.get(key);
    if (terms) return { length, terms, related: false };
  }
  for (const form of relatedForms(first.key)) {
    const terms = lexicon.entries.get(lexiconKey(form));
    if (terms) return { length: 1, terms, related: true };
  }
  return undefined;
}

/**
 * Derivations of a stem the dictionary may list instead (glosses favour nouns: "contribution",
 * "investigation", "industry", "strategy", "recently"). Tried only when the word itself is missing.
 */
function relatedForms(key: string): string[] {
  const forms = [`${key}ion`, `${key}ation`, `${key}ment`, `${key}ly`, `${key}e`];
  if (key.endsWith('ial')) forms.push(`${key.slice(0, -3)}y`);
  if (key.endsWith('al')) forms.push(key.slice(0, -2));
  if (key.endsWith('ic')) forms.push(`${key.slice(0, -2)}y`);
  if (key.endsWith('ly')) forms.push(key.slice(0, -2));
  return forms;
}
