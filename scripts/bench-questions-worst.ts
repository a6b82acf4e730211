/**
 * Questions built to cost the most per character: one long Latin word, long words, many short
 * words, long digit runs, long kana and kanji runs. Each shape is a function of the length and a
 * seed, so every call can be a question the server has not seen (nothing comes from a cache).
 * Used by `npm run bench` (the slowest 2,000-character question) and by the cost tests (a
 * question 4× as long may cost only a few times as much).
 */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const KATAKANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';
const HIRAGANA = 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわん';
const KANJI = '経済成長投資輸出政策産業技術半導体市場企業政府地域開発資金規制';
const DIGITS = '0123456789';

/** Characters of `alphabet` in a pseudo-random order fixed by `seed`. */
function run(alphabet: string, length: number, seed: number): string {
  const chars = [...alphabet];
  let x = (seed * 2654435761 + 1) >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += chars[(x >>> 8) % chars.length];
  }
  return out;
}

/** Words of `size` characters from `alphabet` joined by spaces, `length` characters in all. */
const words = (alphabet: string, size: number, length: number, seed: number) => {
  const parts: string[] = [];
  for (let used = 0, i = 0; used < length; i++) {
    const w = run(alphabet, Math.min(size, length - used), seed * 7919 + i);
    parts.push(w);
    used += w.length + 1;
  }
  return parts.join(' ').slice(0, length);
};

export const costlyQuestions: Record<string, (length: number, seed: number) => string> = {
  'one long Latin word': (n, s) => run(LETTERS, n, s),
  'Latin words of 100 letters': (n, s) => words(LETTERS, 100, n, s),
  'many short words': (n, s) => words(LETTERS, 4, n, s),
  'one long digit run': (n, s) => run(DIGITS, n, s),
  'digits joined by points and commas': (n, s) => run(DIGITS, n, s).replace(/(\d\d)(?=\d)/g, (m, d, i) => `${d}${i % 4 ? '.' : ','}`).slice(0, n),
  'one long katakana run': (n, s) => run(KATAKANA, n, s),
  'katakana words': (n, s) => words(KATAKANA, 8, n, s),
  'one long hiragana run': (n, s) => run(HIRAGANA, n, s),
  'one long kanji run': (n, s) => run(KANJI, n, s),
  'letters, digits and kana mixed': (n, s) => run(`${LETTERS}${DIGITS}${KATAKANA}'-.`, n, s),
};
