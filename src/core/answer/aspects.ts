/**
 * The aspects of a topic a reader asks about — its risks, its opportunities, its challenges — and
 * the words in which reports state them, in both languages. "The main risks for X" is X's
 * sentences that speak of risk in any of its words (恐れ, 懸念, threat, negative), not the
 * sentences that happen to share the word "risk". Web APIs only.
 */
import { tokenize } from '../search/tokenize';

/**
 * Each aspect, in the words a report (or its English edition) states it with, and how a question
 * may ask for it in words the index drops (すべき, should: what must be done is a challenge).
 */
const FAMILIES: readonly { words: readonly string[]; cue?: RegExp }[] = [
  { words: ['リスク', '脅威', '恐れ', '懸念', '負の影響', '悪影響', 'ネガティブ', 'マイナス', 'デメリット', 'risk', 'threat', 'danger', 'downside', 'concern', 'negative'] },
  { words: ['機会', 'チャンス', '好機', '追い風', '恩恵', 'メリット', 'プラス', 'opportunity', 'chance', 'benefit', 'upside', 'advantage', 'tailwind'] },
  { words: ['課題', '問題', '必要', '求め', '迫ら', '焦点', 'challenge', 'issue', 'problem', 'task', 'need'], cue: /すべき|するべき|しなければ|ないといけない|\b(?:should|must|need to|have to)\b/i },
];

/** Each word as the tokens it is indexed by: a text holds the word when it holds all of them. */
const TOKENIZED = FAMILIES.map(({ words, cue }) => ({ words: words.map((w) => tokenize(w)).filter((t) => t.length > 0), cue }));

/** The aspects a question asks about: the words of each, as tokens. */
export interface Aspects {
  words: readonly (readonly string[])[];
  /** Every token of the aspects' words: they say what about the topic, not which topic. */
  tokens: ReadonlySet<string>;
}

const holdsWord = (word: readonly string[], tokens: ReadonlySet<string>) => word.every((t) => tokens.has(t));

/** The aspects a question names, in any of their words; undefined when it names none. */
export function aspectsAsked(question: string): Aspects | undefined {
  const asked = new Set(tokenize(question));
  const families = TOKENIZED.filter(({ words, cue }) => words.some((w) => holdsWord(w, asked)) || cue?.test(question));
  if (families.length === 0) return undefined;
  const words = families.flatMap((f) => f.words);
  return { words, tokens: new Set(words.flat()) };
}

/** Whether a text (its Japanese or English tokens) speaks of one of the aspects. */
export function speaksOf(aspects: Aspects, tokens: ReadonlySet<string>, enTokens: ReadonlySet<string>): boolean {
  return aspects.words.some((w) => holdsWord(w, tokens) || holdsWord(w, enTokens));
}
