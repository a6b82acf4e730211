/**
 * The lexicon as files hold it: the general dictionary (resources/lexicon.en-ja.json), a report's
 * glossary (glossary.en-ja.json), and the reduced lexicon an index stores — with the reduction of
 * the first two to the words one report uses. Read at ingest and when an index loads. Web APIs only.
 */
import { substringTest } from './text-contains';
import { lexiconKey, MAX_PHRASE_WORDS, type Lexicon } from './lexicon';

export function parseLexicon(json: unknown): Lexicon {
  const fail = (why: string): never => {
    throw new Error(`Invalid lexicon: ${why}`);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('not an object');
  const data = json as Record<string, unknown>;
  for (const field of ['source', 'licence', 'attribution'] as const) {
    if (typeof data[field] !== 'string' || data[field] === '') fail(`"${field}" must be a non-empty string`);
  }
  const raw = data.entries;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('"entries" must be an object');
  const entries = new Map<string, string[]>();
  for (const [phrase, terms] of Object.entries(raw as Record<string, unknown>)) {
    if (!Array.isArray(terms) || terms.length === 0 || !terms.every((t) => typeof t === 'string' && t !== '')) {
      fail(`entry "${phrase}" must be a non-empty array of strings`);
    }
    const key = lexiconKey(phrase);
    if (key === '') continue;
    const list = entries.get(key) ?? [];
    for (const term of terms as string[]) if (!list.includes(term)) list.push(term);
    entries.set(key, list);
  }
  if (entries.size === 0) fail('no entries');
  return {
    source: data.source as string,
    licence: data.licence as string,
    attribution: data.attribution as string,
    entries,
  };
}

/** The lexicon as an index stores it: phrase keys already computed, so loading is one pass. */
export interface LexiconJson {
  source: string;
  licence: string;
  attribution: string;
  /** Phrase key (as `lexiconKey` computes it) → Japanese terms, best first. */
  entries: Record<string, string[]>;
  /** See `Lexicon.katakanaWords`. */
  katakanaWords?: string[];
}

export function lexiconToJson(lexicon: Lexicon): LexiconJson {
  const { source, licence, attribution, katakanaWords } = lexicon;
  const entries = Object.fromEntries([...lexicon.entries].map(([key, terms]) => [key, [...terms]]));
  return { source, licence, attribution, entries, ...(katakanaWords ? { katakanaWords: [...katakanaWords].sort() } : {}) };
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** Rebuilds a stored lexicon, checking its shape cheaply (ingest validated the content). */
export function lexiconFromJson(json: unknown): Lexicon {
  const fail = (why: string): never => {
    throw new Error(`the stored lexicon is damaged: ${why}`);
  };
  const data = (typeof json === 'object' && json !== null ? json : fail('not an object')) as Record<string, unknown>;
  const { source, licence, attribution, entries } = data;
  if (!isText(source) || !isText(licence) || !isText(attribution)) return fail('source, licence and attribution must be non-empty strings');
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) return fail('entries must be an object');
  const map = new Map<string, readonly string[]>();
  for (const [key, terms] of Object.entries(entries)) {
    if (!Array.isArray(terms) || terms.length === 0 || !terms.every(isText)) fail(`entry "${key}" must be a non-empty list of terms`);
    map.set(key, terms as string[]);
  }
  const words = data.katakanaWords;
  if (words !== undefined && (!Array.isArray(words) || !words.every(isText))) return fail('katakanaWords must be a list of words');
  return { source, licence, attribution, entries: map, ...(words ? { katakanaWords: sharedWords(words as string[]) } : {}) };
}

/** Every report of a library stores the same dictionary's katakana words: one set serves them all. */
const wordSets = new Map<string, ReadonlySet<string>>();
function sharedWords(words: readonly string[]): ReadonlySet<string> {
  const key = words.join('\n');
  let set = wordSets.get(key);
  if (!set) wordSets.set(key, (set = new Set(words)));
  return set;
}

const KANA_ONLY = /^[\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u;
const HIRAGANA = /^[\p{Script=Hiragana}ー]+$/u;
/** Japanese terms kept per phrase for one report, best first. */
const MAX_REPORT_TERMS = 6;

const squash = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** A dictionary term (`表記|よみ`) prepared once: the forms a report may use it in, squashed. */
interface PreparedTerm {
  written: string;
  /** The written form as searched, when it is distinctive enough to search for. */
  writtenKey?: string;
  /** The kana reading, when it is long enough to search for on its own. */
  reading?: string;
}

function prepareTerm(term: string): PreparedTerm {
  const [written = '', reading] = term.split('|');
  const length = [...written].length;
  const usable = KANA_ONLY.test(written) ? length >= 3 : /\p{Script=Han}/u.test(written) || (length >= 2 && /\p{L}/u.test(written));
  const minimum = reading && HIRAGANA.test(reading) ? 4 : 3;
  const readable = reading && KANA_ONLY.test(reading) && [...reading].length >= minimum;
  return { written, ...(usable ? { writtenKey: squash(written) } : {}), ...(readable ? { reading } : {}) };
}

/** Each dictionary's terms prepared once, however many reports are reduced from it. */
const preparedTerms = new WeakMap<Lexicon['entries'], PreparedTerm[][]>();
function prepared(general: Lexicon): PreparedTerm[][] {
  let terms = preparedTerms.get(general.entries);
  if (!terms) preparedTerms.set(general.entries, (terms = [...general.entries.values()].map((list) => list.map(prepareTerm))));
  return terms;
}

/**
 * The form of a dictionary term that the report uses, if any. Short kana strings occur inside
 * unrelated words, so a word found only by its reading needs more length, and hiragana more
 * than katakana.
 */
function formInReport(term: PreparedTerm, inReport: (text: string) => boolean): string | undefined {
  if (term.writtenKey !== undefined && inReport(term.writtenKey)) return term.written;
  if (term.reading !== undefined && inReport(term.reading)) return term.reading;
  return undefined;
}

/**
 * The lexicon one report needs: each general entry reduced to the terms the report uses (in the
 * dictionary's order), then the report's glossary, whose entries replace the dictionary's for the
 * same phrase. Phrases left without a term are dropped.
 */
export function deriveLexicon(general: Lexicon, reportText: string, glossary?: ReadonlyMap<string, readonly string[]>): Lexicon {
  const report = squash(reportText);
  const inReport = substringTest(report);
  const entries = new Map<string, readonly string[]>();
  const terms = prepared(general);
  let i = 0;
  for (const key of general.entries.keys()) {
    const present = [...new Set(terms[i++]!.map((t) => formInReport(t, inReport)).filter((t): t is string => t !== undefined))].slice(0, MAX_REPORT_TERMS);
    if (present.length > 0) entries.set(key, present);
  }
  for (const [key, terms] of glossary ?? []) {
    const present = terms.filter((t) => inReport(squash(t)));
    if (present.length > 0) entries.set(key, present);
  }
  const source = glossary?.size ? `${general.source}, reduced to the report's words, plus the report's glossary` : `${general.source}, reduced to the report's words`;
  return { source, licence: general.licence, attribution: general.attribution, entries, katakanaWords: katakanaWordsOf(general) };
}

const KATAKANA_WORD = /^[\p{Script=Katakana}ー・]{2,}$/u;
/** The dictionary's katakana words (written forms), made once per dictionary however many reports use it. */
const katakanaCache = new WeakMap<Lexicon['entries'], ReadonlySet<string>>();
function katakanaWordsOf(general: Lexicon): ReadonlySet<string> {
  let words = katakanaCache.get(general.entries);
  if (!words) {
    words = new Set([...general.entries.values()].flatMap((terms) => terms.map((t) => t.split('|')[0]!.normalize('NFKC'))).filter((w) => KATAKANA_WORD.test(w)));
    katakanaCache.set(general.entries, words);
  }
  return words;
}

/** A glossary file (`{"entries": {"english phrase": ["日本語", …]}}`) as phrase keys → terms. */
export function parseGlossary(json: unknown): Map<string, string[]> {
  const raw = (json as { entries?: unknown } | null)?.entries;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('Invalid glossary: "entries" must be an object of phrase → list of Japanese terms');
  const out = new Map<string, string[]>();
  for (const [phrase, terms] of Object.entries(raw as Record<string, unknown>)) {
    if (!Array.isArray(terms) || !terms.every(isText)) throw new Error(`Invalid glossary: entry "${phrase}" must be a list of Japanese terms`);
    const key = lexiconKey(phrase);
    if (key.split(' ').length > MAX_PHRASE_WORDS) throw new Error(`Invalid glossary: "${phrase}" is longer than ${MAX_PHRASE_WORDS} words`);
    if (key !== '') out.set(key, [...(out.get(key) ?? []), ...(terms as string[])]);
  }
  return out;
}
