import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from './parse';
import { parseError } from '../../../test/helpers/parse-error';

/** Variations an extraction of the same layout may show, applied to the two reports we have. */
const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const fixture = read('test/fixtures/india-semiconductor/report.txt');
const real = read('corpus/deepseek-shock-china-nli-2025.txt');
const fixtureReport = parseReport(fixture);
const lines = fixture.split('\n');
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
/** The raw line where footnote n starts (its number, then the first words of its text). */
const footnoteLine = (n: number) => lines.findIndex((l) => l.startsWith(`${n} ${fixtureReport.footnotes[n - 1]?.text.slice(0, 6)}`));
const withoutLine = (i: number) => lines.filter((_, j) => j !== i).join('\n');

describe('parseReport on variations of the layout', () => {
  it('reads CRLF line ends and a byte-order mark like plain LF', () => {
    expect(parseReport(`\uFEFF${fixture.replace(/\n/g, '\r\n')}`)).toEqual(fixtureReport);
    expect(parseReport(`\uFEFF${real}`)).toEqual(parseReport(real));
  });

  it('reads footnote numbers printed in full-width digits', () => {
    const starts = new Set(fixtureReport.footnotes.map((f) => footnoteLine(f.n)));
    expect(starts.has(-1)).toBe(false);
    const text = lines.map((l, i) => (starts.has(i) ? l.replace(/^\d+/, fullWidth) : l)).join('\n');
    expect(parseReport(text)).toEqual(fixtureReport);
  });

  it('reads full-width markers and chapter numbers when the footnote numbers are full-width', () => {
    const text = [' １――はじめに ', '', ' ', '', '本文の主張である１。続く文２、さらに続く。 ', '', ' ', '１ 一つ目の脚注。 ', '２ 二つ目の脚注。 '].join('\n');
    const r = parseReport(text);
    expect(r.title).toBe('はじめに');
    expect(r.footnotes.map((f) => [f.n, f.text])).toEqual([[1, '一つ目の脚注。'], [2, '二つ目の脚注。']]);
    expect(r.blocks[1]).toMatchObject({ text: '本文の主張である。続く文、さらに続く。', footnoteRefs: [1, 2] });
    expect(r.warnings).toBeUndefined();
  });

  it('reads rules printed as empty lines instead of space-only lines, double- or single-spaced', () => {
    const emptyRules = (t: string) => t.replace(/^[ \t]+$/gm, '');
    const singleSpaced = (t: string) => t.replace(/\n\n/g, '\n');
    const realReport = parseReport(real);
    for (const change of [emptyRules, singleSpaced, (t: string) => emptyRules(singleSpaced(t))]) {
      expect(parseReport(change(fixture))).toEqual(fixtureReport);
      expect(parseReport(change(real))).toEqual(realReport);
    }
  });

  it('takes an empty line as a rule only when the body above shows the marker', () => {
    const page = (marker: string) => ['1――はじめに ', '', `生成AIの普及は急速に進んでいる${marker}。企業の導入も広が`, '', '1 詳しくは調査を参照。 ', ' っている。 '].join('\n');
    const marked = parseReport(page('1'));
    expect(marked.footnotes.map((f) => f.text)).toEqual(['詳しくは調査を参照。']);
    expect(marked.blocks[1]?.text).toBe('生成AIの普及は急速に進んでいる。企業の導入も広がっている。');
    const unmarked = parseReport(page(''));
    expect(unmarked.footnotes).toEqual([]);
    expect(unmarked.blocks.map((b) => b.text)).toContain('1 詳しくは調査を参照。');
  });

  it('joins a footnote cut at a page bottom with its rest in the next page\'s footnote area', () => {
    const cut = lines.findIndex((l) => l.startsWith('y.example.com/news'));
    const moved = lines.filter((_, i) => i !== cut);
    moved.splice(moved.indexOf(lines[footnoteLine(4)] ?? ''), 0, lines[cut] ?? '');
    expect(parseReport(moved.join('\n'))).toEqual(fixtureReport);
  });

  it('joins the rest of a cut footnote when no other footnote follows on the page', () => {
    const text = [
      ' 1――はじめに ', '', ' ', '', '本文は脚注を付けて1、次の頁に', '', ' ', '1 長い脚注は頁の下で', '', '切れて', ' 続く。本文の続き。 ', '', ' ', '次の頁の脚注欄に残りが載る。 ', ' 三頁目の本文。 ',
    ].join('\n');
    const r = parseReport(text);
    expect(r.footnotes).toEqual([{ n: 1, text: '長い脚注は頁の下で切れて次の頁の脚注欄に残りが載る。', urls: [], page: 1 }]);
    expect(r.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text)).toEqual(['本文は脚注を付けて、次の頁に続く。本文の続き。', '三頁目の本文。']);
  });

  it('keeps the later footnotes when one footnote is lost, and says which is missing', () => {
    const r = parseReport(withoutLine(footnoteLine(4)));
    expect(r.footnotes.map((f) => f.n)).toEqual([1, 2, 3, 5, 6, 7, 8, 9, 10, 11]);
    expect(r.footnotes.slice(3)).toEqual(fixtureReport.footnotes.slice(4));
    expect(r.warnings?.map((w) => w.message)).toContain('footnote 4 is missing between 3 and 5');
  });

  it('recovers at the next page when a footnote area lost its rule, and points at the lines it could not read', () => {
    const r = parseReport(withoutLine(footnoteLine(4) - 1));
    expect(r.footnotes.map((f) => f.n)).toEqual([1, 2, 3, 7, 8, 9, 10, 11]);
    const messages = r.warnings?.map((w) => w.message) ?? [];
    expect(messages).toContain('footnotes 4–6 are missing between 3 and 7');
    expect(messages.find((m) => m.includes('not read as footnotes'))).toContain('`4 補助を受けるには');
  });

  it('ignores a copyright footer on every page and the closing notice', () => {
    const footer = 'ニッセイ基礎研究所 2025-06-10｜Copyright ©2025 NLI Research Institute All rights reserved';
    const withFooters = lines.flatMap((l, i) => (i > 0 && /^ \S/.test(l) ? [footer, l] : [l]));
    const notice = ['', '（ご注意）当資料のデータは信頼ある情報源から入手、加工したものですが、その正確性と完全性に関して当研究', '', '所は保証するものではありません。 '];
    expect(parseReport([...withFooters, footer, ...notice].join('\n'))).toEqual(fixtureReport);
  });

  it('refuses text whose lines were trimmed: page starts and rules are gone', () => {
    const error = parseError(fixture.split('\n').map((l) => l.trim()).join('\n'));
    expect(error.code).toBe('unreadable_report');
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/no page starts found \(lines beginning with a space\)/);
  });
});
