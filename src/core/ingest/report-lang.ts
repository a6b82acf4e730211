/**
 * The language a report is written in, from the script share of its body text.
 *
 * Japanese prose mixes Latin names and figures into kanji and kana (`DeepSeekはOpenAIのGPT-4oに…`),
 * and one Japanese character carries about as much as three or four Latin letters. So a text is
 * Japanese when kanji and kana make at least a quarter of its letters; an English text quoting
 * a Japanese term here and there stays far below that.
 */
import type { Lang } from '../types';

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const LATIN = /\p{Script=Latin}/gu;
/** Share of kanji and kana among letters from which a text reads as Japanese. */
export const JAPANESE_SHARE = 0.25;

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/** 'ja' or 'en' for a report's body texts; a text with no letters at all is taken as Japanese. */
export function detectReportLang(texts: readonly string[]): Lang {
  let japanese = 0;
  let latin = 0;
  for (const t of texts) {
    japanese += count(t, JAPANESE);
    latin += count(t, LATIN);
  }
  if (japanese + latin === 0) return 'ja';
  return japanese / (japanese + latin) >= JAPANESE_SHARE ? 'ja' : 'en';
}
