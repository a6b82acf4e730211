/**
 * WordNet reduced to one report's English edition: a word a reader may use maps to the
 * edition's words that share one of its common senses (the first few synsets, which WordNet
 * orders by frequency), and a capital the edition never names maps to its country (`Beijing` →
 * China, `Tokyo` → Japan), as news writing uses a capital for its government. Web APIs only: the runtime hands
 * over the database files' text (WordNet's data offsets are byte offsets into ASCII files).
 */
import { ENGLISH_STOP_WORDS, stem } from './tokenize';

export type Pos = 'noun' | 'verb' | 'adj' | 'adv';
export interface WordNetFiles {
  index: Record<Pos, string>;
  data: Record<Pos, string>;
}

/** Senses per word that count: later ones are rare meanings that mostly add noise. */
const COMMON_SENSES = 3;
const MAX_TARGETS = 4;
const POS: Pos[] = ['noun', 'verb', 'adj', 'adv'];

/**
 * An index file, searched where it lies: its lines are sorted by lemma, so a lemma's synset
 * offsets (most frequent sense first) are found by binary search over the line starts instead
 * of parsing the whole file.
 */
class IndexFile {
  private readonly starts: number[] = [];
  private readonly cache = new Map<string, number[] | undefined>();
  /** How many of a lemma's senses are ranked by how often they occur in tagged text (WordNet's tagsense_cnt). */
  private readonly tagged = new Map<string, number>();

  constructor(private readonly text: string) {
    for (let at = 0; at < text.length; ) {
      if (text.charCodeAt(at) !== 32) this.starts.push(at);
      const end = text.indexOf('\n', at);
      at = end < 0 ? text.length : end + 1;
    }
  }

  private lemmaAt(i: number): string {
    const start = this.starts[i]!;
    return this.text.slice(start, this.text.indexOf(' ', start));
  }

  get(lemma: string): number[] | undefined {
    if (this.cache.has(lemma)) return this.cache.get(lemma);
    let [lo, hi] = [0, this.starts.length - 1];
    let found: number[] | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const here = this.lemmaAt(mid);
      if (here === lemma) {
        const start = this.starts[mid]!;
        const f = this.text.slice(start, this.text.indexOf('\n', start)).trim().split(' ');
        const pointers = Number(f[3]);
        const senses = Number(f[4 + pointers]);
        this.tagged.set(lemma, Number(f[5 + pointers]));
        found = f.slice(6 + pointers, 6 + pointers + senses).map(Number);
        break;
      }
      if (here < lemma) lo = mid + 1;
      else hi = mid - 1;
    }
    this.cache.set(lemma, found);
    return found;
  }

  /**
   * The senses a lemma is known to be used in: those WordNet ranks by their frequency in tagged
   * text (at least its first), no more than COMMON_SENSES. Later ones are listed in no order of use
   * (`conditions`' third sense is the weather).
   */
  attested(lemma: string): number[] {
    const all = this.get(lemma) ?? [];
    return all.slice(0, Math.min(COMMON_SENSES, Math.max(1, this.tagged.get(lemma) ?? 0)));
  }

  has(lemma: string): boolean {
    return this.get(lemma) !== undefined;
  }

  /** Every lemma of the file, in its order. */
  *lemmas(): Iterable<string> {
    for (let i = 0; i < this.starts.length; i++) yield this.lemmaAt(i);
  }
}

/**
 * The index files of one copy of WordNet, made once: every report of a run is reduced against the
 * same files (ingest, a library, training), and building a file's line starts reads all of it.
 */
const indexFiles = new WeakMap<WordNetFiles, Record<Pos, IndexFile>>();
export function indexFilesOf(files: WordNetFiles): Record<Pos, IndexFile> {
  let made = indexFiles.get(files);
  if (!made) indexFiles.set(files, (made = Object.fromEntries(POS.map((p) => [p, new IndexFile(files.index[p])])) as Record<Pos, IndexFile>));
  return made;
}

export interface Synset {
  words: string[];
  gloss: string;
  lexFile: number;
  /** Pointers to other synsets: symbol (\\ pertains to, @ hypernym…), target offset and part of speech. */
  pointers: { symbol: string; offset: number; pos: string }[];
}

export function readSynset(data: string, offset: number): Synset | undefined {
  const end = data.indexOf('\n', offset);
  const line = data.slice(offset, end < 0 ? undefined : end);
  const [head = '', gloss = ''] = line.split(' | ');
  const f = head.split(' ');
  if (Number(f[0]) !== offset) return undefined;
  const count = parseInt(f[3] ?? '0', 16);
  const words = Array.from({ length: count }, (_, i) => (f[4 + i * 2] ?? '').toLowerCase());
  const at = 4 + count * 2;
  const pointers = Array.from({ length: Number(f[at] ?? 0) }, (_, i) => ({ symbol: f[at + 1 + i * 4] ?? '', offset: Number(f[at + 2 + i * 4]), pos: f[at + 3 + i * 4] ?? '' }));
  return { words, gloss, lexFile: Number(f[1]), pointers };
}

