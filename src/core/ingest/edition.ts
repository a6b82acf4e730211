/**
 * The English edition of a report: an English rendering of every unit the parser reads —
 * each body sentence, heading, figure caption and footnote sentence — aligned by a key derived
 * from the normalised Japanese text. Re-ingest finds each rendering by its key; a sentence whose
 * Japanese changed no longer matches and is reported missing, never silently mismatched.
 * The edition is a translation made for this product, not the publisher's text. Web APIs only.
 */
import { z } from 'zod';
import { fnv1aHex } from './chunk-id';
import { splitSentences } from './sentences';
import type { Report } from '../types';

export const EDITION_FORMAT = 1;

export type UnitKind = 'heading' | 'sentence' | 'figure' | 'footnote';

export interface EditionUnit {
  key: string;
  kind: UnitKind;
  /** The report's own text of the unit, as the parser reads it. */
  ja: string;
}

/** What makes two renderings of one sentence the same: width, case-insensitive spacing. */
export const normaliseUnit = (ja: string) => ja.normalize('NFKC').replace(/\s+/g, '');

/** 64 bits from two FNV-1a passes (the second over the reversed text): no collisions among a report's few hundred units. */
export function unitKey(ja: string): string {
  const n = normaliseUnit(ja);
  return fnv1aHex(n) + fnv1aHex([...n].reverse().join(''));
}

/** Sentences of a block of text, each one unit. */
export function sentencesOf(text: string): string[] {
  return text.split('\n').flatMap((line) => splitSentences(line).map((s) => line.slice(s.start, s.end)));
}

/** Every unit of a parsed report, in reading order (footnotes last), each key once. */
export function reportUnits(report: Report): EditionUnit[] {
  const out: EditionUnit[] = [];
  const seen = new Set<string>();
  const add = (kind: UnitKind, ja: string) => {
    const key = unitKey(ja);
    if (normaliseUnit(ja) === '' || seen.has(key)) return;
    seen.add(key);
    out.push({ key, kind, ja });
  };
  for (const b of report.blocks) {
    if (b.kind === 'paragraph') for (const s of sentencesOf(b.text)) add('sentence', s);
    else add(b.kind, b.text);
  }
  for (const f of report.footnotes) for (const s of sentencesOf(f.text)) add('footnote', s);
  return out;
}

const unitSchema = z.object({
  key: z.string().regex(/^[0-9a-f]{16}$/),
  kind: z.enum(['heading', 'sentence', 'figure', 'footnote']),
  ja: z.string().min(1),
  en: z.string().trim().min(1, 'a rendering must not be empty'),
});

export const editionSchema = z.object({
  format: z.literal(EDITION_FORMAT),
  lang: z.literal('en'),
  /** The report file this edition renders. */
  report: z.string().min(1),
  title: z.string().min(1),
  publisher: z.string().min(1),
  /** Says what the edition is: a rendering made for this product, not the publisher's text. */
  notice: z.string().min(1),
  units: z.array(unitSchema),
});

export type EditionFile = z.infer<typeof editionSchema>;

/** The renderings as the engine uses them: Japanese unit key → English. */
export interface Edition {
  title: string;
  publisher: string;
  notice: string;
  renderings: ReadonlyMap<string, string>;
}

export function parseEdition(json: unknown): Edition {
  const parsed = editionSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid English edition: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'not an edition'}`);
  }
  const e = parsed.data;
  const renderings = new Map<string, string>();
  for (const u of e.units) {
    if (unitKey(u.ja) !== u.key) throw new Error(`Invalid English edition: unit ${u.key} does not match its Japanese text (key ${unitKey(u.ja)})`);
    renderings.set(u.key, u.en.trim());
  }
  return { title: e.title, publisher: e.publisher, notice: e.notice, renderings };
}

/** The English of one Japanese unit, when the edition has it. */
export const renderingOf = (edition: Edition | undefined, ja: string) => edition?.renderings.get(unitKey(ja));

/** Units of the report that the edition does not render (new or changed sentences). */
export function missingUnits(report: Report, edition: Edition): EditionUnit[] {
  return reportUnits(report).filter((u) => !edition.renderings.has(u.key));
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
/** Characters a rendering may keep from the original: names written in Chinese characters, quoted titles. */
const MAX_CJK_SHARE = 0.2;

const CARDINALS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];
const TENS: Record<string, number> = { thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100 };
/** Numbers English prose spells out (one month, the second administration, twelve). */
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([...CARDINALS.map((w, i) => [w, i] as const), ...ORDINALS.map((w, i) => [w, i] as const), ...Object.entries(TENS)]);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The numbers written in a text as values (a month's name counts as its number, and so does a
 * number spelled out, "one month", "the second administration", "1st"): "600万" → 6000000,
 * "6 million" → 6000000, "5,381" → 5381.
 */
export function writtenValues(text: string): number[] {
  const t = text.normalize('NFKC').replace(/(\d),(?=\d{3})/g, '$1');
  const out: number[] = [];
  MONTHS.forEach((month, i) => {
    if (new RegExp(`\\b${month}\\b`).test(t)) out.push(i + 1);
  });
  for (const [word] of t.matchAll(/\b[A-Za-z]+\b/g)) {
    const value = NUMBER_WORDS.get(word.toLowerCase());
    if (value !== undefined) out.push(value);
  }
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)\s*(万|億|兆|千|thousand|million|billion|trillion|[kKMB](?![a-z]))?/g)) {
    const base = Number(m[1]);
    const unit = m[2] ?? '';
    const scale: Record<string, number> = { 万: 1e4, 億: 1e8, 兆: 1e12, 千: 1e3, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, k: 1e3, K: 1e3, M: 1e6, B: 1e9 };
    out.push(base);
    if (unit) out.push(Number((base * (scale[unit] ?? 1)).toPrecision(12)));
  }
  return out;
}

/**
 * What is wrong with a rendering of `ja`, if anything: empty, left (mostly) in Japanese, or a
 * number of the original missing. A two-digit year (`13年`) may be written in full (2013).
 */
export function renderingProblems(ja: string, en: string): string[] {
  const problems: string[] = [];
  const text = en.trim();
  if (text === '') return ['the rendering is empty'];
  const cjk = text.match(CJK)?.length ?? 0;
  if (cjk / [...text.replace(/\s+/g, '')].length > MAX_CJK_SHARE) problems.push('the rendering is left in Japanese');
  const have = writtenValues(text);
  const has = (v: number) => have.some((h) => Math.abs(h - v) <= Math.abs(v) * 1e-9);
  const jaText = ja.normalize('NFKC');
  for (const m of jaText.matchAll(/(\d+(?:[.,]\d+)*)\s*(万|億|兆|千)?/g)) {
    const raw = m[1]!.replace(/,/g, '');
    const before = jaText.slice(Math.max(0, m.index - 1), m.index);
    if (/[A-Za-z-]/.test(before)) continue; // part of a name: H800, o1-1217, GPT-4
    const value = Number(raw);
    const scaled = m[2] ? value * { 万: 1e4, 億: 1e8, 兆: 1e12, 千: 1e3 }[m[2] as '万'] : value;
    const year = /^\d{2}$/.test(raw) && /^\s*年/.test(jaText.slice(m.index + m[0].length)) ? 2000 + value : undefined;
    if (has(scaled) || has(value) || (year !== undefined && has(year))) continue;
    problems.push(`the number ${m[0].trim()} is missing`);
  }
  return problems;
}
