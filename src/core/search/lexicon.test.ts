import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Bm25Index, type WeightedTerm } from './bm25';
import { lexiconKey, translateQuery } from './lexicon';
import { deriveLexicon, lexiconFromJson, lexiconToJson, parseGlossary, parseLexicon } from './lexicon-files';
import { tokenize } from './tokenize';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const dictionaryJson: unknown = JSON.parse(read('../../../resources/lexicon.en-ja.json'));
const dictionary = parseLexicon(dictionaryJson);
const report = read('../../../corpus/deepseek-shock-china-nli-2025.txt');
const glossary = parseGlossary(JSON.parse(read('../../../corpus/glossary.en-ja.json')));
const lexicon = deriveLexicon(dictionary, report, glossary);
const squash = (t: string) => t.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

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

describe('the dictionary and its reduction to one report', () => {
  it('credits EDICT and holds general entries, not one report\'s words', () => {
    expect(dictionary.attribution).toMatch(/Electronic Dictionary Research and Development Group/);
    expect(dictionary.licence).toMatch(/Creative Commons Attribution-ShareAlike/);
    expect(dictionary.source).toMatch(/EDICT/);
    expect(dictionary.entries.size).toBeGreaterThan(20_000);
    for (const word of ['weather', 'breakfast', 'household']) expect(dictionary.entries.has(lexiconKey(word))).toBe(true);
  });

  it('keeps only terms the report uses, with the attribution', () => {
    expect(lexicon.attribution).toBe(dictionary.attribution);
    expect(lexicon.entries.size).toBeGreaterThan(1000);
    expect(lexicon.entries.size).toBeLessThan(dictionary.entries.size / 4);
    const text = squash(report);
    for (const terms of lexicon.entries.values()) for (const t of terms) expect(text).toContain(squash(t));
    expect(lexicon.entries.has(lexiconKey('breakfast'))).toBe(false);
  });

  it('finds a word the report writes in kana by its reading, and lets the glossary win', () => {
    const toy = parseLexicon({ source: 's', licence: 'l', attribution: 'a', entries: { chip: ['半導体|はんどうたい'], fiddle: ['誤魔化す|ごまかす'], rice: ['米|こめ'] } });
    const derived = deriveLexicon(toy, 'はんどうたいを、ごまかす。米国のチップ', new Map([['chip', ['チップ', 'CPU']]]));
    expect(derived.entries.get('chip')).toEqual(['チップ']);
    expect(deriveLexicon(toy, 'はんどうたい', new Map([['chip', ['CPU']]])).entries.get('chip')).toEqual(['はんどうたい']);
    expect(derived.entries.get(lexiconKey('fiddle'))).toEqual(['ごまかす']);
    expect(derived.entries.get(lexiconKey('rice'))).toEqual(['米']);
  });

  it("keeps the dictionary's katakana words whole, whatever the report uses, to tell a reader's common noun from a name", () => {
    const toy = parseLexicon({ source: 's', licence: 'l', attribution: 'a', entries: { chip: ['チップ', '半導体|はんどうたい'], soup: ['スープ'], rice: ['米|こめ'] } });
    const derived = deriveLexicon(toy, '米の値段');
    expect([...derived.katakanaWords!].sort()).toEqual(['スープ', 'チップ']);
    expect(derived.entries.has('soup')).toBe(false);
    expect(lexiconFromJson(JSON.parse(JSON.stringify(lexiconToJson(derived)))).katakanaWords).toEqual(derived.katakanaWords);
    expect(() => lexiconFromJson({ ...lexiconToJson(derived), katakanaWords: [3] })).toThrow(/damaged/);
    // Reports ingested with the same dictionary share one set of its words.
    const stored = JSON.stringify(lexiconToJson(derived));
    expect(lexiconFromJson(JSON.parse(stored)).katakanaWords).toBe(lexiconFromJson(JSON.parse(stored)).katakanaWords);
  });

  it('has a glossary whose every term occurs in the report', () => {
    const text = squash(report);
    for (const [phrase, terms] of glossary) expect(terms.filter((t) => text.includes(squash(t))), phrase).toEqual(terms);
  });

  it('round-trips through its stored form', () => {
    const rebuilt = lexiconFromJson(JSON.parse(JSON.stringify(lexiconToJson(lexicon))));
    expect([...rebuilt.entries]).toEqual([...lexicon.entries]);
    for (const q of ['How does the report see the impact on Japan?', 'household registration reform']) expect(translateQuery(q, rebuilt)).toEqual(translateQuery(q, lexicon));
    for (const bad of [null, { ...lexiconToJson(lexicon), licence: '' }, { ...lexiconToJson(lexicon), entries: [] }, { ...lexiconToJson(lexicon), entries: { chip: [3] } }]) {
      expect(() => lexiconFromJson(bad)).toThrow(/damaged/);
    }
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

  it('finds a word through the dictionary form of another derivation', () => {
    expect(termsOf(translateQuery('contribute', lexicon))).toEqual(expect.arrayContaining(tokenize('貢献')));
    expect(termsOf(translateQuery('regulating', lexicon))).toEqual(expect.arrayContaining(tokenize('規制')));
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
    expect(lexiconKey("China's policies")).toBe(lexiconKey('china policy'));
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
