/**
 * The aspects of a topic a reader asks about — its risks, its opportunities, its challenges — and
 * the words in which reports state them, in both languages. "The main risks for X" is X's
 * sentences that speak of risk in any of its words (恐れ, 懸念, threat, negative), not the
 * sentences that happen to share the word "risk". Web APIs only.
 */
import { tokenize } from '../search/tokenize';

/** Each aspect, in the words a report (or its English edition) states it with. */
const FAMILIES: readonly (readonly string[])[] = [
  ['リスク', '脅威', '恐れ', '懸念', '負の影響', '悪影響', 'ネガティブ', 'マイナス', 'デメリット', 'risk', 'threat', 'danger', 'downside', 'concern', 'negative'],
  ['機会', 'チャンス', '好機', '追い風', '恩恵', 'メリット', 'プラス', 'opportunity', 'chance', 'benefit', 'upside', 'advantage', 'tailwind'],
  ['課題', '問題', '必要', '求め', '迫ら', '焦点', 'challenge', 'issue', 'problem', 'task', 'need'],
];

/** Each word as the tokens it is indexed by: a text holds the word when it holds all of them. */
const TOKENIZED = FAMILIES.map((family) => family.map((w) => tokenize(w)).filter((t) => t.length > 0));

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
  const families = TOKENIZED.filter((family) => family.some((w) => holdsWord(w, asked)));
  if (families.length === 0) return undefined;
  const words = families.flat();
  return { words, tokens: new Set(words.flat()) };
}

/** Whether a text (its Japanese or English tokens) speaks of one of the aspects. */
export function speaksOf(aspects: Aspects, tokens: ReadonlySet<string>, enTokens: ReadonlySet<string>): boolean {
  return aspects.words.some((w) => holdsWord(w, tokens) || holdsWord(w, enTokens));
}
