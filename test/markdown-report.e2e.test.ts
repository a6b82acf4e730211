/**
 * A Markdown report: the real server pointed (CORPUS_DIR) at a folder holding one .md — no
 * metadata, no English edition — serves its title, language, sections and footnotes, and
 * answers a question citing the passage and the footnote (with its URL) behind the claim.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { footnotesOut, healthOut, reportOut, searchOut } from '../src/http/schemas';
import { repoRoot, serveReportFolder } from './helpers/server';

const fixture = resolve(repoRoot, 'test/fixtures/markdown-report');

const { get, ask } = serveReportFolder(fixture, 'e2e-markdown-report');

describe('a Markdown report from CORPUS_DIR', () => {
  it('introduces itself by its # title, in its own language, with starter questions from its ## sections', async () => {
    const report = reportOut.parse(await get('/api/report'));
    expect(report).toMatchObject({ title: '北海道の酪農と生乳の需給', language: 'ja' });
    expect(report.suggestions.ja).toContain('「生乳の需給」について教えて');
  });

  it('serves its GFM footnotes numbered in order, each with its URL, a link in a definition included', async () => {
    expect(healthOut.parse(await get('/health'))).toMatchObject({ footnotes: 4, editions: ['ja'] });
    const { footnotes } = footnotesOut.parse(await get('/api/footnotes'));
    expect(footnotes.map((f) => [f.n, f.urls])).toEqual([
      [1, ['https://www.maff.go.jp/j/tokei/kouhyou/gyunyu/']],
      [2, ['https://www.pref.hokkaido.lg.jp/ns/rakuchiku/']],
      [3, ['https://www.alic.go.jp/koukan/index.html']],
      [4, ['https://www.maff.go.jp/j/chikusan/sinko/lin/l_siryo/']],
    ]);
  });

  it('finds passages by section, with the footnotes their markers point to', async () => {
    const { results } = searchOut.parse(await get(`/api/search?q=${encodeURIComponent('バターと脱脂粉乳の在庫')}&k=3`));
    expect(results[0]).toMatchObject({ section: '2――生乳の需給 › 2｜乳製品の在庫', page: 1 });
    expect(results[0]!.text).toContain('過去最高の水準に達した。');
    expect(results[0]!.footnotes.map((f) => f.n)).toEqual([3]);
  });

  it('answers a question citing the passage that holds the fact and the footnote behind it, with its URL', async () => {
    const a = await ask('2023年度の北海道の生乳生産量は？');
    expect(a.status).toBe('answered');
    expect(a.answer).toContain('約420万トン');
    const cited = a.citations.find((c) => c.quote.includes('約420万トン'))!;
    expect(cited).toMatchObject({ section: '2――生乳の需給 › 1｜生産量の推移', footnotes: [2] });
    expect(a.footnotes).toEqual([expect.objectContaining({ n: 2, urls: ['https://www.pref.hokkaido.lg.jp/ns/rakuchiku/'] })]);
  });
});
