import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors';
import { parseLexicon, translateQuery } from '../core/search/lexicon';
import { lexiconFromJson, lexiconToJson } from './snapshot-lexicon';

const raw = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../corpus/lexicon.en-ja.json'), 'utf8'));
const parsed = parseLexicon(raw);

describe('snapshot lexicon', () => {
  it('rebuilds exactly the lexicon parseLexicon made from the corpus dictionary, through JSON', () => {
    const rebuilt = lexiconFromJson(JSON.parse(JSON.stringify(lexiconToJson(parsed))));
    expect(rebuilt.entries.size).toBe(parsed.entries.size);
    expect(rebuilt.entries.size).toBeGreaterThan(1000);
    expect([...rebuilt.entries]).toEqual([...parsed.entries]);
    expect(rebuilt.attribution).toBe(parsed.attribution);
  });

  it('translates English questions into the same Japanese terms', () => {
    const rebuilt = lexiconFromJson(lexiconToJson(parsed));
    for (const q of ['How does the report see the impact on Japan?', 'What risks does AI pose for jobs and income inequality in China?', 'household registration reform']) {
      expect(translateQuery(q, rebuilt)).toEqual(translateQuery(q, parsed));
    }
  });

  it('refuses a damaged lexicon as a corrupt snapshot', () => {
    const good = lexiconToJson(parsed);
    for (const bad of [null, { ...good, licence: '' }, { ...good, entries: [] }, { ...good, entries: { chip: [] } }, { ...good, entries: { chip: [3] } }, { ...good, entries: {} }]) {
      expect(() => lexiconFromJson(bad)).toThrow(AppError);
    }
  });
});
