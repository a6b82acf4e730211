/**
 * Whether a generated sentence is supported by the passages it cites. A model can write a fluent
 * sentence, cite [1], and state something [1] never says (「DeepSeekは火星で創業された。[1]」):
 * checking citation numbers and figures does not catch it. Here the sentence's content terms —
 * kanji and katakana bigrams, Latin words, names; not kana, whose endings change with every
 * paraphrase — must be found in the cited passages: at least half of its terms, and every name. Numbers are left to the number check (numbers.ts), which
 * compares values rather than spellings.
 *
 * Each cited passage is given as its Japanese text plus, where the English edition has one, its
 * English rendering, so an English sentence is compared with English words. Without a rendering an
 * English sentence is checked only for names written the same in both languages (DeepSeek, R1,
 * H100): its other words cannot be compared with Japanese text.
 */
import { detectLang, tokenize } from '../search/tokenize';

export interface SupportSource {
  /** The passage as the report writes it. */
  text: string;
  /** Its English rendering, when the English edition has one. */
  rendering?: string;
}

export interface SentenceSupport {
  /** False when the sentence holds too little to judge, or nothing it holds can be compared. */
  checked: boolean;
  supported: boolean;
  /**
   * False when only part of what the sentence says could be compared: an English sentence whose
   * passages have no English rendering is checked by its names alone.
   */
  complete: boolean;
  /** The sentence's terms that no cited passage holds. */
  missing: string[];
}

/** Share of a sentence's terms its passages must hold. */
export const MIN_SUPPORTED_SHARE = 0.5;
/** Fewer terms than this and a sentence is not judged ("はい。", "In short:"). */
const MIN_TERMS = 2;

const HIRAGANA = /\p{Script=Hiragana}/u;
const CJK = /[\p{Script=Han}\p{Script=Katakana}]/u;
const DIGITS_ONLY = /^\d+(?:\.\d+)?$/;
const SPLIT_LATIN = /([A-Za-z]) (?=[A-Za-z])/g;
/** A Latin word as written (after NFKC), for telling names by their capitals and digits. */
const LATIN_WORD = /[A-Za-z0-9][A-Za-z0-9-]*/g;

/** Terms of text that carry content: kanji/katakana bigrams without kana endings, Latin words; no numbers. */
function contentTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const t of tokenize(text)) {
    // Kana endings and particles change with every paraphrase; numbers are checked by value.
    if (DIGITS_ONLY.test(t) || HIRAGANA.test(t)) continue;
    if (!CJK.test(t) || [...t].length === 2) terms.add(t);
  }
  return terms;
}

/**
 * Names in a sentence, as tokenize spells them: Latin words with digits or inner capitals
 * (DeepSeek, R1, H100, GPT-4o), which both languages write alike; with `capitalised`, also
 * capitalised words after the first (Nvidia, Huawei, Mars), as English writes names.
 */
function names(sentence: string, capitalised: boolean): Set<string> {
  const out = new Set<string>();
  let first = true;
  for (const [word] of sentence.normalize('NFKC').matchAll(LATIN_WORD)) {
    const verbatim = (/\d/.test(word) && /[A-Za-z]/.test(word)) || /[a-z][A-Z]/.test(word);
    const named = verbatim || (capitalised && !first && /^[A-Z]/.test(word));
    first = false;
    if (named) for (const t of tokenize(word)) if (!DIGITS_ONLY.test(t)) out.add(t);
  }
  return out;
}

export interface SourceTerms {
  all: Set<string>;
  hasRendering: boolean;
}

/** The terms one cited passage holds, in both its languages (see passageTerms, which computes them once per passage). */
export function sourceTerms(source: SupportSource): SourceTerms {
  const all = new Set(tokenize(source.text));
  // The report's text sometimes splits a Latin name in two ("Open AI"): hold the joined spelling too.
  for (const t of tokenize(source.text.replace(SPLIT_LATIN, '$1'))) all.add(t);
  if (source.rendering) for (const t of tokenize(source.rendering)) all.add(t);
  return { all, hasRendering: Boolean(source.rendering) };
}

export function sentenceSupport(sentence: string, sources: SourceTerms[]): SentenceSupport {
  const bare = sentence.replace(/\[\d{1,3}\]/g, ' ');
  const held = (t: string) => sources.some((s) => s.all.has(t));
  const english = detectLang(bare) === 'en';
  if (english && !sources.some((s) => s.hasRendering)) {
    // No English to compare the sentence with: only names written alike in both languages.
    const verbatim = [...names(bare, false)];
    const missing = verbatim.filter((t) => !held(t));
    return { checked: verbatim.length > 0, supported: missing.length === 0, complete: false, missing };
  }
  const named = names(bare, english);
  const terms = contentTerms(bare);
  for (const n of named) terms.add(n);
  if (terms.size < MIN_TERMS) return { checked: false, supported: true, complete: true, missing: [] };
  const missing = [...terms].filter((t) => !held(t));
  const namesMissing = [...named].some((n) => !held(n));
  const supported = !namesMissing && (terms.size - missing.length) / terms.size >= MIN_SUPPORTED_SHARE;
  return { checked: true, supported, complete: true, missing };
}

/** Terms of passages already seen, with the rendering they were computed with. */
const passageCache = new WeakMap<object, { rendering: string | undefined; terms: SourceTerms }>();

/**
 * A passage's terms (its text and section, plus its English rendering), computed on first use and
 * kept with the passage: passages are the index's own objects, asked about again and again, and
 * tokenizing one costs far more than checking a sentence against it.
 */
export function passageTerms(passage: { text: string; section: string }, rendering?: string): SourceTerms {
  const cached = passageCache.get(passage);
  if (cached && cached.rendering === rendering) return cached.terms;
  const terms = sourceTerms({ text: `${passage.text}\n${passage.section}`, ...(rendering ? { rendering } : {}) });
  passageCache.set(passage, { rendering, terms });
  return terms;
}
