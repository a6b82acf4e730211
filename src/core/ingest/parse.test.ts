import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { parseReport } from './parse';

const reportText = readFileSync(new URL('../../../corpus/deepseek-shock-china-nli-2025.txt', import.meta.url), 'utf8');
const report = parseReport(reportText);
const paragraphs = report.blocks.filter((b) => b.kind === 'paragraph');
const bodyText = paragraphs.map((b) => b.text).join('\n');
const footnote = (n: number) => {
  const f = report.footnotes.find((x) => x.n === n);
  if (!f) throw new Error(`footnote ${n} missing`);
  return f;
};

describe('parseReport on the DeepSeek report', () => {
  it('stitches a sentence interrupted by a page break and a footnote block', () => {
    const block = paragraphs.find((b) => b.text.includes('含まれていたのではないか等の疑念や'));
    expect(block).toBeDefined();
    expect(block?.footnoteRefs).toEqual(expect.arrayContaining([2, 3]));
    // The same across the other page breaks: 「自立自」+「強」, 「その後は」+「値が」, 「具」+「体的な」.
    expect(bodyText).toContain('中国が進める「自立自強」の進展にも貢献し得る。');
    expect(bodyText).toContain('その後は値が下げ止まり');
    expect(bodyText).toContain('AI政策のスタンス、具体的な法制度の整備');
  });

  it('keeps spaces between Latin words and adds none inside Japanese', () => {
    expect(bodyText).toContain('Chat GPTを提供しているOpen AIをはじめ');
    expect(bodyText).toContain('米国などのApp Storeのダウンロードランキング');
    expect(bodyText).toContain('Australian Strategic Policy Institute（オーストラリア戦略政策研究所');
    expect(footnote(2).text).toContain('「DeepSeekがデータ不正利用か Open AIとMicrosoft調査」');
    expect(footnote(16).text).toContain("India's Finance Ministry Asks Employees");
    // Every space between two Japanese characters was printed inside a line, never added at a join.
    const japaneseSpaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}] [\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
    for (const m of bodyText.matchAll(japaneseSpaced)) expect(reportText).toContain(m[0]);
  });

  it('counts seven pages and gives every block and footnote a page in range', () => {
    expect(report.pages).toBe(7);
    for (const b of report.blocks) expect(b.page).toBeGreaterThanOrEqual(1);
    for (const b of report.blocks) expect(b.page).toBeLessThanOrEqual(7);
    expect(new Set(report.blocks.map((b) => b.page))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
    expect(report.footnotes.map((f) => f.page)).toEqual([1, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7]);
    expect(paragraphs.find((b) => b.text.startsWith('政策的には、中国政府が'))?.page).toBe(3);
  });

  it('finds the five chapters and their sub-sections, with section paths on blocks', () => {
    const chapters = report.sections.filter((s) => s.level === 1).map((s) => s.title);
    expect(chapters).toHaveLength(5);
    expect(chapters[0]).toBe('1――世界に衝撃をもたらした中国発生成 AI「DeepSeek-R1」');
    expect(chapters[4]).toBe('5――中国にとっての課題と日本にとっての課題');
    expect(report.sections.filter((s) => s.level === 2)).toHaveLength(7);
    const gini = paragraphs.find((b) => b.text.includes('ジニ係数'));
    expect(gini?.section).toEqual(['3――中国経済にもたらす機会と脅威', '3｜雇用代替と所得格差拡大など負の影響が生じる恐れも']);
    const intro = paragraphs.find((b) => b.text.startsWith('生成AI発展の加速が経済に'));
    expect(intro?.section).toEqual(['3――中国経済にもたらす機会と脅威']);
    for (const s of report.sections) expect(s.title).toBe(s.title.trim());
  });

  it('uses the first chapter heading as the title', () => {
    expect(report.title).toBe('世界に衝撃をもたらした中国発生成 AI「DeepSeek-R1」');
  });

  it('reads all 21 footnotes whole, without number prefixes', () => {
    expect(report.footnotes.map((f) => f.n)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(footnote(1).text.startsWith('性能については、')).toBe(true);
    expect(footnote(1).text.endsWith('（http://api-docs.deepseek.com/news/news/250120）。')).toBe(true);
    expect(footnote(6).text).toContain('（Baidu、Alibaba、Tencent）');
    expect(footnote(18).text).toBe('江藤（2023）');
    expect(footnote(19).text).toBe('川島（2025）');
    expect(footnote(21).text).toBe('川島（2025）');
  });

  it('rejoins URLs broken across lines and strips trailing punctuation', () => {
    expect(footnote(2).urls).toEqual(['https://36kr.jp/328412/', 'https://www.nikkei.com/article/DGXZQOGN293P40Z20C25A1000000/']);
    expect(footnote(3).urls).toEqual(['https://www.itmedia.co.jp/aiplus/articles/2502/07/news151_3.html']);
    expect(footnote(9).urls).toEqual([
      'https://www.tomshardware.com/tech-industry/artificial-intelligence/deepseek-research-suggests-huaweis-ascend-910c-delivers-60-percent-nvidia-h100-inference-performance',
    ]);
    expect(footnote(11).urls).toEqual(['https://vdata.nikkei.com/newsgraphics/economic-security-in-data_vol3/']);
    expect(footnote(13).urls).toEqual(['https://www.yicai.com/news/102466826.html']);
    expect(footnote(15).urls).toEqual(['https://apnews.com/article/italy-blocks-deepseek-chatbot-artificial-intelligence-dc7e87835ed7a125b5e46614ddbd80d0']);
    expect(footnote(3).text).toContain('https://www.itmedia.co.jp/aiplus/articles/2502/07/news151_3.html.）');
  });

  it('drops the stray repeated Reuters lines: footnote 16 holds the URL once, nothing else does', () => {
    const reuters = 'https://www.reuters.com/technology/artificial-intelligence/indias-finance-ministry-asks-employees-avoid-ai-tools-like-chatgpt-deepseek-2025-02-05/';
    expect(footnote(16).urls).toEqual([reuters]);
    expect(footnote(16).text.split(reuters)).toHaveLength(2);
    for (const f of report.footnotes.filter((x) => x.n !== 16)) expect(f.text).not.toContain('reuters.com');
    for (const b of report.blocks) expect(b.text).not.toContain('https://www.reuters.com');
  });

  it('keeps body numbers that look like footnote starts', () => {
    expect(bodyText).toMatch(/2020年、2025年、2030年と3 ?段階に分けて目標/);
    expect(bodyText).toContain('はや 1カ月');
    expect(bodyText).toContain('56.3％');
    expect(bodyText).toContain('2025年 1月 20日');
    expect(bodyText).toContain('第 2次トランプ政権');
  });

  it('links every body marker to its footnote and removes the digits', () => {
    const cost = paragraphs.find((b) => b.text.includes('コストパフォーマンスが高かった'));
    expect(cost?.footnoteRefs).toContain(1);
    expect(cost?.text).not.toMatch(/高かった ?1/);
    expect(cost?.text).toContain('コストパフォーマンスが高かった。こうした評判から');
    expect(bodyText).toContain('性能の向上を踏まえると');
    expect(bodyText).toContain('座談会を開催し、民営企業の発展');
    expect(bodyText).toContain('本腰を入れ始めた。');
    const refs = paragraphs.flatMap((b) => b.footnoteRefs);
    expect(refs).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    for (const b of paragraphs) {
      expect(b.markers.map((m) => m.n)).toEqual(b.footnoteRefs);
      // Each marker stands right after the text it annotates: before 。 or 、 or a particle.
      for (const m of b.markers) expect(b.text[m.at]).toMatch(/[。、やを]/);
    }
  });

  it('makes figure captions their own blocks without breaking the paragraph around them', () => {
    const figures = report.blocks.filter((b) => b.kind === 'figure');
    expect(figures.map((f) => f.text)).toEqual([
      '（図表 1）AI分野の技術に関する被引用数上位10%の論文（累計）の国別シェア（資料）Australian Strategic Policy Instituteより、ニッセイ基礎研究所作成',
      '（図表 2）',
      '（図表 3）',
      '（図表 4）',
    ]);
    for (const b of paragraphs) expect(b.text).not.toContain('ニッセイ基礎研究所作成');
    // Figure 4's label sits between the halves of a sentence on pages 5 and 6.
    expect(bodyText).toContain('米国の規制強化が中国の研究開発スピード加速を促している');
  });

  it('trims line-end spaces and keeps the original characters', () => {
    for (const b of report.blocks) expect(b.text).toBe(b.text.trim());
    expect(bodyText).toContain('DeepSeek－R1（以下、R1）');
  });
});

describe('parseReport on other inputs', () => {
  it('rejects empty or whitespace-only text with AppError empty_input', () => {
    for (const text of ['', '  \n \r\n\t']) {
      let caught: unknown;
      try {
        parseReport(text);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe('empty_input');
      expect((caught as AppError).message).toMatch(/empty/);
    }
  });

  it('gives the same result for CRLF as for LF', () => {
    expect(parseReport(reportText.replace(/\n/g, '\r\n'))).toEqual(report);
  });

  it('parses text with no footnotes and leaves its numbers alone', () => {
    const text = ' 1――概要 \n\n \n\n本稿では 3つの論点を扱う。第 1に、2024年の成長率は 5.0％だった1。 \n\n第 2に、物価は低迷した。 \n';
    const r = parseReport(text);
    expect(r.footnotes).toEqual([]);
    expect(r.pages).toBe(1);
    expect(r.title).toBe('概要');
    const body = r.blocks.filter((b) => b.kind === 'paragraph');
    expect(body.map((b) => b.text)).toEqual(['本稿では 3つの論点を扱う。第 1に、2024年の成長率は 5.0％だった1。', '第 2に、物価は低迷した。']);
    expect(body.every((b) => b.footnoteRefs.length === 0)).toBe(true);
  });

  it('parses English text, keeping the spaces between words across line breaks', () => {
    const text = [
      '1――Introduction',
      '',
      'The quick brown fox jumps over',
      'the lazy dog. Prices rose 2.5 percent in',
      '2024, see https://example.com/a/very/long/',
      'path for details.',
      '',
      'A second paragraph ends here.',
    ].join('\n');
    const r = parseReport(text);
    const body = r.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
    expect(body).toEqual([
      'The quick brown fox jumps over the lazy dog. Prices rose 2.5 percent in 2024, see https://example.com/a/very/long/path for details.',
      'A second paragraph ends here.',
    ]);
    expect(r.sections).toEqual([{ title: '1――Introduction', level: 1, page: 1 }]);
  });

  it('reads a footnote area, a page break and a marker in a small synthetic page', () => {
    const text = [
      ' 1――はじめに ',
      '',
      '生成AIの普及は急速に進んでおり、企業の導入も広が',
      '',
      ' ',
      '1 詳しくは https://example.org/re',
      '',
      'port.html. を参照。 ',
      ' っている1。3 月には新たな調査が公表された。 ',
    ].join('\n');
    const r = parseReport(text);
    expect(r.pages).toBe(2);
    expect(r.footnotes).toEqual([{ n: 1, text: '詳しくは https://example.org/report.html. を参照。', urls: ['https://example.org/report.html'], page: 1 }]);
    const body = r.blocks.filter((b) => b.kind === 'paragraph');
    expect(body).toHaveLength(1);
    expect(body[0]?.text).toBe('生成AIの普及は急速に進んでおり、企業の導入も広がっている。3 月には新たな調査が公表された。');
    expect(body[0]?.markers).toEqual([{ n: 1, at: '生成AIの普及は急速に進んでおり、企業の導入も広がっている'.length }]);
  });
});
