/**
 * Matching tokens for Japanese and English text, shared by indexing and queries so both sides
 * line up. Japanese: Intl.Segmenter words plus character bigrams over each CJK/kana run, so a
 * query still matches when the segmenter cuts a compound differently than in the report.
 * English: lower-cased, stemmed words without stop words. Web APIs only.
 */
import porter2 from 'wink-porter2-stemmer';

// One instance: constructing a Segmenter loads ICU data and is far slower than segmenting.
const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** Kanji (incl. the iteration mark 々 and 〆), hiragana, katakana and the prolonged sound mark. */
export const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}々〆ー]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}々〆ー]+/gu;
const HIRAGANA_ONLY = /^[\p{Script=Hiragana}ー]+$/u;
/** Case particles and the copula's pieces that join words in running text. */
const PARTICLE = /^[はがをにへでとのもやかて]$/;
/** Whitespace between two CJK characters is a layout artefact (line wraps in the source PDF). */
const CJK_GAP = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}々〆ー])\s+(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}々〆ー])/gu;
/** A word or number: apostrophes join letters (tom's), points and commas join digits (56.3, 5,381). */
const LATIN_WORD = /[\p{L}\p{N}]+(?:(?:['’](?=\p{L})|[.,](?=\d)(?<=\d[.,]))[\p{L}\p{N}]+)*/gu;
const NUMBER = /^\d+(?:[.,]\d+)*$/;

/** English function words and question words: they carry no topic. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the of to in on at by for from with about into over under as and or but nor not no ' +
    'is are was were be been being am do does did done doing has have had having ' +
    'what which who whom whose when where why how ' +
    'it its this that these those there here they them their theirs he him his she her hers ' +
    'we us our you your i me my mine ' +
    'can could will would shall should may might must ' +
    'than then so if such also any some all each both either neither very just many much more most ' +
    'up down out off again further once only own same too s t ' +
    'since while during until because through via per among within without upon onto whether'
  ).split(' '),
);

/**
 * Japanese words that carry grammar, not topic: particles, copulas, auxiliaries, question words.
 * Single hiragana tokens are dropped wholesale (は, が, の, を, か …).
 */
export const JAPANESE_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'から まで より など について による における として にとって ため こと もの よう これ それ あれ ' +
    // Compound particles: grammar that joins a noun to its verb (米国はDeepSeekに対して…), not a topic.
    'に対して に対する に対し に関して に関する に関し に基づき に基づく に基づいて に伴い に伴う によって により ' +
    'この その あの どの どう どんな どのよう どのような なに 何 いつ どこ だれ 誰 なぜ なんで どうして 何故 どれ どちら どっち ' +
    'する した して され される いる いた ある あり なる なっ ない です ます でし まし れる られる ' +
    'ください 教え 教えて ' +
    // Words that frame a question or point at the document itself, not at its topic.
    // A chart (グラフ) is how a report shows a figure, as レポート is how it is written.
    '具体 具体的 具体的に 詳しく 詳細 レポート 本稿 筆者 って 的 グラフ チャート'
  ).split(' '),
);

/** NFKC (full-width letters, digits, punctuation → ASCII), lower case, CJK line-wrap gaps removed. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(CJK_GAP, '$1');
}

export function isCjkChar(ch: string): boolean {
  return CJK_CHAR.test(ch);
}

/**
 * Tenths written with 割 (6割, 2.5割, 3割高) as the percentage they are (60％), so a reader's 6割
 * meets a report's 60％ and the other way round. After a digit 割 always counts tenths; alone it
 * is a word of its own (割合, 割引).
 */
const TENTHS = /(\d+(?:\.\d+)?)割/gu;
const asPercent = (text: string) => text.replace(TENTHS, (_, n: string) => `${Math.round(Number(n) * 1000) / 100}％`);

/**
 * The United States written US, U.S. or USA (capitals only: "us" is a pronoun and a stop word) reads
 * as its name, so "US export controls" meets "the United States" and neither is lost.
 */
const US = /(?<![A-Za-z])(?:U\.S\.(?:A\.)?|USA|US)(?![A-Za-z])/g;

/** Tokens for matching, in text order (duplicates kept: they are term frequency). */
export function tokenize(text: string): string[] {
  const normalized = asPercent(normalize(text.replace(US, ' United States ')));
  const out: string[] = [];
  let last = 0;
  for (const match of normalized.matchAll(CJK_RUN)) {
    if (match.index > last) pushLatinWords(normalized.slice(last, match.index), out, true);
    pushJapaneseRun(match[0], out);
    last = match.index + match[0].length;
  }
  if (last < normalized.length) pushLatinWords(normalized.slice(last), out, last > 0);
  return out;
}

/**
 * One CJK/kana run: the segmenter's words of length 1 or ≥ 3 (a two-character word is exactly
 * one of the run's bigrams, so emitting it too would count it twice), then the run's bigrams.
 * Segmenting run by run is about twice as fast as segmenting mixed text, and Latin text never
 * reaches the segmenter at all.
 */
function pushJapaneseRun(run: string, out: string[]): void {
  const chars = [...run];
  if (chars.length === 1) {
    if (!HIRAGANA_ONLY.test(run) && !JAPANESE_STOP_WORDS.has(run)) out.push(run);
    return;
  }
  // Characters inside a stop word (具体的) yield no bigrams either.
  const silenced = new Uint8Array(chars.length);
  let at = 0;
  for (const piece of segmentable(run, chars)) {
    for (const { segment, isWordLike } of segmenter.segment(piece)) {
      const length = [...segment].length;
      if (JAPANESE_STOP_WORDS.has(segment)) silenced.fill(1, at, at + length);
      at += length;
      if (!isWordLike || length === 2 || (length === 1 && HIRAGANA_ONLY.test(segment)) || JAPANESE_STOP_WORDS.has(segment)) continue;
      out.push(segment);
    }
  }
  // Bigrams made only of hiragana are grammar (られ, てい …); whole hiragana words came above.
  // So is a particle glued to a word (本へ, 響は, の影): it says nothing about the topic.
  for (let i = 0; i + 1 < chars.length; i++) {
    const bigram = chars[i]! + chars[i + 1]!;
    if (silenced[i] && silenced[i + 1]) continue;
    if (HIRAGANA_ONLY.test(bigram) || JAPANESE_STOP_WORDS.has(bigram) || PARTICLE.test(chars[i]!) || PARTICLE.test(chars[i + 1]!)) continue;
    out.push(bigram);
  }
}

/**
 * Longest CJK run segmented in one piece. The segmenter's dictionary search over a run with no
 * break in it costs more than linear time (a 2,000-character hiragana run takes 3.5 ms, 8,000
 * characters 370 ms); a longer run is segmented in pieces of this many characters. Report text
 * has no run half this long (punctuation, digits and Latin letters end a run).
 */
export const MAX_SEGMENTED_CHARS = 128;

/** The run itself, or for a run past MAX_SEGMENTED_CHARS, its consecutive pieces of that length. */
function segmentable(run: string, chars: string[]): string[] {
  if (chars.length <= MAX_SEGMENTED_CHARS) return [run];
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; i += MAX_SEGMENTED_CHARS) pieces.push(chars.slice(i, i + MAX_SEGMENTED_CHARS).join(''));
  return pieces;
}

