import { describe, expect, it } from 'vitest';
import { scanLines, type ScanEvent } from './parse-lines';

const kinds = (events: ScanEvent[]) => events.map((e) => (e.kind === 'line' ? `line:${e.line.text}` : e.kind === 'heading' ? `h${e.level}:${e.title}` : e.kind));

describe('scanLines', () => {
  it('counts a page at each line with a leading space', () => {
    const scan = scanLines(' 一頁目の本文。 \n\n 二頁目の本文。 \n\n 三頁目の本文。 \n');
    expect(scan.pages).toBe(3);
    expect(scan.events.flatMap((e) => (e.kind === 'line' ? [e.line.page] : []))).toEqual([1, 2, 3]);
  });

  it('opens a footnote area only after a space-only rule and with the next footnote number', () => {
    const text = ['本文が続き', '', '3 段階で進む。 ', '', ' ', '1 最初の脚注。 ', '2 二つ目の脚注は', '', '二行にわたる。 ', ' 次の頁の本文。 ', ''].join('\n');
    const scan = scanLines(text);
    expect(scan.footnotes.map((f) => [f.n, f.page, f.lines.map((l) => l.text)])).toEqual([
      [1, 1, ['最初の脚注。']],
      [2, 1, ['二つ目の脚注は', '二行にわたる。']],
    ]);
    expect(kinds(scan.events)).toEqual(['line:本文が続き', 'line:3 段階で進む。', 'line:次の頁の本文。']);
  });

  it('does not take a number that is not the next footnote as a footnote start', () => {
    const scan = scanLines(['本文。 ', ' ', '2 これは脚注ではない。 '].join('\n'));
    expect(scan.footnotes).toEqual([]);
  });

  it('reads headings, paragraph ends and breaks', () => {
    const scan = scanLines([' 1――第一章 ', '', ' ', '', '1｜節の題 ', '', '一文目の途中', '', 'で終わる。 ', '', '次の段落'].join('\n'));
    expect(kinds(scan.events)).toEqual(['h1:1――第一章', 'break', 'h2:1｜節の題', 'line:一文目の途中', 'line:で終わる。', 'line:次の段落']);
    const ends = scan.events.flatMap((e) => (e.kind === 'line' ? [e.endsParagraph] : []));
    expect(ends).toEqual([false, true, false]);
  });

  it('takes a figure label with its title and credit, or the label alone', () => {
    const withCredit = scanLines(['本文。 ', '（図表 1） ', '', ' ', '', '図の題名', '', '（資料）某所作成', ' 次頁の本文。 '].join('\n'));
    const fig = withCredit.events.find((e) => e.kind === 'figure');
    expect(fig?.kind === 'figure' && fig.lines.map((l) => l.text)).toEqual(['（図表 1）', '図の題名', '（資料）某所作成']);
    expect(kinds(withCredit.events)).toEqual(['line:本文。', 'figure', 'line:次頁の本文。']);

    const bare = scanLines(['本文の途中', '（図表 2） ', ' 次頁に続く。 '].join('\n'));
    expect(kinds(bare.events)).toEqual(['line:本文の途中', 'figure', 'line:次頁に続く。']);
  });

  it('joins a heading that ran over its line (the first line lost its trailing space)', () => {
    const scan = scanLines(['3――誘致策の効果と課題：輸出には追い風だが、', '', '人材不足が制約に ', '', ' ', '', '本文。 '].join('\n'));
    expect(kinds(scan.events)).toEqual(['h1:3――誘致策の効果と課題：輸出には追い風だが、人材不足が制約に', 'break', 'line:本文。']);
    // A heading that kept its trailing space is whole, even when a short line follows.
    expect(kinds(scanLines(['1――はじめに ', '', '短い一行 ', '', '本文。 '].join('\n')).events)).toEqual(['h1:1――はじめに', 'line:短い一行', 'line:本文。']);
  });

  it('ends a footnote area at a heading', () => {
    const scan = scanLines(['本文1。 ', ' ', '1 脚注。 ', '2――次の章 ', '次章の本文。 '].join('\n'));
    expect(scan.footnotes.map((f) => f.lines.map((l) => l.text))).toEqual([['脚注。']]);
    expect(kinds(scan.events)).toEqual(['line:本文1。', 'h1:2――次の章', 'line:次章の本文。']);
  });

  it('takes a footnote past the expected number after a rule only when the body shows its marker', () => {
    const text = (body: string) => [body, ' ', '3 三つ目の脚注。 '].join('\n');
    expect(scanLines(text('本文。 ')).footnotes).toEqual([]);
    expect(scanLines(text('本文にある印3。 ')).footnotes.map((f) => f.n)).toEqual([3]);
  });

  it('starts after skipped lines, on the page they opened', () => {
    const scan = scanLines([' 2025-06-10 ', '題名 ', '1――はじめに ', '本文。 ', ' 次の頁。 '].join('\n'), { start: 2, startPage: 1 });
    expect(kinds(scan.events)).toEqual(['h1:1――はじめに', 'line:本文。', 'line:次の頁。']);
    expect(scan.pages).toBe(2);
  });

  it('keeps chart labels between a figure title and its credit in the caption', () => {
    const scan = scanLines(['本文。 ', '（図表 3） ', '', '電子機器の輸出額', '', '（兆ルピー）', '', '3.0', '', '2019 2024', '', '（資料）某省資料より作成', '', '（注）年度ベース', ' 次頁の本文。 '].join('\n'));
    const fig = scan.events.find((e) => e.kind === 'figure');
    expect(fig?.kind === 'figure' && fig.lines.map((l) => l.text)).toEqual(['（図表 3）', '電子機器の輸出額', '（兆ルピー）', '3.0', '2019 2024', '（資料）某省資料より作成', '（注）年度ベース']);
    expect(kinds(scan.events)).toEqual(['line:本文。', 'figure', 'line:次頁の本文。']);
    // A label with body text after it and no credit stands alone.
    const bare = scanLines(['（図表 4） ', '', '本文が続き、', '', '段落が終わる。 ', '', '（資料）別の図の出所'].join('\n'));
    expect(bare.events[0]?.kind === 'figure' && bare.events[0].lines).toHaveLength(1);
  });

  it('makes a minor heading `（1）title` a paragraph of its own', () => {
    const scan = scanLines(['前の段落。 ', '', '（1）家計の資産構成 ', '', '家計の金融資産は増えた。 ', '', '本文の途中で', '', '（2）のように続く行 '].join('\n'));
    const ends = scan.events.flatMap((e) => (e.kind === 'line' ? [[e.line.text, e.endsParagraph]] : []));
    expect(ends).toEqual([['前の段落。', true], ['（1）家計の資産構成', true], ['家計の金融資産は増えた。', true], ['本文の途中で', false], ['（2）のように続く行', false]]);
  });

  it('drops page furniture: the copyright footer and the closing notice', () => {
    const text = ['本文は頁を', '', 'ニッセイ基礎研究所 2025-06-10｜Copyright ©2025 NLI Research Institute All rights reserved', ' 越えて続く。 ', '', '（ご注意）当資料のデータは信頼ある情報源から入手、加工したものですが、', '', 'その正確性と完全性に関して当研究所は保証するものではありません。 '].join('\n');
    expect(kinds(scanLines(text).events)).toEqual(['line:本文は頁を', 'line:越えて続く。']);
  });

  it('continues a footnote after the next page\'s rule when the next footnote follows those lines', () => {
    const scan = scanLines([' 本文1、続く', '', ' ', '1 脚注の前半は Latin ', ' 次頁の本文2。 ', '', ' ', 'words run on. ', '2 二つ目。 '].join('\n'));
    expect(scan.footnotes.map((f) => [f.n, f.page, f.lines.map((l) => l.text)])).toEqual([
      [1, 1, ['脚注の前半は Latin', 'words run on.']],
      [2, 2, ['二つ目。']],
    ]);
    expect(kinds(scan.events)).toEqual(['line:本文1、続く', 'break', 'line:次頁の本文2。', 'break']);
  });
});
