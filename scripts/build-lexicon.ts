/**
 * Derives corpus/lexicon.en-ja.json: the English → Japanese entries of EDICT whose Japanese
 * headword occurs in the report, plus the hand-written domain glossary (which wins on conflict).
 * Needs the Debian `edict` package (/usr/share/edict/edict, EUC-JP) only when rebuilding; the
 * generated file is committed.
 *
 *   npx tsx scripts/build-lexicon.ts [--edict PATH] [--report PATH] [--glossary PATH] [--out PATH]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lexiconKey } from '../src/core/search/lexicon';
import { ENGLISH_STOP_WORDS } from '../src/core/search/tokenize';

const root = resolve(import.meta.dirname, '..');
const args = new Map<string, string>();
for (let i = 2; i + 1 < process.argv.length; i += 2) args.set(process.argv[i]!, process.argv[i + 1]!);
const edictPath = args.get('--edict') ?? '/usr/share/edict/edict';
const reportPath = args.get('--report') ?? resolve(root, 'corpus/deepseek-shock-china-nli-2025.txt');
const glossaryPath = args.get('--glossary') ?? resolve(root, 'corpus/glossary.en-ja.json');
const outPath = args.get('--out') ?? resolve(root, 'corpus/lexicon.en-ja.json');

/** Japanese candidates kept per English phrase, best first. */
const MAX_TERMS_PER_PHRASE = 6;
const MAX_GLOSS_WORDS = 4;
const KANA_ONLY = /^[\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u;
const HIRAGANA_ONLY = /^[\p{Script=Hiragana}ー]+$/u;

interface Candidate {
  japanese: string;
  /** Sense number of the gloss in its entry (0 = first sense): earlier senses are the usual meaning. */
  sense: number;
  /** Glosses in the whole entry: fewer means a less ambiguous word. */
  glossCount: number;
  common: boolean;
}

const squash = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
const report = squash(readFileSync(reportPath, 'utf8'));

/** The form of an entry that the report uses, if any. */
function formInReport(headword: string, reading: string | undefined): string | undefined {
  const head = headword.normalize('NFKC');
  const length = [...head].length;
  const usable = KANA_ONLY.test(head) ? length >= 3 : /\p{Script=Han}/u.test(head) || (length >= 2 && /\p{L}/u.test(head));
  if (usable && report.includes(head.toLowerCase())) return head;
  // A word the report writes in kana although the dictionary heads it in kanji. Short hiragana
  // strings occur inside unrelated words, so they need more length than katakana ones.
  const minimum = HIRAGANA_ONLY.test(reading ?? '') ? 4 : 3;
  if (reading && KANA_ONLY.test(reading) && [...reading].length >= minimum && report.includes(reading)) return reading;
  return undefined;
}

/** "(n) (1) (comp) to export something" → "export something"; undefined when unusable. */
function normalizeGloss(gloss: string): string | undefined {
  const text = gloss
    .replace(/\([^)]*\)|\{[^}]*\}/g, ' ')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^to /, '')
    .replace(/^(?:the|a|an) (?=\S)/, '')
    .replace(/[.;,:!?]+$/, '')
    .trim();
  if (!/^[\p{Script=Latin}\p{N}]/u.test(text) || /[^\p{Script=Latin}\p{N} '’.,&/-]/u.test(text)) return undefined;
  const words = text.split(/[^\p{Script=Latin}\p{N}]+/u).filter((w) => w !== '');
  if (words.length === 0 || words.length > MAX_GLOSS_WORDS) return undefined;
  // Glosses with digits are measures and dates ("10 minutes", "2.4 cm"); numbers match as themselves.
  if (/\d/.test(text) || words.every((w) => ENGLISH_STOP_WORDS.has(w))) return undefined;
  return text;
}

/** Tags that mark a sense a modern reader's question will not mean. */
const UNUSABLE_SENSE = /\((?:arch|obs|obsc|rare|vulg|X|mahj|Buddh|Shinto|sumo|shogi|hanaf)\)/;

/**
 * EDICT fields of one entry → usable glosses with their sense. A field's leading tags
 * ("(n) (2) (arch)") start a sense; fields without tags continue the previous sense.
 */
function readGlosses(fields: string[]): { text: string; sense: number; abbreviation: boolean }[] {
  const out: { text: string; sense: number; abbreviation: boolean }[] = [];
  let sense = 0;
  let tags = '';
  for (const field of fields) {
    const leading = /^(?:\([^)]*\)\s*)+/.exec(field)?.[0] ?? '';
    if (leading !== '') {
      tags = leading;
      const senseMark = /\((\d+)\)/.exec(leading);
      if (senseMark) sense = Number(senseMark[1]) - 1;
    }
    if (UNUSABLE_SENSE.test(tags)) continue;
    const text = normalizeGloss(field);
    if (text) out.push({ text, sense, abbreviation: tags.includes('(abbr)') });
  }
  return out;
}