/** A name of two or three Latin words set apart only by spaces (Open AI, Chat GPT): longer runs are phrases. */
const SPACED_NAME = /^\p{L}[\p{L}\p{N}]*(?: [\p{L}\p{N}]+){1,2}$/u;
const NAME_BREAK = /[^\p{L}\p{N} ]+/u;

/**
 * Words and numbers of non-CJK text: "56.3" and "5,381" stay one number, "tom's" one word.
 * Within Japanese text a name spelt in two or three words is also read joined (Open AI as
 * openai), as Japanese text writes it either way (Open AI, OpenAI; Chat GPT, ChatGPT).
 */
function pushLatinWords(text: string, out: string[], inJapanese = false): void {
  if (inJapanese) for (const piece of text.split(NAME_BREAK)) if (SPACED_NAME.test(piece.trim())) out.push(stem(piece.replace(/ /g, '')));
  for (const [word] of text.matchAll(LATIN_WORD)) {
    if (NUMBER.test(word)) {
      out.push(word.replace(/,/g, ''));
      continue;
    }
    const bare = word.replace(/['’]s$/, '').replace(/['’]/g, '');
    if (bare === '' || ENGLISH_STOP_WORDS.has(bare)) continue;
    out.push(stem(bare));
  }
}

/**
 * Most tokens a question or search query is read by. A question names its topic in a few dozen
 * tokens; past this, text (a pasted page, a run of letters) only adds work for every step that
 * looks at each token, so the rest is not read.
 */
