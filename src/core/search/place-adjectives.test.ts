import { describe, expect, it } from 'vitest';
import { placeAdjectives } from './place-adjectives';
import type { WordNetFiles } from './wordnet-synonyms';

const pad = (n: number) => String(n).padStart(8, '0');

/** A data file of the given synset lines (after their offsets), each offset written as WordNet does; returns the text and the offsets. */
function dataFile(lines: string[]): { text: string; offsets: number[] } {
  let text = '  header line\n';
  const offsets: number[] = [];
  for (const line of lines) {
    offsets.push(text.length);
    text += `${pad(text.length)} ${line}\n`;
  }
  return { text, offsets };
}

/** A made-up WordNet: the place Norland and its adjective Norish; a harbour (not a place) and its adjective. */
function files(): WordNetFiles {
  const noun = dataFile(['15 n 01 Norland 0 000 | a country', '06 n 01 harbour 0 000 | a shelter for ships']);
  const adj = dataFile([`01 a 01 Norish 0 001 \\ ${pad(noun.offsets[0]!)} n 0101 | of or relating to Norland`, `01 a 01 harbourly 0 001 \\ ${pad(noun.offsets[1]!)} n 0101 | of a harbour`]);
  return {
    index: {
      noun: `  header\nharbour n 1 0 1 0 ${noun.offsets[1]}\nnorland n 1 0 1 0 ${noun.offsets[0]}\n`,
      adj: `  header\nharbourly a 1 1 \\ 1 0 ${adj.offsets[1]}\nnorish a 1 1 \\ 1 0 ${adj.offsets[0]}\n`,
      verb: '',
      adv: '',
    },
    data: { noun: noun.text, adj: adj.text, verb: '', adv: '' },
  };
}

describe('placeAdjectives', () => {
  it("links a place's adjective and its name both ways when the edition uses both", () => {
    const map = placeAdjectives(files(), new Set(['norish', 'norland', 'economy']));
    expect(map.get('norland')).toEqual(['norish']);
    expect(map.get('norish')).toEqual(['norland']);
  });

  it('links nothing the edition does not use, nor an adjective of something that is not a place', () => {
    expect(placeAdjectives(files(), new Set(['norish'])).size).toBe(0);
    expect(placeAdjectives(files(), new Set(['harbourly', 'harbour'])).size).toBe(0);
  });
});
