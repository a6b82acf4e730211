import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { chunkReport } from './chunk';
import { parseMarkdownReport } from './parse-markdown';

const japanese = `# 地方銀行の再編

## 1――はじめに

地方銀行の統合は2024年に3件あった[^1]。人口減少で
貸出先が減っている[^2]。

### 1｜統合の狙い

統合の狙いは**経費の削減**と[システムの共通化](https://example.jp/system)である[^1]。

## 2――おわりに

> 再編はなお続くとみられる[^3]。

[^1]: 金融庁「地域銀行の現状」（2025年3月）https://www.fsa.go.jp/report.html
[^2]: 総務省 [人口推計](https://www.stat.go.jp/data/jinsui/)
[^3]: 筆者の見方。
`;

const english = `# Regional banks in Japan

Regional banks merged three times in 2024.[^fsa] Their loan books shrink as towns empty.

## Why they merge

- Lower costs from shared systems
- A larger base of deposits[^boj]

| Year | Mergers |
|------|---------|
| 2023 | 1 |
| 2024 | 3[^fsa] |

\`\`\`
not prose
\`\`\`

![a chart of mergers](chart.png)

[^boj]: Bank of Japan, "Financial System Report" <https://www.boj.or.jp/en/research/brp/fsr/index.htm>
[^fsa]: FSA, *Regional banks today*, https://www.fsa.go.jp/en/report.html.
[^spare]: A source the text never cites. https://example.org/spare
`;

const paragraphs = (text: string) => parseMarkdownReport(text).blocks.filter((b) => b.kind === 'paragraph');

describe('parseMarkdownReport, a Japanese report', () => {
  const report = parseMarkdownReport(japanese);

  it('takes its title from `# title` and its sections from ## and ###, on page 1', () => {
    expect(report.title).toBe('地方銀行の再編');
    expect(report.lang).toBe('ja');
    expect(report.pages).toBe(1);
    expect(report.sections).toEqual([
      { title: '1――はじめに', level: 1, page: 1 },
      { title: '1｜統合の狙い', level: 2, page: 1 },
      { title: '2――おわりに', level: 1, page: 1 },
    ]);
    expect(report.warnings).toBeUndefined();
  });

  it('joins Japanese lines without a space, removes references and keeps where they stood', () => {
    const first = report.blocks.find((b) => b.kind === 'paragraph')!;
    expect(first.text).toBe('地方銀行の統合は2024年に3件あった。人口減少で貸出先が減っている。');
    expect(first.section).toEqual(['1――はじめに']);
    expect(first.footnoteRefs).toEqual([1, 2]);
    expect(first.markers.map((m) => first.text.slice(0, m.at).slice(-3))).toEqual(['あった', 'ている']);
  });

  it('reduces emphasis and links to their words, and reads block quotes as paragraphs', () => {
    const [, aim, quote] = report.blocks.filter((b) => b.kind === 'paragraph');
    expect(aim).toMatchObject({ text: '統合の狙いは経費の削減とシステムの共通化である。', section: ['1――はじめに', '1｜統合の狙い'], footnoteRefs: [1] });
    expect(quote).toMatchObject({ text: '再編はなお続くとみられる。', section: ['2――おわりに'], footnoteRefs: [3] });
  });

  it('gives each footnote its text and URLs, a link in a definition keeping its address', () => {
    expect(report.footnotes).toEqual([
      { n: 1, text: '金融庁「地域銀行の現状」（2025年3月）https://www.fsa.go.jp/report.html', urls: ['https://www.fsa.go.jp/report.html'], page: 1 },
      { n: 2, text: '総務省 人口推計 https://www.stat.go.jp/data/jinsui/', urls: ['https://www.stat.go.jp/data/jinsui/'], page: 1 },
      { n: 3, text: '筆者の見方。', urls: [], page: 1 },
    ]);
  });

  it('chunks into passages whose markers link each claim to its footnote', () => {
    const passages = chunkReport(report);
    const claim = passages.find((p) => p.kind === 'body' && p.text.includes('3件あった'))!;
    expect(claim.footnotes).toEqual(expect.arrayContaining([1, 2]));
    expect(passages.filter((p) => p.kind === 'footnote').map((p) => p.footnotes)).toEqual([[1], [2], [3]]);
  });
});

