/**
 * Readable text from the PDF's: the extraction leaves spaces between Japanese and digits or Latin
 * letters (`2024年 3月 27日`, `12分の 1`, `生成 AI`), which a reader sees as typos. Display text
 * drops a space that touches a Japanese character on either side; spaces between Latin words
 * (`Open AI`, `Tom's Hardware, February 4`) and URLs stay as they are. Quotes keep the original.
 */
// Written as \u escapes: the widget bundles this file, and its bundle stays pure ASCII.
const JAPANESE = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\u3005\u3006\u3001\u3002\u300c\u300d\u300e\u300f\uff08\uff09\u3010\u3011\u3014\u3015\u30fb\uff1a\uff1b\uff01\uff1f\uff05\uff5e`;
const SPACE_AFTER_JAPANESE = new RegExp(`([${JAPANESE}])[ \\t\\u3000]+(?=[\\p{L}\\p{N}${JAPANESE}$(（"“])`, 'gu');
const SPACE_BEFORE_JAPANESE = new RegExp(`([\\p{L}\\p{N}.,)）%])[ \\t\\u3000]+(?=[${JAPANESE}])`, 'gu');

export function displayText(text: string): string {
  return text.replace(/\n/g, '').replace(SPACE_AFTER_JAPANESE, '$1').replace(SPACE_BEFORE_JAPANESE, '$1');
}

/**
 * What names a source inside brackets: a URL, a publication in 『』, a quoted title, an
 * author-year (DeepSeek-AI（2025）), an outlet or a full date in either language.
 */
const SOURCE_MARK = new RegExp(
  [
    String.raw`https?:\/\/`,
    '『',
    String.raw`\u300c[^\u300d]+\u300d\s*[.\uff0e\u3001\uff0c,]`,
    String.raw`"[^"]+"`,
    String.raw`[\p{L}\p{N}\u30fb.\-]+\s?[\uff08(](?:19|20)\d{2}[a-z]?[\uff09)]`,
    String.raw`\b(?:Reuters|News|Times|Journal|Hardware|Bloomberg|Post)\b`,
    String.raw`(?:19|20)\d{2}\s*\u5e74\s*\d{1,2}\s*\u6708\s*\d{1,2}\s*\u65e5`,
    String.raw`\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+(?:19|20)\d{2}`,
  ].join('|'),
  'u',
);
const OPENERS: Record<string, string> = { '（': '）', '(': ')' };

/**
 * A footnote's fact without its bibliography: each outermost bracket that names a source
 * (author, title, newspaper, date, URL) is cut, and the spacing and punctuation it leaves are
 * mended (「…とされている（https://…）。」 → 「…とされている。」). The citation keeps the
 * source; a text that is nothing but a source is returned as it is.
 */
export function withoutBibliography(text: string): string {
  const cuts: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const close = OPENERS[text[i]!];
    if (!close) continue;
    let depth = 0;
    let end = -1;
    for (let j = i; j < text.length; j++) {
      if (OPENERS[text[j]!]) depth++;
      else if (text[j] === ')' || text[j] === '）') depth--;
      if (depth === 0) {
        end = j + 1;
        break;
      }
    }
    if (end < 0) break;
    if (SOURCE_MARK.test(text.slice(i + 1, end - 1))) {
      cuts.push([i, end]);
      i = end - 1;
    }
  }
  if (cuts.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [a, b] of cuts) {
    out += text.slice(at, a);
    at = b;
  }
  out = (out + text.slice(at))
    .replace(/\s+([。、，．.,;:)）])/gu, '$1')
    .replace(/([。．.])\1+/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
  // Nothing but a source: it stays (a bare reference is what a source question wants).
  return out.replace(/[\s\p{P}\p{S}]/gu, '').length < 8 ? text : out;
}
