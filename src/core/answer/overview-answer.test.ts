import { beforeAll, describe, expect, it } from 'vitest';
import { chaptersText } from '../../../test/helpers/report-text';
import { textEngine } from '../../../test/helpers/text-engine';
import { markdownEngine } from '../../../test/helpers/markdown-engine';
import { collectAnswer, type QaEngine } from '../engine';
import { topicText } from './overview-answer';

/** A made-up report of five chapters; the third and fourth are both about opportunities and threats. */
const REPORT = chaptersText([
  { title: '港町の経済を読む', paragraphs: ['本稿は架空の港町の経済を扱う。港の貿易は近年急速に伸びている。'] },
  { title: '港の成長', paragraphs: ['港の取扱量は十年で倍増した。成長は今後も続くだろう。'] },
  { title: '観光にもたらす機会と脅威', sections: [{ title: '観光客の増加', paragraphs: ['観光客は毎年増えている。観光収入は町の経済を支える柱となるだろう。'] }, { title: '混雑の問題', paragraphs: ['一方で、混雑は住民の生活を圧迫している。対策が必要だ。'] }] },
  { title: '漁業にもたらす機会と脅威', paragraphs: ['漁業は港の拡張で漁場を失う恐れがある。漁獲の減少は避けられないかもしれない。'] },
  { title: '町にとっての課題', paragraphs: ['町は成長の果実をどう分けるかを問われている。港と観光と漁業の均衡を図ることが求められる。'] },
]);

/**
 * A made-up report whose middle chapters pair up (機会と脅威 of farming, of fishing): farming's
 * three sections each close on a judgement, fishing's one section states its point and closes on
 * an aside (もっとも、…), and a sentence in farming lists with 挙げられる, the verb a reader may ask with.
 */
const PAIRED = chaptersText([
  { title: '山村の経済を読む', paragraphs: ['本稿は架空の山村の経済を扱う。山村の人口は減り続けている。'] },
  { title: '山村の歩み', paragraphs: ['山村は林業で栄えた。林業の衰退は村の財政を細らせた。'] },
  { title: '農業にもたらす機会と脅威', sections: [{ title: '新しい作物', paragraphs: ['新しい作物の例としてワサビが挙げられる。ワサビの栽培は農家の収入を押し上げるだろう。'] }, { title: '農地の集約', paragraphs: ['農地の集約が進んでいる。集約は生産の効率を高めるだろう。'] }, { title: '担い手の不足', paragraphs: ['担い手は高齢化している。後継者の育成が求められる。'] }] },
  { title: '漁業にもたらす機会と脅威', paragraphs: ['渓流の漁業は観光客を呼び込んでいる。釣り客は村の新たな収入源となるだろう。もっとも、釣り客の増加は一時的かもしれない。'] },
  { title: '村にとっての課題', paragraphs: ['村は限られた財源をどこに振り向けるかを問われている。農業と漁業と林業の均衡を図ることが求められる。'] },
]);


