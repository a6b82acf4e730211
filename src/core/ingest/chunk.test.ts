import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkReport, packRanges } from './chunk';
import { parseReport } from './parse';
import type { Report } from '../types';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const report = parseReport(readFileSync(resolve(repoRoot, 'corpus/deepseek-shock-china-nli-2025.txt'), 'utf8'));
const passages = chunkReport(report);
const body = passages.filter((p) => p.kind === 'body');
const noSpace = (s: string) => s.replace(/\s+/g, '');

describe('chunkReport on the DeepSeek report', () => {
  it('puts every sentence of every paragraph whole inside some passage, so any quote from the report is found in one place', () => {
    const texts = body.map((p) => noSpace(p.text));
    const sentences = report.blocks.filter((x) => x.kind === 'paragraph').flatMap((b) => b.text.split(/(?<=。)/).map(noSpace).filter((t) => t.length > 0));
    expect(sentences.length).toBeGreaterThan(50);
    expect(sentences.filter((t) => !texts.some((p) => p.includes(t)))).toEqual([]);
  });

  it('keeps mean body passage length within 700 characters and passages within maxChars unless one sentence is longer', () => {
    const mean = body.reduce((sum, p) => sum + p.text.length, 0) / body.length;
    expect(mean).toBeLessThanOrEqual(700);
    expect(mean).toBeGreaterThan(100);
    for (const p of body) expect(p.text.replace(/\n/g, '').length).toBeLessThanOrEqual(280);
  });

  it('gives unique, URL-safe ids that are stable across two runs', () => {
    const again = chunkReport(parseReport(readFileSync(resolve(repoRoot, 'corpus/deepseek-shock-china-nli-2025.txt'), 'utf8')));
    expect(again.map((p) => p.id)).toEqual(passages.map((p) => p.id));
    expect(new Set(passages.map((p) => p.id)).size).toBe(passages.length);
    for (const p of passages) expect(p.id).toMatch(/^[a-z0-9-]+$/);
    expect(passages.map((p) => p.order)).toEqual(passages.map((_, i) => i));
  });

  it('never lets a passage span two sections', () => {
    const sectionOf = new Map<string, string>();
    for (const b of report.blocks.filter((x) => x.kind === 'paragraph')) {
      for (const sentence of b.text.split(/(?<=。)/)) if (sentence.length > 10) sectionOf.set(sentence, b.section.join(' › '));
    }
    let checked = 0;
    for (const p of body) {
      for (const [sentence, section] of sectionOf) {
        if (p.text.includes(sentence)) {
          expect(p.section).toBe(section);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(80);
    // Chapters 4 and 5 open straight into sub-sections, so ten sections hold body text.
    expect(new Set(body.map((p) => p.section)).size).toBe(10);
  });

  it('makes a passage per footnote, fn-1 to fn-21, with its page and the citing section', () => {
    const notes = passages.filter((p) => p.kind === 'footnote');
    expect(notes.map((p) => p.id)).toEqual(Array.from({ length: 21 }, (_, i) => `fn-${i + 1}`));
    const fn16 = notes.find((p) => p.id === 'fn-16');
    expect(fn16?.text).toBe(report.footnotes[15]?.text);
    expect(fn16?.page).toBe(6);
    expect(fn16?.footnotes).toEqual([16]);
    expect(fn16?.section).toBe(body.find((p) => p.footnotes.includes(16))?.section);
  });

  it('records the footnote markers inside each body passage', () => {
    const cost = body.filter((p) => p.text.includes('コストパフォーマンスが高かった。'));
    expect(cost.length).toBeGreaterThan(0);
    for (const p of cost) expect(p.footnotes).toContain(1);
    const plain = body.find((p) => p.text.includes('今回発表された DeepSeek の成果'));
    expect(plain?.footnotes).toEqual([]);
    const cited = new Set(body.flatMap((p) => p.footnotes));
    expect([...cited].sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });

  it('makes figure captions figure passages', () => {
    const figures = passages.filter((p) => p.kind === 'figure');
    expect(figures).toHaveLength(4);
    expect(figures[0]?.text).toContain('（資料）Australian Strategic Policy Instituteより');
    expect(figures[0]?.page).toBe(2);
  });

  it('overlaps consecutive passages of a section by one sentence', () => {
    const [first, second] = body;
    const lastSentence = first?.text.split(/(?<=。)/).filter(Boolean).at(-1) ?? '';
    expect(lastSentence.length).toBeGreaterThan(10);
    expect(second?.text.startsWith(lastSentence)).toBe(true);
  });
});

describe('chunkReport options and edge cases', () => {
  const small: Report = {
    title: 't',
    pages: 1,
    sections: [{ title: 'A', level: 1, page: 1 }],
    footnotes: [{ n: 1, text: '脚注の本文。', urls: [], page: 1 }],
    blocks: [
      { kind: 'heading', text: 'A', page: 1, section: ['A'], footnoteRefs: [], markers: [] },
      { kind: 'paragraph', text: '一文目です。二文目です。三文目です。', page: 1, section: ['A'], footnoteRefs: [1], markers: [{ n: 1, at: 11 }] },
    ],
  };

  it('packs whole sentences up to maxChars with the requested overlap', () => {
    expect(chunkReport(small, { maxChars: 12, overlapSentences: 1 }).filter((p) => p.kind === 'body').map((p) => [p.text, p.footnotes])).toEqual([
      ['一文目です。二文目です。', [1]],
      ['二文目です。三文目です。', [1]],
    ]);
    expect(chunkReport(small, { maxChars: 12, overlapSentences: 0 }).filter((p) => p.kind === 'body').map((p) => [p.text, p.footnotes])).toEqual([
      ['一文目です。二文目です。', [1]],
      ['三文目です。', []],
    ]);
  });

  it('falls back to the footnote section label when no passage cites a footnote', () => {
    const uncited: Report = { ...small, blocks: small.blocks.map((b) => ({ ...b, markers: [], footnoteRefs: [] })) };
    expect(chunkReport(uncited).find((p) => p.kind === 'footnote')?.section).toBe('脚注');
  });

  it('rejects invalid options', () => {
    expect(() => chunkReport(small, { maxChars: 0 })).toThrow(RangeError);
    expect(() => chunkReport(small, { overlapSentences: -1 })).toThrow(RangeError);
  });

  it('packRanges always makes progress, even with an overlap as large as a passage', () => {
    expect(packRanges([5, 5, 5, 5], 10, 3)).toEqual([
      [0, 2],
      [1, 3],
      [2, 4],
    ]);
    expect(packRanges([50, 5], 10, 1)).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });
});
