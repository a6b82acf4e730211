import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Bm25Index, type WeightedTerm } from './bm25';
import { lexiconKey, parseLexicon, translateQuery } from './lexicon';
import { tokenize } from './tokenize';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const lexiconJson: unknown = JSON.parse(read('../../../corpus/lexicon.en-ja.json'));
const lexicon = parseLexicon(lexiconJson);
const report = read('../../../corpus/deepseek-shock-china-nli-2025.txt');

const weightOf = (terms: WeightedTerm[], term: string): number => terms.find((t) => t.term === term)?.weight ?? 0;
const termsOf = (terms: WeightedTerm[]): string[] => terms.map((t) => t.term);

const toyLexicon = parseLexicon({
  source: 'test',
  licence: 'test',
  attribution: 'test',
  entries: {
    'export controls': ['輸出規制'],
    export: ['輸出'],
    controls: ['管理'],
    state: ['国家', '州'],
    nation: ['国家'],
    semiconductor: ['半導体'],
  },
});

describe('the committed lexicon', () => {
  it('loads, credits EDICT and has entries', () => {
    expect(lexicon.attribution).toMatch(/Electronic Dictionary Research and Development Group/);
    expect(lexicon.licence).toMatch(/Creative Commons Attribution-ShareAlike/);
    expect(lexicon.source).toMatch(/EDICT/);
    expect(lexicon.entries.size).toBeGreaterThan(1000);
  });

  it('is stored with sorted phrases, each mapping to Japanese found in the report', () => {
    const entries = (lexiconJson as { entries: Record<string, string[]> }).entries;
    const phrases = Object.keys(entries);
    expect(phrases).toEqual([...phrases].sort());
    const squashed = report.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
    const edictTerms = Object.values(entries).flat();
    const found = edictTerms.filter((t) => squashed.includes(t.normalize('NFKC').toLowerCase()));
    // Glossary terms may name the report's concepts in other forms; dictionary terms all occur.
    expect(found.length / edictTerms.length).toBeGreaterThan(0.97);
  });
});

describe('translateQuery', () => {
  it('translates the household registration system to 戸籍', () => {
    const terms = termsOf(translateQuery('household registration system', lexicon));
    expect(terms).toEqual(expect.arrayContaining(tokenize('戸籍')));
  });

  it('translates semiconductor to 半導体', () => {
    expect(termsOf(translateQuery('semiconductors', lexicon))).toEqual(expect.arrayContaining(tokenize('半導体')));
  });

  it('keeps names, numbers and untranslated English', () => {
    const terms = termsOf(translateQuery('When was DeepSeek released, and what does the H100 cost in 2025?', lexicon));
    expect(terms).toEqual(expect.arrayContaining(['deepseek', 'h100', '2025']));
    expect(terms).not.toContain('the');
    expect(terms).not.toContain('what');
  });

  it('prefers a phrase over its words and weighs it more', () => {
    const phrase = translateQuery('export controls', toyLexicon);
    expect(termsOf(phrase)).toEqual(expect.arrayContaining(tokenize('輸出規制')));
    expect(termsOf(phrase)).not.toContain('管理');
    const phraseWeight = tokenize('輸出規制').reduce((sum, t) => sum + weightOf(phrase, t), 0);
    const word = translateQuery('export', toyLexicon);
    const wordWeight = tokenize('輸出').reduce((sum, t) => sum + weightOf(word, t), 0);
    expect(phraseWeight).toBeGreaterThan(wordWeight);
  });

  it('matches phrases on the real lexicon before single words', () => {
    const terms = termsOf(translateQuery('What problem does the household registration (hukou) system pose?', lexicon));
    const household = lexicon.entries.get(lexiconKey('household'))?.[0];
    expect(household).toBeDefined();
    for (const t of tokenize(household!)) if (!tokenize('戸籍制度').includes(t)) expect(terms).not.toContain(t);
  });

  it('splits a word’s weight among its candidate translations', () => {
    const terms = translateQuery('state', toyLexicon);
    const single = translateQuery('nation', toyLexicon);
    expect(weightOf(terms, '国家')).toBeCloseTo(weightOf(single, '国家') / 2);
  });

  it('falls back to a derived form the dictionary lists, at lower weight', () => {
    const derived = translateQuery('contribute', lexicon);
    expect(termsOf(derived)).toEqual(expect.arrayContaining(tokenize('貢献')));
    const direct = translateQuery('contribution', lexicon);
    expect(weightOf(derived, '貢献')).toBeLessThan(weightOf(direct, '貢献'));
  });

  it('passes Japanese in the question through', () => {
    expect(termsOf(translateQuery('What does 自立自強 mean?', lexicon))).toEqual(expect.arrayContaining(['自立', '自強']));
  });

  it('writes English millions the Japanese way', () => {
    expect(termsOf(translateQuery('under 6 million dollars', lexicon))).toEqual(expect.arrayContaining(['600', '万', 'ドル']));
  });

  it('reads upper-case US as the country but not the pronoun us', () => {
    expect(termsOf(translateQuery('US export controls', lexicon))).toEqual(expect.arrayContaining(['米国']));
    expect(termsOf(translateQuery('tell us about chips', lexicon))).not.toContain('米国');
  });

  it('returns each term once, deterministically', () => {
    const question = 'How could generative AI support China’s industrial upgrading alongside EVs and batteries?';
    const first = translateQuery(question, lexicon);
    expect(translateQuery(question, lexicon)).toEqual(first);
    expect(new Set(termsOf(first)).size).toBe(first.length);
    expect(first.every((t) => t.weight > 0)).toBe(true);
  });

  it('lets BM25 find the Japanese passage for an English question', () => {
    const lines = report.split('\n').filter((l) => l.trim() !== '');
    const passages: { id: string; text: string }[] = [];
    for (let i = 0; i < lines.length; i += 6) passages.push({ id: String(i), text: lines.slice(i, i + 6).join('') });
    const index = Bm25Index.build(passages);
    const top = (q: string): string => passages.find((p) => p.id === index.search(translateQuery(q, lexicon), 1)[0]!.id)!.text;
    expect(top('What problem does the household registration (hukou) system pose for migrant workers?')).toContain('農民工');
    expect(top("How has China's Gini coefficient changed?")).toContain('ジニ係数');
  });
});

describe('lexiconKey', () => {
  it('lower-cases and stems each word', () => {
    expect(lexiconKey('Export Controls')).toBe(lexiconKey('export control'));
    expect(lexiconKey("China's policies")).toBe('china policy');
  });
});

describe('parseLexicon', () => {
  const header = { source: 's', licence: 'l', attribution: 'a' };
  it.each([
    ['null', null, /not an object/],
    ['array', [], /not an object/],
    ['missing attribution', { source: 's', licence: 'l', entries: { a: ['ア'] } }, /attribution/],
    ['entries missing', { ...header }, /entries/],
    ['entry not an array', { ...header, entries: { chip: '半導体' } }, /chip/],
    ['empty entry', { ...header, entries: { chip: [] } }, /chip/],
    ['no entries', { ...header, entries: {} }, /no entries/],
  ])('rejects a corrupt lexicon (%s) with a clear error', (_name, json, message) => {
    expect(() => parseLexicon(json)).toThrow(message);
    expect(() => parseLexicon(json)).toThrow(/Invalid lexicon/);
  });
});