export const MAX_QUERY_TOKENS = 256;
/**
 * Most characters of a question or search query read, for the same reason: some steps cost more
 * than linear time in the length of a run of text with no break in it (the segmenter over kana).
 */
export const MAX_QUERY_CHARS = 1000;

/**
 * The start of `text` that holds at most `max` tokens and MAX_QUERY_CHARS characters, cut between
 * words (inside a run with no spaces, such as Japanese, at the share of characters that fits); all
 * of it when it holds less. Only the text up to the cut is tokenized.
 */
export function leadingTokens(whole: string, max: number = MAX_QUERY_TOKENS): string {
  // No text yields more than two tokens a character (a kanji run: its words and its bigrams), so a short one needs no counting.
  if (whole.length * 2 <= max) return whole;
  const text = whole.length > MAX_QUERY_CHARS ? [...whole].slice(0, MAX_QUERY_CHARS).join('').trimEnd() : whole;
  let count = 0;
  for (const piece of text.matchAll(/\S+\s*/gu)) {
    const n = tokenize(piece[0]).length;
    if (count + n <= max) {
      count += n;
      continue;
    }
    const chars = [...piece[0]];
    let keep = Math.floor((chars.length * (max - count)) / n);
    while (keep > 0 && tokenize(chars.slice(0, keep).join('')).length > max - count) keep = Math.floor(keep * 0.9);
    return (text.slice(0, piece.index) + chars.slice(0, keep).join('')).trimEnd();
  }
  return text;
}

/**
 * 'ja' when kana/kanji make up a meaningful share of the text. One CJK character carries about
 * as much as a short English word, so kana count three Latin letters and kanji two (a kanji-only
 * term quoted inside an English question should not flip it to Japanese).
 */
const CLOSED_BY_KANA = /\p{Script=Hiragana}[\s\p{P}]*$/u;

export function detectLang(text: string): 'ja' | 'en' {
  // Japanese grammar closing the sentence (…を日本語で？, …と言うと) makes it Japanese, however long the foreign name in it.
  if (CLOSED_BY_KANA.test(text.slice(-16).normalize('NFKC'))) return 'ja';
  let weight = 0;
  let latin = 0;
  for (const ch of text.normalize('NFKC')) {
    if (/[\p{Script=Hiragana}\p{Script=Katakana}ー]/u.test(ch)) weight += 3;
    else if (CJK_CHAR.test(ch)) weight += 2;
    else if (/[a-zA-Z]/.test(ch)) latin++;
  }
  return weight > 0 && weight > latin ? 'ja' : 'en';
}

/**
 * Longest word stemmed. The stemmer's suffix rules are regular expressions that backtrack over the
 * whole word, so their cost grows with the square of its length; English words are far shorter
 * than this, and a longer "word" (a pasted hash, a run of letters) is matched as it is written.
 */
export const MAX_STEMMED_CHARS = 48;

/**
 * An English word's stem (Porter2, the Snowball English stemmer): "chips"/"chip",
 * "regulation"/"regulate", "released"/"releasing". Both the index and the question go through
 * it, so they meet whatever the inflection or derivation. Words holding digits (H100, R1) stay.
 */
export function stem(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/, '').replace(/['’]$/, '');
  if (w.length <= 2 || w.length > MAX_STEMMED_CHARS || /\d/.test(w)) return w;
  return porter2(w);
}
