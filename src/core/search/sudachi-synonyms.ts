/**
 * Sudachi's synonym dictionary reduced to one report: for every synonym group with a word the
 * report uses, the group's other words map to the report's words. Its Latin-script entries
 * (`data center`, `USA`) map English phrases to the report's Japanese, adding to the lexicon.
 * Web APIs only: the runtime hands over the parsed dictionary.
 */
import { lexiconKey } from './lexicon';
import { substringTest } from './text-contains';

export interface SudachiItem {
  midashi: string;
  /** 0: expands and is expanded; 1: never triggers an expansion itself; 2: retired. */
  expandControl: number;
}
export interface SudachiGroup {
  items: SudachiItem[];
}

const LATIN = /^[\p{Script=Latin}\d][\p{Script=Latin}\d .'&-]*$/u;
const squash = (t: string) => t.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** The report's Latin words, and runs of up to four of them, as a reader would write a name. */
function latinPhrases(text: string): Set<string> {
  const words = text.normalize('NFKC').toLowerCase().match(/[a-z0-9][a-z0-9.'&-]*/g) ?? [];
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) for (let n = 1; n <= 4 && i + n <= words.length; n++) out.add(words.slice(i, i + n).join(' '));
  return out;
}

/** How a word is looked for in a report, worked out once per item however many reports are reduced. */
type Lookup = { latin: string } | { text: string } | null;
const lookups = new WeakMap<SudachiItem, Lookup>();
function lookupOf(item: SudachiItem): Lookup {
  let found = lookups.get(item);
  if (found === undefined) {
    const w = item.midashi.normalize('NFKC');
    found = [...w].length < 2 ? null : LATIN.test(w) ? { latin: w.toLowerCase().replace(/\s+/g, ' ') } : { text: squash(w) };
    lookups.set(item, found);
  }
  return found;
}

function usedIn(inReport: (text: string) => boolean, latin: ReadonlySet<string>, item: SudachiItem): boolean {
  const lookup = lookupOf(item);
  if (!lookup) return false;
  return 'latin' in lookup ? latin.has(lookup.latin) : inReport(lookup.text);
}

export function reduceSudachi(groups: readonly SudachiGroup[], reportText: string): { ja: Map<string, string[]>; en: Map<string, string[]> } {
  const inReport = substringTest(squash(reportText));
  const latin = latinPhrases(reportText);
  const ja = new Map<string, string[]>();
  const en = new Map<string, string[]>();
  for (const group of groups) {
    const live = group.items.filter((i) => i.expandControl !== 2);
    const present = [...new Set(live.filter((i) => usedIn(inReport, latin, i)).map((i) => i.midashi.normalize('NFKC')))];
    if (present.length === 0) continue;
    const japanese = present.filter((p) => !LATIN.test(p));
    for (const item of live) {
      const word = item.midashi.normalize('NFKC');
      if (item.expandControl === 1 || present.includes(word) || [...word].length < 2) continue;
      if (LATIN.test(word)) {
        const key = lexiconKey(word);
        if (key && japanese.length) en.set(key, [...new Set([...(en.get(key) ?? []), ...japanese])]);
      } else {
        ja.set(word, [...new Set([...(ja.get(word) ?? []), ...present])]);
      }
    }
  }
  return { ja, en };
}
