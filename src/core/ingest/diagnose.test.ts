import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../types';
import { diagnoseReport, type ReportProblem } from './diagnose';
import { parseReport, readReport } from './parse';
import { parseError } from '../../../test/helpers/parse-error';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const diagnose = (text: string) => diagnoseReport(readReport(text), text);
const lines = (...l: string[]) => l.join('\n');
/** `n` printed body lines in the middle of a paragraph. */
const body = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `本文の${from + i}行目が続いていく`);
const only = (problems: ReportProblem[], code: ReportProblem['code']) => problems.filter((p) => p.code === code);

describe('diagnoseReport', () => {
  it('finds nothing wrong with the two reports in the layout', () => {
    for (const path of ['corpus/deepseek-shock-china-nli-2025.txt', 'test/fixtures/india-semiconductor/report.txt']) {
      expect(diagnose(read(path))).toEqual([]);
    }
  });

  it('refuses a long text without page starts', () => {
    const text = lines('1――はじめに ', ...body(60), '終わる。 ');
    expect(only(diagnose(text), 'no_page_starts')).toEqual([
      {
        code: 'no_page_starts',
        fatal: true,
        message: 'no page starts found (lines beginning with a space) in 62 printed lines: the page layout was lost, so footnote areas cannot be told from body text',
      },
    ]);
    const error = parseError(text);
    expect(error.code).toBe('unreadable_report');
    expect(error.message).toBe(`The report text cannot be read: ${only(diagnose(text), 'no_page_starts')[0]?.message}.`);
  });

  it('refuses a long text with no chapter headings, no report header and no footnotes', () => {
    const text = lines(' 最初の頁', ...body(30), ' 次の頁', ...body(30, 31), '終わる。 ');
    expect(only(diagnose(text), 'no_chapters')).toEqual([
      { code: 'no_chapters', fatal: true, message: 'no chapter headings (lines like `1――title`), no report header (date, title, author) and no footnotes found in 63 printed lines' },
    ]);
    // Footnote areas read where they belong show the layout: then the text is one section.
    const withFootnote = lines(' 最初の頁', ...body(30), '主張がある1。 ', ' ', '1 出典。 ', ' 次の頁', ...body(30, 31), '終わる。 ');
    expect(parseReport(withFootnote).warnings?.map((w) => [w.code, w.fatal])).toEqual([['no_chapters', false]]);
  });

  it('reads a text without chapters as one section, with a warning, when it is short or has a header', () => {
    const warning = { code: 'no_chapters', fatal: false, message: 'no chapter headings (lines like `1――title`) found: the text is read as one section' };
    expect(parseReport('短い本文。 ').warnings).toEqual([warning]);
    const withHeader = lines(' 2025-06-10 ', '家計の資産形成 ', '経済研究部 研究員 山田 太郎 ', '最初の頁', ...body(30), ' 次の頁', ...body(30, 31), '終わる。 ');
    const r = parseReport(withHeader);
    expect(r.title).toBe('家計の資産形成');
    expect(r.blocks[0]?.text.startsWith('最初の頁本文の1行目')).toBe(true);
    expect(r.warnings).toEqual([warning]);
  });

  it('refuses markers in the body when no footnote was read', () => {
    const text = lines(' 1――はじめに ', '', '主張の一つ目1。二つ目2。三つ目3。四つ目4。', '五つ目5。六つ目6。七つ目7。 ');
    expect(diagnose(text)).toEqual([
      {
        code: 'markers_without_footnotes',
        fatal: true,
        message: '0 footnotes although markers 1–7 appear in the body: no footnote area (a space-only line, then a line `1 text`) was found',
      },
    ]);
    expect(parseError(text).message).toContain('0 footnotes although markers 1–7 appear in the body');
  });

  it('does not take figure numbers and ordinals for markers in a report without footnotes', () => {
    const text = lines(' 1――はじめに ', '推移は（図表 1）、（図表 2）、（図表 3）のとおり。理由は第1、第2、第3、と続く。 ');
    expect(parseReport(text).warnings).toBeUndefined();
  });

  it('warns about a single marker without footnotes', () => {
    const r = parseReport(' 1――概要 \n\n成長率は 5.0％だった1。 \n');
    expect(r.warnings?.map((w) => [w.code, w.fatal, w.message])).toEqual([
      ['markers_without_footnotes', false, '0 footnotes although a marker 1 appears in the body: no footnote area (a space-only line, then a line `1 text`) was found'],
    ]);
  });

  it('refuses markers beyond the last footnote read', () => {
    const text = lines(' 1――はじめに ', '主張1。主張2。主張3。主張4。主張5。主張6。 ', ' ', '1 脚注一。 ', '2 脚注二。 ', '3 脚注三。 ');
    expect(diagnose(text)).toEqual([
      { code: 'unread_markers', fatal: true, message: 'footnotes were read up to 3 but markers 4–6 appear in the body: their footnote areas were not found' },
    ]);
  });

  it('names missing footnote numbers', () => {
    const note = (n: number) => ({ n, text: `脚注${n}`, urls: [], page: 1 });
    const report: Report = { title: 't', pages: 1, sections: [{ title: '1――t', level: 1, page: 1 }], blocks: [], footnotes: [3, 5, 6, 9].map(note) };
    expect(only(diagnoseReport(report, ' 1――t '), 'missing_footnotes').map((p) => p.message)).toEqual([
      'footnotes 1–2 are missing before 3',
      'footnote 4 is missing between 3 and 5',
      'footnotes 7–8 are missing between 6 and 9',
    ]);
  });

  it('warns about footnotes no marker points to', () => {
    const r = parseReport(lines(' 1――はじめに ', '主張がある。 ', ' ', '1 出典の説明。 ', '2 別の説明。 '));
    expect(r.footnotes).toHaveLength(2);
    expect(r.warnings).toEqual([{ code: 'unreferenced_footnotes', fatal: false, message: 'no marker in the body for footnotes 1, 2' }]);
  });

  it('points at footnote-like lines after a rule that were not read', () => {
    const r = parseReport(lines(' 1――はじめに ', '本文。 ', ' ', '2 これは脚注ではない。 '));
    expect(only(r.warnings ?? [], 'unread_footnote_lines')).toEqual([
      { code: 'unread_footnote_lines', fatal: false, message: 'line 4 (`2 これは脚注ではない。`) looks like a footnote start but was not read as a footnote' },
    ]);
  });

  it('warns when no line keeps a trailing space', () => {
    const text = lines(' 1――はじめに', ...body(30), ' 次の頁', ...body(30, 31), '終わる。');
    expect(only(diagnose(text), 'no_paragraph_ends')).toEqual([
      { code: 'no_paragraph_ends', fatal: false, message: 'no line keeps a trailing space, so paragraph ends cannot be found: each section is read as one paragraph' },
    ]);
  });
});
