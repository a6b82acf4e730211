import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingUnits, parseEdition, renderingOf, renderingProblems, reportUnits, unitKey, writtenValues } from './edition';
import { parseReport } from './parse';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const report = parseReport(read('../../../corpus/deepseek-shock-china-nli-2025.txt'));
const editionJson = JSON.parse(read('../../../corpus/deepseek-shock-china-nli-2025.en.json'));
const edition = parseEdition(editionJson);
const units = reportUnits(report);

describe('the English edition of the report', () => {
  it('renders every unit the parser reads: headings, sentences, figure captions, footnotes', () => {
    expect(units.length).toBeGreaterThan(100);
    expect(new Set(units.map((u) => u.kind))).toEqual(new Set(['heading', 'sentence', 'figure', 'footnote']));
    expect(missingUnits(report, edition)).toEqual([]);
  });

  it('keeps every number of the original, leaves nothing empty or in Japanese', () => {
    const problems = units.flatMap((u) => renderingProblems(u.ja, renderingOf(edition, u.ja) ?? '').map((p) => `${u.ja.slice(0, 30)}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('says what it is and names the report in English', () => {
    expect(edition.notice).toMatch(/not the publisher/);
    expect(edition.notice).toMatch(/machine-assisted/);
    expect(edition.title).toBe('What the DeepSeek shock means for China');
    expect(edition.publisher).toBe('NLI Research Institute');
  });

  it('finds a rendering whatever the PDF spacing of the Japanese', () => {
    const sentence = units.find((u) => u.ja.includes('56.3'))!.ja;
    expect(renderingOf(edition, sentence.replace(/(\d)％/, '$1 ％'))).toBe(renderingOf(edition, sentence));
    expect(renderingOf(edition, sentence)).toContain('56.3%');
  });
});

describe('parseEdition', () => {
  it('refuses a unit whose key does not match its Japanese, so a changed sentence is never mismatched', () => {
    const tampered = structuredClone(editionJson);
    tampered.units[3].ja = `${tampered.units[3].ja}追加`;
    expect(() => parseEdition(tampered)).toThrow(/does not match its Japanese/);
  });

  it('refuses empty renderings and other shapes with the field named', () => {
    const empty = structuredClone(editionJson);
    empty.units[0].en = '  ';
    expect(() => parseEdition(empty)).toThrow(/units\.0\.en: a rendering must not be empty/);
    expect(() => parseEdition({ ...editionJson, format: 9 })).toThrow(/format/);
  });

  it('reports a changed sentence as missing instead of showing the old rendering', () => {
    const changed = parseReport(read('../../../corpus/deepseek-shock-china-nli-2025.txt').replace('はや 1カ月が経つ', 'はや 2カ月が経つ'));
    const missing = missingUnits(changed, edition).map((u) => u.ja);
    expect(missing).toHaveLength(1);
    expect(missing[0]).toContain('2カ月が経つ');
  });
});

describe('renderingProblems', () => {
  it('accepts numbers written the English way', () => {
    expect(renderingProblems('開発コスト（600万ドル以下）', 'development cost (under $6 million)')).toEqual([]);
    expect(renderingProblems('2025年 1月 20日に公開', 'released on January 20, 2025')).toEqual([]);
    expect(renderingProblems('13年に「一帯一路」', 'in 2013, the Belt and Road')).toEqual([]);
    expect(renderingProblems('米国の 5,381棟', '5,381 in the United States')).toEqual([]);
  });

  it('accepts numbers spelled out in prose', () => {
    expect(renderingProblems('はや 1カ月が経つ', 'it has already been one month')).toEqual([]);
    expect(renderingProblems('第 2次トランプ政権', 'the second Trump administration')).toEqual([]);
    expect(renderingProblems('第 3回フォーラム', 'the Third Forum')).toEqual([]);
    expect(renderingProblems('第 3回フォーラム', 'the second Forum')).toEqual(['the number 3 is missing']);
  });

  it('names a missing number, an empty rendering and one left in Japanese', () => {
    expect(renderingProblems('中国が 56.3％', 'China was highest')).toEqual(['the number 56.3 is missing']);
    expect(renderingProblems('文', ' ')).toEqual(['the rendering is empty']);
    expect(renderingProblems('中国の経済', '中国の経済')).toContain('the rendering is left in Japanese');
  });

  it('reads scaled and month values', () => {
    expect(writtenValues('$6 million in March')).toEqual(expect.arrayContaining([6, 6_000_000, 3]));
    expect(unitKey('中国 が')).toBe(unitKey('中国が'));
  });
});