let engine: QaEngine;
let paired: QaEngine;
beforeAll(async () => {
  [engine, paired] = await Promise.all([textEngine(REPORT), textEngine(PAIRED)]);
});
const ask = (question: string, on: QaEngine = engine) => collectAnswer(on.chat({ question, history: [] }));

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

  it('fills a point of one short chapter with its next sentence that reads on its own', async () => {
    const a = await ask('このレポートの要点を3つにまとめてください');
    const last = a.answer.split('\n\n')[2]!;
    expect(last).toContain('町は成長の果実をどう分けるかを問われている');
    expect(last).toContain('均衡を図ることが求められる');
  });

  it('gives two points when two are asked for, still covering every chapter', async () => {
    const a = await ask('要点を2つで');
    const points = a.answer.split('\n\n');
    expect(points).toHaveLength(2);
    for (const chapter of ['港の成長', '観光', '漁業', '町にとっての課題']) expect(a.answer).toContain(chapter);
  });

  it('speaks for every chapter of a point that joins several, however strongly the others state theirs', async () => {
    const a = await ask('このレポートの要点を3つにまとめてください', paired);
    const points = a.answer.split('\n\n');
    expect(points[1]).toMatch(/^2\. 農業にもたらす機会と脅威 \/ 漁業にもたらす機会と脅威：/);
    // Fishing's own point (its opening or its judgement), whichever states it more strongly.
    expect(points[1]).toMatch(/渓流の漁業は観光客を呼び込んでいる|釣り客は村の新たな収入源となるだろう/);
    expect(points[1]).toContain('ワサビの栽培は農家の収入を押し上げるだろう');
  });

  it('lets each numbered section of a joined point speak, not only the strongest few', async () => {
    const a = await ask('このレポートの要点を3つにまとめてください', paired);
    const point = a.answer.split('\n\n')[1]!;
    // Farming's three sections each state a point of their own; fishing states one.
    for (const key of ['ワサビの栽培は農家の収入を押し上げるだろう', '集約は生産の効率を高めるだろう', '後継者の育成が求められる']) expect(point).toContain(key);
    expect(point).toMatch(/渓流の漁業は観光客を呼び込んでいる|釣り客は村の新たな収入源となるだろう/);
  });

  it('reads the number of points with a word between ("the 3 main points", "three key takeaways")', async () => {
    for (const question of ['What are the 3 main points of the report?', 'Give me three key takeaways.', 'このレポートを3行でまとめて', 'Give me the report in three lines.']) {
      const a = await ask(question, paired);
      expect(a.status, question).toBe('answered');
      expect(a.answer, question).toMatch(/(?:^|\n)3\. /);
      expect(a.answer, question).not.toMatch(/(?:^|\n)4\. /);
    }
  });

  it('says the report in one sentence when asked so (一言で, in one sentence): its conclusion, on its subject', async () => {
    for (const question of ['一言でいうと、このレポートは何が言いたいの？', 'Sum up the whole note in one sentence.']) {
      const a = await ask(question, paired);
      expect(a.status, question).toBe('answered');
      expect(a.citations.length, question).toBe(1);
      expect(a.answer.match(/[。.](?:\[\d+\])?/g)?.length, question).toBe(1);
      expect(a.answer, question).toMatch(/財源|均衡/);
    }
  });

  it('reads 「このレポートは何が言いたいの？」 as asking for the report\'s points', async () => {
    const a = await ask('このレポートは何が言いたいの？', paired);
    expect(a.status).toBe('answered');
    expect(a.answer).toMatch(/(?:^|\n)2\. /);
  });

  it('keeps each point short when the summary is asked for briefly (ざっくり, briefly)', async () => {
    for (const question of ['このレポートを3点でざっくり教えて', 'Briefly, what are the 3 main points of the report?']) {
      const a = await ask(question, paired);
      const point = a.answer.split('\n\n')[1]!;
      expect(point.match(/\[\d+\]/g)?.length, question).toBeLessThanOrEqual(3);
      expect(a.answer.match(/\[\d+\]/g)?.length, question).toBeLessThan((await ask('このレポートの要点を3つにまとめてください', paired)).answer.match(/\[\d+\]/g)!.length);
    }
  });

  it("does not let a sentence whose topic points back (この計画は…) speak for its section when another reads on its own", async () => {
    const report = chaptersText([
      { title: '港町の経済を読む', paragraphs: ['本稿は架空の港町の経済を扱う。港の貿易は近年急速に伸びている。'] },
      { title: '港の計画', paragraphs: ['町は2015年に港湾計画を定め、岸壁の延長を決めた。', '工事は順調に進み、貨物船の寄港も増えた。こうした動きを踏まえると、この計画は、既に成果を上げつつある港湾政策の柱だといえるだろう。'] },
      { title: '町にとっての課題', paragraphs: ['町は成長の果実をどう分けるかを問われている。港と観光と漁業の均衡を図ることが求められる。'] },
    ]);
    const a = await collectAnswer((await textEngine(report)).chat({ question: 'このレポートの要点を3つにまとめてください', history: [] }));
    expect(a.answer).not.toMatch(/\d+\. 港の計画：[^\n]*この計画は/);
    expect(a.answer).toContain('港湾計画を定め');
  });

  it('does not let an aside (もっとも、…) speak for its section, though it closes it', async () => {
    const a = await ask('このレポートの要点を3つにまとめてください', paired);
    expect(a.answer).not.toContain('もっとも');
  });

  it('picks the same key sentences whatever verb asks for the points', async () => {
    const listed = await ask('このレポートの要点を3つ挙げて', paired);
    const summed = await ask('このレポートの要点を3つにまとめて', paired);
    expect(listed.answer).toBe(summed.answer);
    expect(listed.answer).not.toContain('ワサビが挙げられる');
  });

  it('sums up a chapter named by its number (第3章, chapter 3) from its own sections, under its title', async () => {
    for (const question of ['第3章を要約して', '3章の要点は？', '3章のポイントは？', 'Summarize chapter 3.', 'What does the third chapter say?', "What's in chapter 3?"]) {
      const a = await ask(question);
      expect(a.status, question).toBe('answered');
      expect(a.answer, question).toContain('観光にもたらす機会と脅威');
      expect(a.answer, question).toContain('観光収入は町の経済を支える柱となるだろう');
      expect(a.answer, question).toContain('対策が必要だ');
      expect(a.answer, question).not.toMatch(/漁業|取扱量|均衡/);
    }
  });

  it('finds a chapter by its place where the headings carry no number, and names none that the report lacks', async () => {
    const md = await markdownEngine('# 架空の島\n\n## 島の歴史\n\n島は江戸時代に開かれた。塩づくりが栄えた。\n\n## 島の産業\n\n島の産業は観光と漁業だ。漁獲は年々減っている。\n');
    const a = await ask('第2章を要約して', md);
    expect(a.answer).toContain('漁獲は年々減っている');
    expect(a.answer).not.toContain('江戸時代');
    for (const [question, listed] of [['第7章を要約して', 'このレポートの章は1〜5です'], ['Summarize chapter 7.', "The report's chapters are 1–5"]] as const) {
      const missing = await ask(question);
      expect(missing.status, question).toBe('not_in_report');
      expect(missing.answer, question).toContain(listed);
      expect(missing.answer, question).toContain('観光にもたらす機会と脅威');
    }
  });

  it("quotes, with room left in a chapter's summary, a sentence that reads on from one it quotes (こうした…)", async () => {
    const md = await markdownEngine('# 架空の島\n\n## 島の歴史\n\n島は江戸時代に開かれた。\n\n## 島の産業\n\n島の産業は観光と漁業だと言われてきた。こうした産業は島の暮らしを支えている。なぜ島は栄えたのだろうか。\n');
    const a = await ask('第2章を要約して', md);
    expect(a.answer).toContain('島の産業は観光と漁業だと言われてきた');
    expect(a.answer).toContain('こうした産業は島の暮らしを支えている');
    expect(a.answer).not.toContain('だろうか');
  });

  it("fills a chapter's summary from each of its sections in turn, not from the one with the most strong sentences", async () => {
    const md = await markdownEngine(
      '# 架空の港\n\n## 序\n\n本稿は架空の港を扱う。\n\n## 港の課題\n\n### 港にとっての課題\n\n港は岸壁の補強が必要だ。港は航路の浚渫が必要だ。港は倉庫の建て替えが必要だ。港は荷役の機械化が必要だ。\n\n### 町にとっての課題\n\n町は港と共存する必要がある。町は騒音の対策が求められる。町の人口は三千人だ。\n\n## 結び\n\n港と町の将来は明るい。\n',
    );
    const a = await ask('第2章を要約して', md);
    expect(a.answer).toContain('町は港と共存する必要がある');
    expect(a.answer).toContain('町は騒音の対策が求められる');
  });

  it('answers a fact asked of a chapter from that chapter, not with a summary of it', async () => {
    const a = await ask('第3章で、毎年増えていると書かれているのは何？');
    expect(a.answer).toContain('観光客は毎年増えている');
    expect(a.answer).not.toMatch(/対策が必要だ/);
    // Asked of chapter 2, what grew is read there (the port's cargo), not in chapter 3 (its tourists).
    const port = await ask('第2章で増えたものは？');
    expect(port.citations[0]!.quote).toContain('港の取扱量は十年で倍増した');
  });

  it('answers the conclusion with the last chapter and the closing paragraph', async () => {
    const a = await ask('このレポートの結論は？');
    expect(a.answer).toContain('均衡を図ることが求められる');
    expect(a.answer).not.toMatch(/^\d\. /);
  });
});

describe('topicText', () => {
  it('leaves the topic of an overview question, without the words about its asking', () => {
    expect(topicText('要するに、筆者は日本の会社に何をすべきだと言っているの？')).not.toMatch(/要するに|筆者/);
    expect(topicText('要するに、筆者は日本の会社に何をすべきだと言っているの？')).toMatch(/日本の会社/);
    expect(topicText("Big picture: how does this change the town's standing?").toLowerCase()).not.toMatch(/big|picture/);
    // An overview word inside a compound names the topic: 労使関係 stays.
    expect(topicText('労使関係の要点は？')).toMatch(/労使関係/);
  });
});
