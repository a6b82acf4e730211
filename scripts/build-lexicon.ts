/**
 * Builds resources/lexicon.en-ja.json, the general English → Japanese lexicon that ingest reduces
 * to each report's words: the common entries (those marked (P)) of EDICT, as English phrase →
 * Japanese terms, best first. A term is written `表記|よみ` when its reading differs, so ingest
 * can find a word the report writes in kana. Needs the Debian `edict` package
 * (/usr/share/edict/edict, EUC-JP) only when rebuilding; the generated file is committed.
 *
 *   npm run build:lexicon [-- --edict PATH] [--out PATH]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lexiconKey } from '../src/core/search/lexicon';
import { ENGLISH_STOP_WORDS } from '../src/core/search/tokenize';

const root = resolve(import.meta.dirname, '..');
const args = new Map<string, string>();
for (let i = 2; i + 1 < process.argv.length; i += 2) args.set(process.argv[i]!, process.argv[i + 1]!);
const edictPath = args.get('--edict') ?? '/usr/share/edict/edict';
const outPath = args.get('--out') ?? resolve(root, 'resources/lexicon.en-ja.json');

/** Japanese candidates kept per English phrase, best first. */
const MAX_TERMS_PER_PHRASE = 24;
const MAX_GLOSS_WORDS = 4;
const HIRAGANA_ONLY = /^[\p{Script=Hiragana}ー]+$/u;

interface Candidate {
  term: string;
  /** Sense number of the gloss in its entry (0 = first sense): earlier senses are the usual meaning. */
  sense: number;
  /** Glosses in the whole entry: fewer means a less ambiguous word. */
  glossCount: number;
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

/** EDICT fields of one entry → usable glosses with their sense; untagged fields continue the previous sense. */
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

/** Best first: the usual sense, kanji/katakana before hiragana-only words, the longer word, the less ambiguous entry. */
function compare(a: Candidate, b: Candidate): number {
  const word = (c: Candidate) => c.term.split('|')[0]!;
  return (
    Math.min(a.sense, 2) - Math.min(b.sense, 2) ||
    Number(HIRAGANA_ONLY.test(word(a))) - Number(HIRAGANA_ONLY.test(word(b))) ||
    [...word(b)].length - [...word(a)].length ||
    a.glossCount - b.glossCount ||
    (a.term < b.term ? -1 : a.term > b.term ? 1 : 0)
  );
}

if (!existsSync(edictPath)) throw new Error(`EDICT not found at ${edictPath}: install it with "apt-get install edict" or pass --edict PATH`);
const lines = new TextDecoder('euc-jp').decode(readFileSync(edictPath)).split('\n');
const created = (lines[0] ?? '').split('/').find((f) => f.startsWith('Created')) ?? 'Debian package edict';
const byKey = new Map<string, { phrase: string; candidates: Candidate[] }>();
for (const line of lines.slice(1)) {
  const m = /^(\S+)(?: \[([^\]]+)\])? \/(.*)\/$/.exec(line);
  if (!m || !m[3]!.includes('/(P)')) continue;
  const headword = m[1]!.normalize('NFKC');
  const reading = m[2]?.normalize('NFKC');
  const term = reading && reading !== headword ? `${headword}|${reading}` : headword;
  const fields = m[3]!.split('/').filter((f) => f !== '(P)' && !/^EntL/.test(f));
  for (const { text, sense, abbreviation } of readGlosses(fields)) {
    const key = lexiconKey(text);
    if (key === '') continue;
    const slot = byKey.get(key) ?? { phrase: text, candidates: [] };
    if (text < slot.phrase) slot.phrase = text;
    slot.candidates.push({ term, sense: sense + (abbreviation ? 1 : 0), glossCount: fields.length });
    byKey.set(key, slot);
  }
}

const entries: Record<string, string[]> = {};
for (const { phrase, candidates } of [...byKey.values()].sort((a, b) => (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0))) {
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    const seen = best.get(c.term);
    if (!seen || compare(c, seen) < 0) best.set(c.term, c);
  }
  entries[phrase] = [...best.values()].sort(compare).slice(0, MAX_TERMS_PER_PHRASE).map((c) => c.term);
}
const output = {
  source: `EDICT (${created}), common entries (P)`,
  licence:
    'Creative Commons Attribution-ShareAlike 3.0 (https://creativecommons.org/licenses/by-sa/3.0/) under the EDRDG General Dictionary Licence (https://www.edrdg.org/edrdg/licence.html). Being derived from EDICT, this file is distributed under the same licence.',
  attribution:
    "This lexicon uses the EDICT dictionary file, the property of the Electronic Dictionary Research and Development Group (EDRDG) at Monash University, compiled by James William Breen and the Group, and used in conformance with the Group's licence. EDICT documentation: http://www.csse.monash.edu.au/~jwb/edict.html",
  entries,
};
const json = `${JSON.stringify(output).replace(/\],"/g, '],\n"')}\n`;
writeFileSync(outPath, json);
console.log(`${Object.keys(entries).length} phrases, ${(json.length / 1024).toFixed(0)} KB → ${outPath}`);
