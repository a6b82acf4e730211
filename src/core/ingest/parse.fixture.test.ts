import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Footnote, Section } from '../types';
import { parseReport } from './parse';

/** A synthetic report in the corpus layout; the expected parse is written out beside it. */
const fixtureUrl = (name: string) => new URL(`../../../test/fixtures/${name}`, import.meta.url);
const text = readFileSync(fixtureUrl('india-semiconductor/report.txt'), 'utf8');
const expected = JSON.parse(readFileSync(fixtureUrl('india-semiconductor.expected.json'), 'utf8')) as {
  title: string;
  header: Record<string, string>;
  pages: number;
  sections: Section[];
  figures: string[];
  markers: { n: number; after: string }[];
  footnotes: Footnote[];
  questions: { id: string; gold: string[]; footnotes: number[] }[];
};

const report = parseReport(text);
const paragraphs = report.blocks.filter((b) => b.kind === 'paragraph');
const bodyText = paragraphs.map((b) => b.text).join('\n');
const squash = (s: string) => s.replace(/\s+/g, '');

describe('parseReport on a second report of the same layout', () => {
  it('reads the first-page header and takes its title', () => {
    expect(report.header).toEqual(expected.header);
    expect(report.title).toBe(expected.title);
  });

  it('keeps the header out of the body: the text starts with chapter 1', () => {
    expect(report.blocks[0]).toMatchObject({ kind: 'heading', text: '1――はじめに', page: 1 });
    for (const printed of ['2025-06-10', '基礎研究レポート', '山田 太郎', 'example.jp', '問われる「産業の厚み」', '実を結ぶか']) {
      for (const b of report.blocks) expect(b.text).not.toContain(printed);
    }
  });

  it('finds the chapters and sub-sections in order, a chapter heading wrapped over two lines included', () => {
    expect(report.sections).toEqual(expected.sections);
    expect(report.pages).toBe(expected.pages);
    const water = paragraphs.find((b) => b.text.startsWith('課題も多い。'));
    expect(water?.section).toEqual([expected.sections[4]?.title, '2｜電力・水・人材という三つの制約']);
  });

  it('reads every footnote whole, with URLs rejoined across lines', () => {
    expect(report.footnotes).toEqual(expected.footnotes);
  });

  it('links each marker from the body to its footnote, in the block that makes the claim', () => {
    expect(paragraphs.flatMap((b) => b.footnoteRefs)).toEqual(expected.footnotes.map((f) => f.n));
    for (const { n, after } of expected.markers) {
      const holders = paragraphs.filter((b) => b.footnoteRefs.includes(n));
      expect(holders).toHaveLength(1);
      const marker = holders[0]?.markers.find((m) => m.n === n);
      expect(holders[0]?.text.slice(0, marker?.at).endsWith(after.trim())).toBe(true);
    }
    for (const b of paragraphs) expect(b.markers.map((m) => m.n)).toEqual(b.footnoteRefs);
  });

  it('stitches sentences cut by a page break, a footnote area and a figure caption', () => {
    expect(bodyText).toContain('電力料金を一定期間減免したりする州もあり、実質的な負担はさらに小さくなる。');
    expect(bodyText).toContain('製造の現場を知る技術者は少なく、その数は台湾の 12分の 1程度にとどまるとの試算もある。');
  });

  it('makes figure captions their own blocks, with title and credit', () => {
    expect(report.blocks.filter((b) => b.kind === 'figure').map((b) => b.text)).toEqual(expected.figures);
    for (const b of paragraphs) expect(b.text).not.toContain('（資料）');
  });

  it('keeps body lines that start with a number as body text', () => {
    const fiscal = paragraphs.find((b) => b.text.startsWith('2024年度には、承認済み案件'));
    expect(fiscal?.page).toBe(3);
    expect(fiscal?.footnoteRefs).toEqual([7]);
    // List items numbered like footnote starts; item 4 even carries the number expected next.
    const items = paragraphs.filter((b) => /^\d (?:半導体|ディスプレイ|化合物|後工程)/.test(b.text));
    expect(items.map((b) => b.text.slice(0, 2))).toEqual(['1 ', '2 ', '3 ', '4 ']);
    expect(items.every((b) => b.page === 2 && b.footnoteRefs.length === 0)).toBe(true);
  });

  it('keeps the printed spacing of numbers and Latin words, and full-width digits', () => {
    for (const s of ['2024年 3月には', '12分の 1程度', '5,381億ルピー', 'Apple は中国に', '製造業の GDP 比を 25％', 'Tata Electronics が', '第２期']) {
      expect(bodyText).toContain(s);
    }
  });

  it('parses without warnings', () => {
    expect(report.warnings).toBeUndefined();
  });

  it('holds every gold passage of the questions, and the footnotes they cite', () => {
    const texts = [...report.blocks.map((b) => b.text), ...report.footnotes.map((f) => f.text)].map(squash);
    for (const q of expected.questions) {
      for (const g of q.gold) expect(texts.some((t) => t.includes(squash(g))), `${q.id}: ${g}`).toBe(true);
      for (const n of q.footnotes) expect(report.footnotes.some((f) => f.n === n)).toBe(true);
    }
  });
});
