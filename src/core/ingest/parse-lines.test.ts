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
});
