/**
 * Readable text from the PDF's: the extraction leaves spaces between Japanese and digits or Latin
 * letters (`2024年 3月 27日`, `12分の 1`, `生成 AI`), which a reader sees as typos. Display text
 * drops a space that touches a Japanese character on either side; spaces between Latin words
 * (`Open AI`, `Tom's Hardware, February 4`) and URLs stay as they are. Quotes keep the original.
 */
const JAPANESE = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆、。「」『』（）【】〔〕・：；！？％～`;
const SPACE_AFTER_JAPANESE = new RegExp(`([${JAPANESE}])[ \\t\\u3000]+(?=[\\p{L}\\p{N}${JAPANESE}$(（"“])`, 'gu');
const SPACE_BEFORE_JAPANESE = new RegExp(`([\\p{L}\\p{N}.,)）%])[ \\t\\u3000]+(?=[${JAPANESE}])`, 'gu');

export function displayText(text: string): string {
  return text.replace(/\n/g, '').replace(SPACE_AFTER_JAPANESE, '$1').replace(SPACE_BEFORE_JAPANESE, '$1');
}
