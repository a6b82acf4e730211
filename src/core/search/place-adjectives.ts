/**
 * The edition's adjectives of a place and the place's name (Chinese ↔ China, Japanese ↔ Japan),
 * from WordNet's "pertains to" pointers: a reader asking about China's economy means the
 * edition's "Chinese economy", though the two share no stem. Both directions, both in the
 * edition. Web APIs only.
 */
import { stem } from './tokenize';
import { indexFilesOf, LOCATION_FILE, readSynset, type WordNetFiles } from './wordnet-synonyms';

/** `vocabulary`: the lower-case words of the English edition. Returns stem → its related stems. */
export function placeAdjectives(files: WordNetFiles, vocabulary: ReadonlySet<string>): Map<string, string[]> {
  const adjectives = indexFilesOf(files).adj;
  const out = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (a === b) return;
    for (const [from, to] of [[a, b], [b, a]] as const) {
      let set = out.get(from);
      if (!set) out.set(from, (set = new Set()));
      set.add(to);
    }
  };
  for (const word of vocabulary) {
    // A place adjective's first sense is the one of the place (Chinese: of China).
    const first = adjectives.get(word)?.[0];
    if (first === undefined) continue;
    const synset = readSynset(files.data.adj, first);
    for (const pointer of synset?.pointers ?? []) {
      if (pointer.symbol !== '\\' || pointer.pos !== 'n') continue;
      const place = readSynset(files.data.noun, pointer.offset);
      if (!place || place.lexFile !== LOCATION_FILE) continue;
      for (const name of place.words) if (!name.includes('_') && vocabulary.has(name)) link(stem(word), stem(name));
    }
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}
