import { beforeAll, describe, expect, it } from 'vitest';
import { chaptersText } from '../../../test/helpers/report-text';
import { markdownEngine } from '../../../test/helpers/markdown-engine';
import { textEngine } from '../../../test/helpers/text-engine';
import { collectAnswer, type QaEngine } from '../engine';

/**
 * A made-up report on an island: its chances and risks spread over three sections of one
 * chapter, a risk the island poses to the mainland in another chapter, how islanders get along
 * (島民関係), and the island's tasks.
 */
const ISLAND = chaptersText([
  { title: '離島の経済を読む', paragraphs: ['本稿は架空の離島の経済を扱う。離島の人口は三千人ほどだ。'] },
  { title: '離島にもたらす機会と脅威', sections: [{ title: '観光の追い風', paragraphs: ['離島の観光は新しい航路で伸びている。観光収入は離島の暮らしを支えるだろう。'] }, { title: '水不足の恐れ', paragraphs: ['離島の観光客の増加は水不足を招く恐れがある。貯水池の拡張には時間がかかる。'] }, { title: '物価上昇の懸念', paragraphs: ['離島の物価は本土より高い。物価の上昇は離島の住民の生活を圧迫するかもしれない。'] }] },
  { title: '本土にもたらす影響', sections: [{ title: '本土の旅館へのリスク', paragraphs: ['離島の宿が増えると、本土の旅館は客を失うリスクがある。本土の旅館は対策を迫られている。'] }] },
  { title: '島民関係の変化', paragraphs: ['移住者の増加で島民関係は変わりつつある。祭りの担い手は減っている。'] },
  { title: '離島にとっての課題', paragraphs: ['離島は観光と暮らしの均衡を図る必要がある。水と物価の対策が求められる。'] },
]);

/** Two made-up towns, each with a chapter on its own challenges. */
const TOWNS = chaptersText([
  { title: '二つの町', paragraphs: ['本稿は架空の港町と山町を扱う。二つの町は橋で結ばれている。'] },
  { title: '港町の課題', paragraphs: ['港町は防波堤の補強を求められている。漁港の再編も必要だ。'] },
  { title: '山町の課題', paragraphs: ['山町は林道の整備を求められている。'] },
  { title: '港町の観光', paragraphs: ['港町の観光客は増えている。港町の宿は満室が続く。'] },
]);

/**
 * A made-up report whose last chapter names the challenges of two subjects: its sections' headings
 * say whose (港町にとっての課題 / 漁協にとっての課題), the second's subtitle naming the first.
 */
const HARBOUR = chaptersText([
  { title: '港町の経済を読む', paragraphs: ['本稿は架空の港町の経済を扱う。港町の人口は八千人ほどだ。'] },
  { title: '港町の観光', paragraphs: ['港町の観光客は増えている。港町の宿は満室が続く。'] },
  { title: '港町にとっての課題と漁協にとっての課題', sections: [
    { title: '港町にとっての課題 ： 守りと攻めの両立', paragraphs: ['港町は防波堤の補強を求められている。漁港の再編も必要だ。', '港町の財政には余裕がない。観光税の導入が焦点となる。'] },
    { title: '漁協にとっての課題 ： 港町と無関係ではいられず', paragraphs: ['漁協は港町への補助金を見直す必要がある。加工場の整備も求められる。'] },
  ] },
]);

/** A made-up report on a lake town whose cooperative (漁協) one section holds whole, opening on a question it asks itself. */
const LAKE = chaptersText([
  { title: '湖の町を読む', paragraphs: ['本稿は架空の湖の町を扱う。町の人口は五千人ほどだ。'] },
  { title: '湖の観光', paragraphs: ['湖の観光客は夏に多い。遊覧船は町の名物となるだろう。'] },
  { title: '湖の漁協', paragraphs: ['湖の漁協はどう変わるべきだろうか。漁協の組合員は減り続けている。漁協は新しい養殖場を作った。養殖のアユは高く売れるだろう。漁協には若い担い手が必要だ。'] },
]);

