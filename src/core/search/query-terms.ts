/**
 * A question → the weighted terms each lexical index is searched with. Japanese questions search
 * the report with their own tokens plus synonyms; English questions search the English edition
 * with their stems plus synonyms, and the report through the English → Japanese lexicon. A
 * follow-up adds the turn it follows at a discount, and a new subject (日本は？) weighs double.
 */
import { mergeTerms, type WeightedTerm } from './bm25';
import { translateQuery, type Lexicon } from './lexicon';
import { englishSynonymTerms, japaneseSynonymTerms, noSynonyms, SYNONYM_WEIGHT, type Synonyms } from './synonyms';
import { matchKatakana, matchLatinName } from './transliterate';
import { CJK_CHAR, detectLang, tokenize } from './tokenize';
import type { Lang } from '../types';

export interface QueryTerms {
  /** Terms for the Japanese report. */
  ja: WeightedTerm[];
  /** Terms for the English edition (English questions only). */
  en: WeightedTerm[];
}

export interface TermSources {
  lexicon?: Lexicon;
  synonyms?: Synonyms;
  /** Whether an English edition is searchable. */
  english: boolean;
  /** The report's Latin-script names, for katakana spellings of them (アクメ for Acme). */
  names?: readonly string[];
  /** The report's text, squashed, to tell a katakana word the report uses from one it does not. */
  vocabulary?: string;
  /** The report's katakana words, for Latin spellings of them in English questions (Gujarat). */
  katakana?: readonly string[];
  /** The language the report is written in (default Japanese). */
  reportLang?: Lang;
}

/** Capitalised English words the report writes in katakana: the katakana's terms. */
function katakanaNames(text: string, sources: TermSources): WeightedTerm[] {
  const terms: WeightedTerm[] = [];
  if (!sources.katakana?.length) return terms;
  for (const [word] of text.normalize('NFKC').matchAll(/\b[A-Z][a-z]{3,}\b/g)) {
    if (sources.vocabulary?.includes(word.toLowerCase())) continue;
    const katakana = matchKatakana(word, sources.katakana);
    if (katakana) for (const term of tokenize(katakana)) terms.push({ term, weight: SYNONYM_WEIGHT });
  }
  return terms;
}

const KATAKANA_WORD = /[\p{Script=Katakana}ー]{3,}/gu;

/** Katakana words the report does not use that spell one of its Latin names: the name's terms instead. */
function transliterated(text: string, sources: TermSources): { terms: WeightedTerm[]; rest: string } {
  const terms: WeightedTerm[] = [];
  let rest = text;
  if (!sources.names?.length) return { terms, rest };
  for (const [word] of text.matchAll(KATAKANA_WORD)) {
    if (sources.vocabulary?.includes(word)) continue;
    const name = matchLatinName(word, sources.names);
    if (!name) continue;
    for (const term of tokenize(name)) terms.push({ term, weight: SYNONYM_WEIGHT });
    rest = rest.split(word).join('、');
  }
  return { terms, rest };
}

const CONTEXT_WEIGHT = 0.5;
const SUBJECT_WEIGHT = 2;
/** Terms kept per question: enough for any real question, and a bound on what one request can cost. */
const MAX_TERMS = 64;

const scale = (terms: WeightedTerm[], f: number) => terms.map((t) => ({ term: t.term, weight: t.weight * f }));
const strongest = (terms: WeightedTerm[]) => mergeTerms(terms).sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1)).slice(0, MAX_TERMS);

/** A space between two Japanese characters. */
const SPACE_BETWEEN_JAPANESE = new RegExp(`(?<=${CJK_CHAR.source})\\s+(?=${CJK_CHAR.source})`, 'gu');

/**
 * A share asked as 何割 or 何パーセント, and a hedge on how much (くらい, どれほど): words no report
 * writes, which would make the question look absent from it. The kind of value asked is read from
 * the whole question. (何年, 何人 stay: 年 and 人 are written beside the values that answer them.)
 */
const ASKED_HOW_MUCH = /(?:何|なん)\s*(?:割|パーセント|[％%])|(?:どれ|どの|いか)\s*(?:くらい|ぐらい|ほど)|くらい|ぐらい/gu;

/** Terms of one text in its own language. */
export function textTerms(text: string, lang: Lang, sources: TermSources): QueryTerms {
  const synonyms = sources.synonyms ?? noSynonyms;
  if (lang === 'ja') {
    const names = transliterated(text.normalize('NFKC'), sources);
    const { terms, rest } = japaneseSynonymTerms(names.rest, synonyms);
    // A space a reader types between Japanese words separates them (港湾　利用規約): no pair of
    // characters across it is a word. (In the report's own text a space is the PDF's, and is read through.)
    const words = rest.replace(SPACE_BETWEEN_JAPANESE, '、').replace(ASKED_HOW_MUCH, '、');
    return { ja: [...tokenize(words).map((term) => ({ term, weight: 1 })), ...terms, ...names.terms], en: [] };
  }
  const own = tokenize(text).map((term) => ({ term, weight: 1 }));
  // A report written in English is searched with the question's own words and their synonyms.
  if (sources.reportLang === 'en') return { ja: englishSynonymTerms(own.map((t) => t.term), synonyms), en: [] };
  // Without an English edition, a foreign name the report writes in katakana is found by its sound.
  const ja = [...(sources.lexicon ? translateQuery(text, sources.lexicon) : own), ...(sources.english ? [] : katakanaNames(text, sources))];
  const en = sources.english ? englishSynonymTerms(own.map((t) => t.term), synonyms) : [];
  return { ja, en };
}

export interface QuestionParts {
  lang: Lang;
  focus: string;
  /** A follow-up's new subject (日本, Germany). */
  subject?: string;
  /** Earlier turns, already bounded. */
  context?: string;
}

export function questionTerms(q: QuestionParts, sources: TermSources): QueryTerms {
  const parts: { terms: QueryTerms; weight: number }[] = [];
  if (q.subject) parts.push({ terms: textTerms(q.subject, q.lang, sources), weight: SUBJECT_WEIGHT });
  else parts.push({ terms: textTerms(q.focus, q.lang, sources), weight: 1 });
  if (q.context) {
    const contextLang = detectLang(q.context);
    // A word repeated through a long earlier turn counts once: the turn is a hint, not a document.
    const once = (terms: WeightedTerm[]) => mergeTerms(terms).map((t) => ({ term: t.term, weight: Math.min(t.weight, 1) }));
    const raw = textTerms(q.context, contextLang, sources);
    const ctx = { ja: once(raw.ja), en: once(raw.en) };
    // An English question after a Japanese turn still searches the edition with the turn's meaning via the report.
    parts.push({ terms: { ja: ctx.ja, en: q.lang === 'en' ? ctx.en : [] }, weight: CONTEXT_WEIGHT });
  }
  return {
    ja: strongest(parts.flatMap((p) => scale(p.terms.ja, p.weight))),
    en: strongest(parts.flatMap((p) => scale(p.terms.en, p.weight))),
  };
}
