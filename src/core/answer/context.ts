/** What every answering step reads from: the report as passages and sentences, its indexes and edition. */
import type { Edition } from '../ingest/edition';
import type { Library } from '../library';
import type { Bm25Index } from '../search/bm25';
import type { Lexicon } from '../search/lexicon';
import type { Synonyms } from '../search/synonyms';
import { SOURCE_WORDS } from './question';
import type { SentenceIndex } from './sentences';
import { tokenize } from '../search/tokenize';
import type { Lang, Passage } from '../types';
import type { ComposeOptions } from './compose';
import type { ReaderModel } from './model';

export interface AnswerContext {
  library: Library;
  /** The report title's tokens: the subject its sentences often leave unsaid. */
  titleTokens: ReadonlySet<string>;
  sentences: SentenceIndex;
  bm25: Bm25Index;
  bm25En?: Bm25Index;
  edition?: Edition;
  synonyms?: Synonyms;
  /** English → the report's Japanese words: an English word with an entry names something the report discusses. */
  lexicon?: Lexicon;
  /** The Latin-letter names the report writes (Acme, Zenith): a reader's katakana for one (アクメ) is found by its sound. */
  names: readonly string[];
  /** The katakana words the report writes: a reader's Latin spelling of one (Gujarat for グジャラート) is found by its sound. */
  katakana: readonly string[];
  /** Everything the report says, squashed and lower-cased, for "does the report name X at all". */
  vocabulary: string;
  /** The language the report is written in (its edition, if any, is English). */
  reportLang: Lang;
  /** The learned sentence and decision models. */
  reader: ReaderModel;
}

/** Tokens of the words that ask for a source; they say nothing about which passage. */
export const SOURCE_TOKENS: ReadonlySet<string> = new Set(SOURCE_WORDS.flatMap((w) => tokenize(w)));

export const squash = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

export function reportVocabulary(sentences: SentenceIndex, sections: readonly string[]): string {
  return squash([...sentences.all.flatMap((s) => [s.ja, s.en ?? '']), ...sections].join('\n'));
}

/** The passages an earlier answer cited, by their ids (ids the report does not have are passed over). */
export const citedPassages = (ctx: AnswerContext, ids: readonly string[]): Passage[] => ids.map((id) => ctx.library.passage(id)).filter((p) => p !== undefined);

/** What composing an answer from this report takes: its library and English edition, in the answer's language. */
export function composeOptions(ctx: AnswerContext, lang: Lang): ComposeOptions {
  return { lang, library: ctx.library, reportLang: ctx.reportLang, ...(ctx.edition ? { edition: ctx.edition } : {}) };
}
