import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Bm25Index, mergeTerms } from './bm25';

const report = readFileSync(new URL('../../../corpus/deepseek-shock-china-nli-2025.txt', import.meta.url), 'utf8');

/** The report cut into passages of six lines, about the size the chunker produces. */
function reportPassages(): { id: string; text: string }[] {
  const lines = report.split('\n').filter((l) => l.trim() !== '');
  const passages: { id: string; text: string }[] = [];
  for (let i = 0; i < lines.length; i += 6) passages.push({ id: `p${passages.length}`, text: lines.slice(i, i + 6).join('\n') });
  return passages;
}

const passages = reportPassages();
const index = Bm25Index.build(passages);
const textOf = (id: string): string => passages.find((p) => p.id === id)!.text.replace(/\s+/g, '');

describe('Bm25Index on the report', () => {
  it('finds the passage about the Gini coefficient from a Japanese question', () => {
    const [top] = index.search('中国のジニ係数はどのように推移してきたか？', 3);
    expect(textOf(top!.id)).toContain('ジニ係数');
  });

  it('finds the India finance ministry footnote from its English headline words', () => {
    const results = index.search('India finance ministry employees avoid AI tools', 3);
    expect(textOf(results[0]!.id).toLowerCase()).toContain('india');
    expect(results.some((r) => textOf(r.id).includes("India'sFinanceMinis"))).toBe(true);
  });

  it('returns at most k results, best first, with deterministic ties', () => {
    const results = index.search('生成AI', 5);
    expect(results).toHaveLength(5);
    for (let i = 1; i < results.length; i++) expect(results[i - 1]!.score).toBeGreaterThanOrEqual(results[i]!.score);
    expect(index.search('生成AI', 5)).toEqual(results);
    expect(index.search('生成AI', 0)).toEqual([]);
  });

  it('returns nothing for a query without indexed terms', () => {
    expect(index.search('pizza margherita', 5)).toEqual([]);
    expect(index.search('', 5)).toEqual([]);
  });

  it('reports matched = the summed weight of the distinct query terms a passage holds', () => {
    const results = index.search(
      [
        { term: '戸籍', weight: 2 },
        { term: '農民', weight: 0.5 },
        { term: 'absentterm', weight: 7 },
      ],
      3,
    );
    const top = results[0]!;
    expect(textOf(top.id)).toContain('農民工');
    expect(top.matched).toBeCloseTo(2.5);
  });

  it('lets query weights decide between passages', () => {
    const giniFirst = index.search([{ term: 'ジニ', weight: 5 }, { term: '戸籍', weight: 1 }], 1)[0]!;
    const hukouFirst = index.search([{ term: 'ジニ', weight: 1 }, { term: '戸籍', weight: 5 }], 1)[0]!;
    expect(textOf(giniFirst.id)).toContain('ジニ');
    expect(textOf(hukouFirst.id)).toContain('戸籍');
    expect(giniFirst.id).not.toBe(hukouFirst.id);
  });

  it('ignores terms with zero or negative weight', () => {
    expect(index.search([{ term: '戸籍', weight: 0 }], 5)).toEqual([]);
    expect(index.search([{ term: '戸籍', weight: -1 }], 5)).toEqual([]);
  });

  it('gives rare terms a higher idf than common ones and unknown terms none', () => {
    expect(index.idf('ジニ')).toBeGreaterThan(index.idf('中国'));
    expect(index.idf('中国')).toBeGreaterThan(0);
    expect(index.idf('nosuchterm')).toBe(0);
    expect(index.docFrequency('ジニ')).toBeGreaterThan(0);
  });

  it('searches well under a millisecond', () => {
    const query = [
      { term: '戸籍', weight: 2 },
      { term: '制度', weight: 1 },
      { term: 'ai', weight: 1 },
      { term: '中国', weight: 1 },
      { term: '普及', weight: 0.5 },
    ];
    for (let i = 0; i < 100; i++) index.search(query, 10);
    const runs = 2000;
    const started = performance.now();
    for (let i = 0; i < runs; i++) index.search(query, 10);
    // A search takes a few hundredths of a millisecond; the bound is many times that.
    expect((performance.now() - started) / runs).toBeLessThan(2);
  });
});

describe('boostText', () => {
  it('adds title terms at reduced weight without lengthening the passage', () => {
    const docs = [
      { id: 'plain', text: '生産性の向上が進む見込み' },
      { id: 'titled', text: '生産性の向上が進む見込み', boostText: 'インフラ投資' },
      { id: 'body', text: 'インフラ投資が進む見込み' },
    ];
    const boosted = Bm25Index.build(docs);
    // A passage saying it outranks one whose section title says it; an untitled one has nothing.
    expect(boosted.search('インフラ投資', 3).map((r) => r.id)).toEqual(['body', 'titled']);
    const data = boosted.toJSON();
    expect(data.docLengths[0]).toBe(data.docLengths[1]);
    expect(data.postings['インフラ']).toEqual([1, 0.5, 2, 1]);
  });
});

describe('serialisation', () => {
  it('round-trips through JSON with identical results', () => {
    const copy = Bm25Index.fromJSON(JSON.parse(JSON.stringify(index)));
    for (const q of ['ジニ係数', 'DeepSeek App Store', '農民工 戸籍']) expect(copy.search(q, 5)).toEqual(index.search(q, 5));
    expect(copy.size).toBe(passages.length);
  });

  it('stores postings as flat [doc, tf] pairs and serialises deterministically', () => {
    const data = index.toJSON();
    const list = data.postings['ジニ']!;
    expect(list.length % 2).toBe(0);
    expect(textOf(data.ids[list[0]!]!)).toContain('ジニ');
    expect(JSON.stringify(Bm25Index.build(passages))).toBe(JSON.stringify(index));
    expect(data.ids).toHaveLength(passages.length);
    expect(data.avgdl).toBeGreaterThan(0);
  });

  it.each([
    ['null', null, /not an object/],
    ['wrong version', { ...index.toJSON(), version: 2 }, /version/],
    ['lengths mismatch', { ...index.toJSON(), docLengths: [1] }, /docLengths/],
    ['posting outside the index', { ...index.toJSON(), postings: { x: [9999, 1] } }, /outside/],
    ['odd posting list', { ...index.toJSON(), postings: { x: [0] } }, /\[doc, tf\]/],
    ['bad tf', { ...index.toJSON(), postings: { x: [0, 0] } }, /term frequency/],
    ['ids not strings', { ...index.toJSON(), ids: [1] }, /ids/],
  ])('rejects corrupt data (%s) with a clear error', (_name, data, message) => {
    expect(() => Bm25Index.fromJSON(data)).toThrow(message);
    expect(() => Bm25Index.fromJSON(data)).toThrow(/Corrupt BM25 index/);
  });
});

describe('mergeTerms', () => {
  it('sums the weights of repeated terms', () => {
    expect(mergeTerms([{ term: 'a', weight: 1 }, { term: 'b', weight: 2 }, { term: 'a', weight: 0.5 }])).toEqual([
      { term: 'a', weight: 1.5 },
      { term: 'b', weight: 2 },
    ]);
  });
});
