/**
 * Numbers stated in text — amounts, percentages, years, counts — as values, so an answer's
 * "$6 million" can be checked against the report's "600万ドル". Full-width digits and
 * thousands separators are normalised; Japanese (万, 億, 兆, 千, 百) and English (thousand,
 * million, billion, trillion, k/M/bn) multipliers are applied. Digits glued to Latin letters
 * are names, not quantities (R1, V3, H800, GPT-4o, 910C), and are skipped.
 */

export interface StatedNumber {
  /** The number as written (after width normalisation), e.g. "600万", "56.3", "6 million". */
  text: string;
  value: number;
  /** Half a unit of the last written digit: a rounded restatement within it still matches. */
  tolerance: number;
}

const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;
const JA_UNITS: Record<string, number> = { 千: 1e3, 百: 1e2, 万: 1e4, 億: 1e8, 兆: 1e12 };
const EN_WORDS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const EN_SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, b: 1e9, bn: 1e9, tn: 1e12 };

/** Full-width digits, ％ and ，→ ASCII, one code point for one, so offsets stay put. */
export function normaliseDigits(text: string): string {
  return text.replace(/[０-９％，．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

interface Scan {
  value: number;
  tolerance: number;
  end: number;
}

/** One number at `at` with the multipliers that follow it. */
function scanNumber(text: string, digits: string, at: number): Scan | undefined {
  const before = text.slice(Math.max(0, at - 2), at);
  if (/[A-Za-z]$/.test(before) || /[A-Za-z][-‐]$/.test(before)) return undefined;
  const plain = digits.replace(/,/g, '');
  const decimals = plain.split('.')[1]?.length ?? 0;
  let multiplier = 1;
  let end = at + digits.length;
  const rest = text.slice(end);
  const ja = /^[千百万億兆]+/.exec(rest);
  const word = /^\s?(thousand|million|billion|trillion)\b/i.exec(rest);
  const suffix = /^(k|m|mn|b|bn|tn)(?![A-Za-z])/i.exec(rest);
  if (ja) {
    for (const ch of ja[0]) multiplier *= JA_UNITS[ch] ?? 1;
    end += ja[0].length;
  } else if (word) {
    multiplier = EN_WORDS[word[1]!.toLowerCase()] ?? 1;
    end += word[0].length;
  } else if (suffix) {
    multiplier = EN_SUFFIX[suffix[1]!.toLowerCase()] ?? 1;
    end += suffix[0].length;
  } else if (/^[A-Za-z]/.test(rest)) {
    return undefined;
  }
  return { value: Number(plain) * multiplier, tolerance: 0.5 * 10 ** -decimals * multiplier, end };
}

export function statedNumbers(raw: string): StatedNumber[] {
  const text = normaliseDigits(raw);
  const out: StatedNumber[] = [];
  let skipUntil = 0;
  for (const m of text.matchAll(NUMBER)) {
    if (m.index < skipUntil) continue;
    const first = scanNumber(text, m[0], m.index);
    if (!first) continue;
    let { value, end, tolerance } = first;
    // "1兆2000億" is one amount: smaller Japanese units straight after a larger one add to it.
    for (;;) {
      const next = /^\d+(?:\.\d+)?[千百万億兆]+/.exec(text.slice(end));
      if (!next || !/[千百万億兆]$/.test(text.slice(end - 1, end))) break;
      const part = scanNumber(text, next[0].replace(/[千百万億兆]+$/, ''), end);
      if (!part || part.value >= value) break;
      value += part.value;
      tolerance = part.tolerance;
      end = part.end;
    }
    skipUntil = end;
    out.push({ text: text.slice(m.index, end).trim(), value, tolerance });
  }
  return out;
}

/** Every value a passage states, plus the bare figures before their units ("600万" holds 600 too). */
export function heldValues(text: string): number[] {
  const values: number[] = [];
  for (const n of statedNumbers(text)) values.push(n.value);
  for (const m of normaliseDigits(text).matchAll(NUMBER)) values.push(Number(m[0].replace(/,/g, '')));
  return values;
}

export function isHeld(n: StatedNumber, held: readonly number[]): boolean {
  const slack = n.tolerance + Math.abs(n.value) * 1e-9;
  return held.some((v) => Math.abs(v - n.value) <= slack);
}