/** Base forms WordNet may list for a word of running text, the word itself first. */
function baseForms(word: string): string[] {
  const forms = [word];
  if (/ies$/.test(word)) forms.push(`${word.slice(0, -3)}y`);
  else if (/(?:s|x|z|ch|sh)es$/.test(word)) forms.push(word.slice(0, -2));
  else if (/[^s]s$/.test(word)) forms.push(word.slice(0, -1));
  if (/ed$/.test(word)) forms.push(word.slice(0, -2), word.slice(0, -1));
  if (/ing$/.test(word)) forms.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  return forms.filter((f) => f.length >= 3);
}

/** `vocabulary`: the lower-case words of the English edition. Returns stem → the edition's stems. */
export function reduceWordNet(files: WordNetFiles, vocabulary: ReadonlySet<string>): Map<string, string[]> {
  const indexes = indexFilesOf(files);
  const vocabularyStems = new Set([...vocabulary].map(stem));
  const out = new Map<string, Set<string>>();
  const add = (word: string, target: string) => {
    if (word.includes('_') || /\d/.test(word)) return;
    const key = stem(word);
    if (vocabularyStems.has(key) || key === target) return;
    let set = out.get(key);
    if (!set) out.set(key, (set = new Set()));
    if (set.size < MAX_TARGETS) set.add(target);
  };
  for (const word of vocabulary) {
    // Function words reach unrelated abbreviations ("was" → "WA", the state of Washington).
    if (word.length < 3 || ENGLISH_STOP_WORDS.has(word)) continue;
    for (const pos of POS) {
      const lemma = baseForms(word).find((f) => indexes[pos].has(f));
      if (!lemma) continue;
      // The edition's word in the senses it is used in; the reader's word in any of its common ones.
      for (const offset of indexes[pos].attested(lemma)) {
        const synset = readSynset(files.data[pos], offset);
        if (!synset) continue;
        for (const other of synset.words) {
          // Only where this sense is common for the other word too.
          if ((indexes[pos].get(other) ?? []).slice(0, COMMON_SENSES).includes(offset)) add(other, stem(word));
        }
      }
    }
  }
  addPlaces(files.data.noun, vocabularyStems, add);
  addPlaceNames(indexes.noun, files.data.noun, vocabulary, add);
  return new Map([...out].map(([k, v]) => [k, [...v]]));
}

/**
 * Other names of a place the edition names in several words: `UK` and `Britain` → United
 * Kingdom, `America` → United States (WordNet lists them in one location synset). The name maps
 * to the words of the edition's name, each a share of it.
 */
function addPlaceNames(index: IndexFile, data: string, vocabulary: ReadonlySet<string>, add: (word: string, target: string) => void): void {
  for (const lemma of index.lemmas()) {
    if (!lemma.includes('_')) continue;
    const parts = lemma.split('_');
    if (parts.some((p) => p.length < 2 || !vocabulary.has(p))) continue;
    const targets = parts.filter((p) => !ENGLISH_STOP_WORDS.has(p)).map(stem);
    for (const offset of index.get(lemma)!.slice(0, COMMON_SENSES)) {
      const synset = readSynset(data, offset);
      if (!synset || synset.lexFile !== LOCATION_FILE) continue;
      for (const other of synset.words) if (!other.includes('.')) for (const t of targets) add(other, t);
    }
  }
}

export const LOCATION_FILE = 15;

/** A capital's name → its country (in the edition): Beijing, Tokyo and Washington stand for their governments. */
function addPlaces(data: string, vocabularyStems: ReadonlySet<string>, add: (word: string, target: string) => void): void {
  const known = (word: string | undefined) => {
    const s = word ? stem(word.toLowerCase().replace(/_/g, ' ').split(/\s+/).at(-1) ?? '') : '';
    return s.length > 2 && vocabularyStems.has(s) ? s : undefined;
  };
  // Only glosses that name a capital matter: jump from one mention of "capital" to the next.
  for (let hit = data.indexOf('capital'); hit >= 0; hit = data.indexOf('capital', hit + 7)) {
    const start = data.lastIndexOf('\n', hit) + 1;
    if (data.charCodeAt(start) === 32 || data.slice(start + 9, start + 11) !== String(LOCATION_FILE)) continue;
    const synset = readSynset(data, Number(data.slice(start, start + 8)));
    if (!synset) continue;
    const capitalOf = /\bcapital\b[^;]*?\bof (?:the )?([^;,(]+?)\s*(?:[;,(]|in |$)/i.exec(synset.gloss)?.[1]?.trim().split(/\s+/).at(-1);
    const target = known(capitalOf);
    if (target) for (const w of synset.words) add(w, target);
    const end = data.indexOf('\n', hit);
    if (end < 0) break;
    hit = end;
  }
}
