import { beforeAll, describe, expect, it } from 'vitest';
import { chaptersText } from '../../../test/helpers/report-text';
import { textEngine } from '../../../test/helpers/text-engine';
import { collectAnswer, type QaEngine } from '../engine';
import { asksOfAFigure, figureNumbersIn } from './figures';

/** A made-up report with two figures: one titled, one drawn with its label alone. */
const REPORT = chaptersText([
  {
    title: '港の貨物',
    paragraphs: [
      '港の貨物量は2015年から増え続け、昨年は東湾港が県内で1位となった（図表 1）。貨物の多くは木材である。',
      '（図表 1）\n\n港別の貨物取扱量の推移\n\n（資料）県港湾局より作成',
      '漁船の数は2000年代に半減し、その後は横ばいが続いている（図表 2）。漁協は新しい市場を建てた。',
      '（図表 2）',
      '観光客は毎年増えている。観光収入は町の経済を支える柱となるだろう。',
      '西湾港は漁獲量で県内1位の港であり、港の水揚げは町の誇りだ。',
      '西湾港の貨物量は県内1位の漁港に次ぐ水準で、昨年から貨物量が増えた。',
    ],
  },
]);

let engine: QaEngine;
beforeAll(async () => {
  engine = await textEngine(REPORT);
});
const ask = (question: string) => collectAnswer(engine.chat({ question, history: [] }));

describe('asksOfAFigure', () => {
  it('reads a chart or graph named without its number', () => {
    for (const q of ['ASPIのグラフって何を比べてる？', 'What does the chart on prices show?']) expect(asksOfAFigure(q), q).toBe(true);
    for (const q of ['港の貨物はどう増えた？', 'What is the source for the 56.3% usage figure?', 'How fast did the app climb the download charts?']) expect(asksOfAFigure(q), q).toBe(false);
  });
});

describe('figureNumbersIn', () => {
  it('reads figures named by number in either language, and not other numbers', () => {
    expect(figureNumbersIn('図表2は何を示している？')).toEqual([2]);
    expect(figureNumbersIn('What does Figure 1 show, and table 3?')).toEqual([1, 3]);
    expect(figureNumbersIn('図 4 の内容は？')).toEqual([4]);
    for (const q of ['代表1社はどこ？', '2020年の図書館の数は？', 'How many tables were sold in 2020?']) expect(figureNumbersIn(q), q).toEqual([]);
  });
});

describe('a question on a figure by its number', () => {
  it('is answered with its title, then the sentences that refer to it', async () => {
    const a = await ask('図表1は何を示している？');
    expect(a.status).toBe('answered');
    expect(a.citations[0]!.quote).toContain('港別の貨物取扱量の推移');
    expect(a.answer).toContain('東湾港が県内で1位');
  });

  it('says which figure the sentences are about when the figure has no written title, and never quotes the bare label', async () => {
    const a = await ask('What does figure 2 show?');
    expect(a.status).toBe('answered');
    expect(a.answer).toMatch(/^Where the report refers to Figure 2:/);
    expect(a.answer).toContain('漁船の数は2000年代に半減');
    expect(a.citations.every((c) => c.quote.replace(/[\s（）()図表0-9]/g, '') !== '')).toBe(true);
  });

  it('declines a figure the report does not have, naming the ones it has', async () => {
    const a = await ask('図表5のグラフは何？');
    expect(a.status).toBe('not_in_report');
    expect(a.answer).toContain('図表は1、2です');
  });

  it('reads a value asked of a figure from what the report says of that figure', async () => {
    const a = await ask('図表1で県内1位の港はどこ？');
    expect(a.status).toBe('answered');
    expect(a.answer).toContain('東湾港');
  });

  it('reads a chart asked about without its number (…のグラフ) from the figures and the sentences that refer to them', async () => {
    const a = await ask('貨物量のグラフは何を示している？');
    expect(a.status).toBe('answered');
    expect(a.citations.every((c) => /港別の貨物取扱量の推移|（図表 1）/.test(c.quote))).toBe(true);
    expect(a.answer).not.toContain('西湾港');
  });

  it('never answers an ordinary question with a caption that is only its label', async () => {
    const a = await ask('図表にはどんなグラフがある？');
    expect(a.citations.map((c) => c.quote.trim())).not.toContain('（図表 2）');
  });
});
