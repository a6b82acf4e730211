import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, collectAnswer, type QaEngine } from '../engine';
import { buildIndex } from '../ingest/build-index';
import { openCorpusData } from '../ingest/index-data';
import { createHashEmbedder } from '../search/hash-embedder';

/** A made-up report of five chapters; the third and fourth are both about opportunities and threats. */
const REPORT = [
  ' 1――港町の経済を読む ', '', ' ', '',
  '本稿は架空の港町の経済を扱う。港の貿易は近年急速に伸びている。 ', '',
  ' 2――港の成長 ', '', ' ', '',
  '港の取扱量は十年で倍増した。成長は今後も続くだろう。 ', '',
  ' 3――観光にもたらす機会と脅威 ', '', ' ', '',
  ' 1｜観光客の増加 ', '', ' ', '',
  '観光客は毎年増えている。観光収入は町の経済を支える柱となるだろう。 ', '',
  ' 2｜混雑の問題 ', '', ' ', '',
  '一方で、混雑は住民の生活を圧迫している。対策が必要だ。 ', '',
  ' 4――漁業にもたらす機会と脅威 ', '', ' ', '',
  '漁業は港の拡張で漁場を失う恐れがある。漁獲の減少は避けられないかもしれない。 ', '',
  ' 5――町にとっての課題 ', '', ' ', '',
  '町は成長の果実をどう分けるかを問われている。港と観光と漁業の均衡を図ることが求められる。 ', '',
].join('\n');

let engine: QaEngine;
beforeAll(async () => {
  const dictionary = { source: 'test', licence: 'test', attribution: 'test', entries: new Map<string, string[]>() };
  const index = await buildIndex({ text: REPORT, dictionary }, createHashEmbedder());
  engine = createEngine({ passages: index.passages, footnotes: index.report.footnotes, ...openCorpusData(index.data) });
});
const ask = (question: string) => collectAnswer(engine.chat({ question, history: [] }));

describe('an overview of the whole report', () => {
  it('covers its chapters in order, in the number of points asked for, each point titled and cited', async () => {
    const a = await ask('このレポートの要点を3つにまとめてください');
    expect(a.status).toBe('answered');
    const points = a.answer.split('\n\n');
    expect(points).toHaveLength(3);
    points.forEach((p, i) => {
      expect(p.startsWith(`${i + 1}. `)).toBe(true);
      expect(p).toMatch(/\[\d+\]$/);
    });
    // Chapters that speak of the same thing (機会と脅威) make one point; the opening chapter joins the next.
    expect(points[0]).toMatch(/^1\. 港町の経済を読む \/ 港の成長：/);
    expect(points[1]).toMatch(/^2\. 観光にもたらす機会と脅威 \/ 漁業にもたらす機会と脅威：/);
    expect(points[1]).toMatch(/観光.*漁/);
    expect(points[2]).toMatch(/^3\. 町にとっての課題：.*均衡を図ることが求められる/);
  });

  it('gives two points when two are asked for, still covering every chapter', async () => {
    const a = await ask('要点を2つで');
    const points = a.answer.split('\n\n');
    expect(points).toHaveLength(2);
    for (const chapter of ['港の成長', '観光', '漁業', '町にとっての課題']) expect(a.answer).toContain(chapter);
  });

  it('answers the conclusion with the last chapter and the closing paragraph', async () => {
    const a = await ask('このレポートの結論は？');
    expect(a.answer).toContain('均衡を図ることが求められる');
    expect(a.answer).not.toMatch(/^\d\. /);
  });
});