describe('parseMarkdownReport, an English report', () => {
  const report = parseMarkdownReport(english);

  it('is English, and numbers word-labelled footnotes by first reference, then unreferenced ones', () => {
    expect(report.lang).toBe('en');
    expect(report.footnotes.map((f) => [f.n, f.text])).toEqual([
      [1, 'FSA, Regional banks today, https://www.fsa.go.jp/en/report.html.'],
      [2, 'Bank of Japan, "Financial System Report" https://www.boj.or.jp/en/research/brp/fsr/index.htm'],
      [3, 'A source the text never cites. https://example.org/spare'],
    ]);
    expect(report.footnotes.map((f) => f.urls)).toEqual([
      ['https://www.fsa.go.jp/en/report.html'],
      ['https://www.boj.or.jp/en/research/brp/fsr/index.htm'],
      ['https://example.org/spare'],
    ]);
    expect(report.warnings).toEqual([expect.objectContaining({ code: 'unreferenced_footnotes', fatal: false, message: expect.stringContaining('[^spare]') })]);
  });

  it('joins Latin lines with a space and drops the reference without leaving a gap', () => {
    const [lead] = paragraphs(english);
    expect(lead!.text).toBe('Regional banks merged three times in 2024. Their loan books shrink as towns empty.');
    expect(lead!.markers).toEqual([{ n: 1, at: 'Regional banks merged three times in 2024.'.length }]);
    expect(lead!.section).toEqual([]);
  });

  it('makes one paragraph per list item and a figure of a table, and leaves out code and images', () => {
    const kinds = report.blocks.map((b) => [b.kind, b.text]);
    expect(kinds).toEqual([
      ['paragraph', expect.stringMatching(/^Regional banks/)],
      ['heading', 'Why they merge'],
      ['paragraph', 'Lower costs from shared systems'],
      ['paragraph', 'A larger base of deposits'],
      ['figure', 'Year | Mergers\n2023 | 1\n2024 | 3'],
    ]);
    expect(report.blocks[3]!.footnoteRefs).toEqual([2]);
    expect(report.blocks[4]!.footnoteRefs).toEqual([1]);
  });

  it('folds headings deeper than ### into subsections', () => {
    const deep = parseMarkdownReport('# T\n\n## A\n\n#### A.1\n\nText.\n\n##### A.1.1\n\nMore text.\n');
    expect(deep.sections.map((s) => [s.title, s.level])).toEqual([['A', 1], ['A.1', 2], ['A.1.1', 2]]);
    expect(deep.blocks.at(-1)!.section).toEqual(['A', 'A.1.1']);
  });
});

describe('parseMarkdownReport, bad input', () => {
  const codeOf = (text: string) => {
    try {
      parseMarkdownReport(text);
    } catch (err) {
      return err instanceof AppError ? [err.code, err.message] : ['thrown', String(err)];
    }
    return ['parsed', ''];
  };

  it('refuses blank text, a report without a # title and one with nothing under its title', () => {
    expect(codeOf(' \n\n ')[0]).toBe('empty_input');
    expect(codeOf('## Only a section\n\nSome text.\n')).toEqual(['unreadable_report', expect.stringContaining('`# title`')]);
    expect(codeOf('# Title only\n\n## Heading\n')).toEqual(['unreadable_report', expect.stringContaining('no paragraphs')]);
  });

  it('warns of a reference with no definition and removes it from the text', () => {
    const report = parseMarkdownReport('# T\n\nExports grew [^missing] last year.[^1]\n\n[^1]: A source.\n');
    expect(report.blocks[0]).toMatchObject({ text: 'Exports grew last year.', markers: [{ n: 1, at: 23 }] });
    expect(report.warnings).toEqual([expect.objectContaining({ code: 'undefined_footnotes', message: expect.stringContaining('[^missing]') })]);
  });
});