if (!existsSync(edictPath)) {
  throw new Error(`EDICT not found at ${edictPath}: install it with "apt-get install edict" or pass --edict PATH`);
}
const byKey = new Map<string, { phrases: Set<string>; candidates: Candidate[] }>();
const lines = new TextDecoder('euc-jp').decode(readFileSync(edictPath)).split('\n');
const firstLine = lines[0] ?? '';
for (const line of lines.slice(1)) {
  const m = /^(\S+)(?: \[([^\]]+)\])? \/(.*)\/$/.exec(line);
  if (!m) continue;
  const japanese = formInReport(m[1]!, m[2]);
  if (!japanese) continue;
  const fields = m[3]!.split('/').filter((f) => f !== '(P)' && !/^EntL/.test(f));
  const common = m[3]!.includes('/(P)');
  const glosses = readGlosses(fields);
  for (const { text, sense: glossSense, abbreviation } of glosses) {
    const key = lexiconKey(text);
    if (key === '') continue;
    const slot = byKey.get(key) ?? { phrases: new Set<string>(), candidates: [] };
    slot.phrases.add(text);
    slot.candidates.push({ japanese, sense: glossSense + (abbreviation ? 1 : 0), glossCount: fields.length, common });
    byKey.set(key, slot);
  }
}

/**
 * Best first: kanji/katakana before grammar-like hiragana words, the usual sense before later
 * ones, then the longer (more specific) word, the less ambiguous entry, the common word.
 */
function rank(candidates: Candidate[]): string[] {
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    const seen = best.get(c.japanese);
    if (!seen || compare(c, seen) < 0) best.set(c.japanese, c);
  }
  return [...best.values()].sort(compare).slice(0, MAX_TERMS_PER_PHRASE).map((c) => c.japanese);
}

function compare(a: Candidate, b: Candidate): number {
  return (
    Number(HIRAGANA_ONLY.test(a.japanese)) - Number(HIRAGANA_ONLY.test(b.japanese)) ||
    Math.min(a.sense, 2) - Math.min(b.sense, 2) ||
    [...b.japanese].length - [...a.japanese].length ||
    a.glossCount - b.glossCount ||
    Number(b.common) - Number(a.common) ||
    (a.japanese < b.japanese ? -1 : a.japanese > b.japanese ? 1 : 0)
  );
}

/** Stemmed key → the one surface phrase written to the file (parseLexicon stems it back) and its terms. */
const entries = new Map<string, { phrase: string; terms: string[] }>();
for (const [key, { phrases, candidates }] of byKey) {
  entries.set(key, { phrase: [...phrases].sort()[0]!, terms: rank(candidates) });
}

let glossaryCount = 0;
if (existsSync(glossaryPath)) {
  const glossary = JSON.parse(readFileSync(glossaryPath, 'utf8')) as { entries?: Record<string, string[]> };
  const seen = new Map<string, string>();
  for (const [phrase, terms] of Object.entries(glossary.entries ?? {})) {
    const key = lexiconKey(phrase);
    if (key.split(' ').length > MAX_GLOSS_WORDS) throw new Error(`Glossary phrase "${phrase}" is longer than ${MAX_GLOSS_WORDS} words`);
    const clash = seen.get(key);
    if (clash !== undefined) throw new Error(`Glossary phrases "${clash}" and "${phrase}" have the same key "${key}"`);
    seen.set(key, phrase);
    entries.set(key, { phrase: phrase.toLowerCase(), terms });
    glossaryCount++;
  }
}

const sorted: Record<string, string[]> = {};
const byPhrase = [...entries.values()].sort((a, b) => (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
for (const { phrase, terms } of byPhrase) sorted[phrase] = terms;
const output = {
  source: `EDICT (${firstLine.split('/').find((f) => f.startsWith('Created')) ?? 'Debian package edict'}), filtered to headwords that occur in the report, plus corpus/glossary.en-ja.json`,
  licence:
    'Creative Commons Attribution-ShareAlike 3.0 (https://creativecommons.org/licenses/by-sa/3.0/) under the EDRDG General Dictionary Licence (https://www.edrdg.org/edrdg/licence.html). Being derived from EDICT, this file is distributed under the same licence.',
  attribution:
    "This lexicon uses the EDICT dictionary file, the property of the Electronic Dictionary Research and Development Group (EDRDG) at Monash University, compiled by James William Breen and the Group, and used in conformance with the Group's licence. EDICT documentation: http://www.csse.monash.edu.au/~jwb/edict.html",
  entries: sorted,
};
const json = `${JSON.stringify(output, null, 0).replace(/\],"/g, '],\n"')}\n`;
writeFileSync(outPath, json);
console.log(`${Object.keys(sorted).length} phrases (${glossaryCount} from the glossary), ${json.length} chars → ${outPath}`);
