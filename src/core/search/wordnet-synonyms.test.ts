import { describe, expect, it } from 'vitest';
import { reduceWordNet, type WordNetFiles } from './wordnet-synonyms';

/**
 * WordNet files holding the given synsets (lexicographer file, words), offsets as WordNet writes
 * them; `tagged` says how many of a lemma's senses are ranked by use (none unless given).
 */
function wordnet(synsets: { file: number; words: string[] }[], tagged: Record<string, number> = {}): WordNetFiles {
  let data = '  header line\n';
  const senses = new Map<string, number[]>();
  for (const s of synsets) {
    const offset = data.length;
    data += `${String(offset).padStart(8, '0')} ${s.file} n ${s.words.length.toString(16).padStart(2, '0')} ${s.words.map((w) => `${w} 0`).join(' ')} 000 | a made-up gloss\n`;
    for (const w of s.words) senses.set(w.toLowerCase(), [...(senses.get(w.toLowerCase()) ?? []), offset]);
  }
  const index = [...senses.keys()].sort().map((lemma) => `${lemma} n ${senses.get(lemma)!.length} 0 ${senses.get(lemma)!.length} ${tagged[lemma] ?? 0} ${senses.get(lemma)!.join(' ')}`).join('\n');
  const empty = '';
  return { index: { noun: `  header\n${index}\n`, verb: empty, adj: empty, adv: empty }, data: { noun: data, verb: empty, adj: empty, adv: empty } };
}

describe('reduceWordNet', () => {
  const files = wordnet([
    { file: 15, words: ['United_Kingdom', 'UK', 'U.K.', 'Britain'] },
    { file: 15, words: ['United_States', 'US', 'America', 'USA'] },
    { file: 14, words: ['United_Nations', 'UN'] },
  ]);

  it('maps other names of a place to the words of the name the edition uses', () => {
    const map = reduceWordNet(files, new Set(['the', 'united', 'kingdom', 'states']));
    expect(map.get('uk')).toEqual(['unit', 'kingdom']);
    expect(map.get('britain')).toEqual(['unit', 'kingdom']);
    expect(map.get('america')).toEqual(['unit', 'state']);
  });

  it('leaves a place the edition does not name, and groups that are not places', () => {
    const map = reduceWordNet(files, new Set(['united', 'nations']));
    expect(map.has('uk')).toBe(false);
    expect(map.has('un')).toBe(false);
  });
});

describe('reduceWordNet, senses in use', () => {
  const synsets = [
    { file: 26, words: ['circumstances', 'conditions'] },
    { file: 19, words: ['weather', 'conditions', 'atmospheric_condition'] },
  ];

  it("maps a reader's word to the edition's only in a sense the edition's word is known to be used in", () => {
    // The edition says "conditions" (circumstances): the weather is a later sense no tagged text ranks.
    expect(reduceWordNet(wordnet(synsets), new Set(['conditions'])).has('weather')).toBe(false);
    expect(reduceWordNet(wordnet(synsets, { conditions: 2 }), new Set(['conditions'])).get('weather')).toEqual(['condit']);
    expect(reduceWordNet(wordnet(synsets), new Set(['conditions'])).get('circumst')).toEqual(['condit']);
  });
});