let engine: QaEngine;
let towns: QaEngine;
let harbour: QaEngine;
beforeAll(async () => {
  [engine, towns, harbour] = await Promise.all([textEngine(ISLAND), textEngine(TOWNS), textEngine(HARBOUR)]);
});
const ask = (question: string, on: QaEngine = engine) => collectAnswer(on.chat({ question, history: [] }));

describe('an overview of a topic', () => {
  it('gathers the risks from every section that speaks of them, in the report\'s order, each point under its heading and cited', async () => {
    const a = await ask('離島にとってのリスクは何？');
    expect(a.status).toBe('answered');
    const water = a.answer.indexOf('水不足を招く恐れ');
    const prices = a.answer.indexOf('生活を圧迫するかもしれない');
    expect(water).toBeGreaterThan(-1);
    expect(prices).toBeGreaterThan(water);
    expect(a.answer).toMatch(/\d\. 水不足の恐れ：/);
    expect(a.answer).toMatch(/\d\. 物価上昇の懸念：/);
    for (const point of a.answer.split('\n\n')) expect(point).toMatch(/\[\d+\]$/);
  });

  it('finds an aspect in any of its words: risks asked as 懸念 are also stated as 恐れ', async () => {
    const a = await ask('離島の懸念は何？');
    expect(a.answer).toContain('水不足を招く恐れがある');
  });

  it('gathers one town\'s challenges, not a section on the challenges of another', async () => {
    const a = await ask('港町の課題は何？', towns);
    expect(a.answer).toContain('防波堤の補強を求められている');
    expect(a.answer).not.toContain('林道');
  });

  it('answers one subject\'s challenges from the section headed with them, not from a sibling headed with another subject\'s', async () => {
    const a = await ask('港町にとっての課題は何？', harbour);
    expect(a.status).toBe('answered');
    expect(a.answer).toContain('防波堤の補強を求められている');
    expect(a.answer).toContain('観光税の導入が焦点となる');
    expect(a.answer).not.toContain('補助金');
    const coop = await ask('漁協にとっての課題は？', harbour);
    expect(coop.answer).toContain('補助金を見直す必要がある');
    expect(coop.answer).not.toContain('防波堤');
  });

  it('reads an overview word inside a compound (人間関係) as part of the topic, though the report names it otherwise', async () => {
    const a = await ask('観光は人間関係にどう影響する？');
    expect(a.answer).toContain('島民関係は変わりつつある');
  });

  it('answers "the bottom line" with the report\'s conclusion, not a summary in points', async () => {
    const a = await ask("What's the bottom line?");
    expect(a.answer).toContain('水と物価の対策が求められる');
    expect(a.answer).not.toMatch(/(^|\s)1\. /);
  });

  it('answers the conclusion on one topic from that topic, and the bottom line of the report\'s subject from its conclusion', async () => {
    const water = await ask('水不足についての結論は？');
    expect(water.answer).toContain('水不足を招く恐れ');
    const island = await ask('離島についての結論は？');
    expect(island.answer).toContain('水と物価の対策が求められる');
  });

  it('answers an aspect no sentence of the topic\'s sections speaks of from the sentences that name the topic, without failing', async () => {
    const a = await ask('島民関係のチャンスは？');
    // The report discusses the topic; whether the sentences naming it state its chances is the reader's decision.
    expect(['answered', 'not_stated']).toContain(a.status);
    expect(a.answer).toContain('島民関係は変わりつつある');
  });

  it('quotes only the sentences that name a topic its section speaks of in passing, not the section\'s other points', async () => {
    const a = await ask('レポートは貯水池について何と言っていますか？');
    expect(a.answer).toContain('貯水池の拡張には時間がかかる');
    expect(a.answer).not.toContain('水不足を招く恐れ');
  });

  it('answers a topic one section holds whole with that section\'s points, not a sample of three, and without its own question', async () => {
    const lake = await textEngine(LAKE);
    const a = await collectAnswer(lake.chat({ question: 'このレポートは漁協について何と言っていますか？', history: [] }));
    for (const point of ['組合員は減り続けている', '新しい養殖場を作った', '高く売れるだろう', '若い担い手が必要だ']) expect(a.answer).toContain(point);
    expect(a.answer).not.toContain('どう変わるべきだろうか');
  });

  it('numbers the points asked for when they come from one section', async () => {
    const a = await ask('離島にとっての課題を2点にまとめて');
    expect(a.answer).toMatch(/^1\. 離島は観光と暮らしの均衡を図る必要がある。\[1\]\n\n2\. 水と物価の対策が求められる。/);
  });

  it('puts the risks the island runs before a risk it poses to another, when only some are asked for', async () => {
    const a = await ask('離島にとってのリスクを2つ挙げて');
    expect(a.answer).toContain('水不足を招く恐れ');
    expect(a.answer).toContain('生活を圧迫する');
    expect(a.answer).not.toContain('本土の旅館は客を失う');
  });

  it('leads a search with the passage of its most relevant point, not the first in the report', async () => {
    const hits = await engine.search('離島にとってのリスクは何？', 3);
    expect(hits[0]!.passage.text).toMatch(/水不足|物価/);
  });
});

describe('an aspect of the subject the title names', () => {
  /** A made-up report titled on an island: its risks stand under headings that name the risk, not always the island. */
  const island = `# 離島にとってのAIの意味

## 経済への影響

### 漁業に生じる恐れ

離島の漁業はAIで予測が進む。一方で、漁師の仕事が減る恐れがある。

### 観光への懸念

離島の観光案内はAIで便利になる。ただし、観光の収入が大企業に流れる懸念もある。

## 離島と本土のリスク

### 離島の物流のリスク

離島の物流はまだ遅い。物流の遅れは離島の産業のリスクとなるだろう。
`;

  it('is gathered from every section that speaks of the aspect, not only those whose heading names the subject', async () => {
    const a = await ask('離島にとっての主なリスクは？', await markdownEngine(island));
    for (const risk of ['仕事が減る恐れ', '大企業に流れる懸念', '産業のリスク']) expect(a.answer).toContain(risk);
  });
});

describe('an aspect named in a section heading under its chapter', () => {
  /**
   * A made-up report whose chapter on a town's chances and threats has a section on a risk whose
   * heading does not name the town, beside many sections that name the town and speak of risks
   * only in their text.
   */
  const life = ['財政', '人口', '交通', '学校', '病院'].map((t) => ({ title: `港町の${t}`, paragraphs: [`港町の${t}には課題が多い。${t}の悪化は港町の暮らしを損なう恐れがある。`] }));
  const BAY = chaptersText([
    { title: '湾岸の二つの町を読む', paragraphs: ['本稿は架空の湾岸地域の港町と山町を扱う。'] },
    { title: '港町にもたらす機会と脅威', sections: [{ title: '観光の追い風に', paragraphs: ['港町の観光客は新しい航路で増えている。観光収入は港町を支えるだろう。'] }, { title: '漁業の衰退など負の影響も', paragraphs: ['港町の漁獲量は減り続けている。漁業の衰退は港町の雇用を奪う恐れがある。'] }] },
    { title: '港町の暮らし', sections: life },
    { title: '港町と山町にとっての課題', sections: [{ title: '港町にとっての課題 ： 脅威を最小化できるか', paragraphs: ['港町は防波堤の補強を求められている。港町にとっての脅威は高潮である。'] }, { title: '山町にとっての課題', paragraphs: ['山町は林道の整備を求められている。山町の林道は大雨で崩れる恐れがある。'] }] },
  ]);

  it('counts for the topic its chapter heading names', async () => {
    const a = await ask('港町にとってのリスクは？', await textEngine(BAY));
    expect(a.status).toBe('answered');
    expect(a.answer).toContain('漁業の衰退は港町の雇用を奪う恐れ');
  });

  it("does not, where the chapter's section headings are parallel and each names its own subject", async () => {
    const a = await ask('山町にとってのリスクは？', await textEngine(BAY));
    expect(a.answer).toContain('林道は大雨で崩れる恐れ');
    expect(a.answer).not.toContain('防波堤');
  });
});
