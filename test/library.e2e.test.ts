/**
 * A publisher's library on the real Node server: CORPUS_DIR with three made-up reports (two
 * files, one folder), a report added while it runs and picked up on SIGHUP without a moment of
 * a half-built library, and the widget in real Chromium scoped to one report (data-report) or the
 * whole library from the demo page's list, its conversation kept per report.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWidget } from '../scripts/build-widget';
import { chatOut, reportsOut } from '../src/http/schemas';
import { browserSkipReason, launchBrowser } from './helpers/browser';
import { LIBRARY_REPORTS, reportText } from './helpers/report-text';
import { repoRoot, startServer, type StartedServer } from './helpers/server';

const work = resolve(repoRoot, '.tmp', `library-e2e-${process.pid}`);
const corpusDir = join(work, 'corpus');
const skipBrowser = browserSkipReason();

let server: StartedServer;
let browser: Browser | undefined;

beforeAll(async () => {
  await mkdir(join(corpusDir, 'steel'), { recursive: true });
  await writeFile(join(corpusDir, 'rice.txt'), reportText(LIBRARY_REPORTS.rice!));
  await writeFile(join(corpusDir, 'steel', 'report.txt'), reportText(LIBRARY_REPORTS.steel!));
  await writeFile(join(corpusDir, 'steel', 'metadata.json'), JSON.stringify({ suggestions: { ja: ['水素還元製鉄の実用化はいつ？'], en: ['When will hydrogen steelmaking be ready?'] } }));
  await writeFile(join(corpusDir, 'Notes 2024.txt'), reportText(LIBRARY_REPORTS.rice!));
  await buildWidget();
  server = await startServer({ env: { CORPUS_DIR: corpusDir, DATA_DIR: join(work, 'data'), RATE_LIMIT_PER_MINUTE: '0' } });
  if (!skipBrowser) browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (!process.env.KEEP) await rm(work, { recursive: true, force: true });
});

const get = async (path: string) => (await fetch(`${server.url}${path}`)).json();
const ids = async () => reportsOut.parse(await get('/api/reports')).reports.map((r) => r.id);

describe('the Node server over a library folder', () => {
  it('serves the good reports and names the file it refused, with the fix', async () => {
    expect(await ids()).toEqual(['rice', 'steel']);
    expect(server.output()).toMatch(/skipped .*Notes 2024\.txt: .*notes-2024\.txt/);
    const answer = chatOut.parse(await (await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: '水素還元製鉄の実用化はいつ？', report: '*' }) })).json());
    expect(answer.report).toBe('steel');
  });

  it('picks up a report added while it runs on SIGHUP, serving the whole previous library until then', async () => {
    await writeFile(join(corpusDir, 'tourism.txt'), reportText(LIBRARY_REPORTS.tourism!));
    process.kill(server.pid, 'SIGHUP');
    const seen: string[] = [];
    await expect
      .poll(
        async () => {
          const now = (await ids()).join(',');
          seen.push(now);
          return now;
        },
        { timeout: 30_000, interval: 50 },
      )
      .toBe('rice,steel,tourism');
    // Every answer came from a whole library: the old one, then the new one, nothing in between.
    expect(seen.filter((s) => s !== 'rice,steel' && s !== 'rice,steel,tourism')).toEqual([]);
    expect(server.output()).toMatch(/reloaded: library of 3 reports \(1 built/);
    const res = await fetch(`${server.url}/api/search?q=${encodeURIComponent('京都の混雑')}&report=tourism`);
    expect(res.status).toBe(200);
  });
});

describe.skipIf(skipBrowser)('the widget scoped by data-report, in Chromium', () => {
  async function open(path: string): Promise<{ page: Page; bodies: unknown[] }> {
    const page = await browser!.newPage();
    const bodies: unknown[] = [];
    page.on('request', (r) => r.url().endsWith('/api/chat') && bodies.push(JSON.parse(r.postData() ?? 'null')));
    await page.goto(`${server.url}${path}`);
    await page.locator('[data-rag="launcher"]').click();
    return { page, bodies };
  }
  const ask = async (page: Page, question: string) => {
    const input = page.locator('[data-rag="input"]');
    await expect.poll(() => input.isEnabled()).toBe(true);
    await input.fill(question);
    await input.press('Enter');
    const answer = page.locator('[data-rag="answer"]').last();
    await answer.and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 20_000 });
    return answer.innerText();
  };

  it('lists the library on the demo page; a picked report scopes the chat, its starters and its stored conversation', async () => {
    const { page, bodies } = await open('/?report=steel');
    expect(await page.locator('nav a').allInnerTexts()).toEqual(['ライブラリ全体 / Whole library (3)', 'コメの生産と価格の動き（2024-04-01）', '鉄鋼業の脱炭素（2024-05-01）', '訪日観光客の回復（2024-06-01）']);
    await expect.poll(() => page.locator('[data-rag="suggestion"]').allInnerTexts()).toEqual(['水素還元製鉄の実用化はいつ？']);
    expect(await ask(page, '電炉への転換に必要な投資は？')).toContain('数千億円');
    expect(bodies).toEqual([{ question: '電炉への転換に必要な投資は？', report: 'steel' }]);

    // Another report on the same site starts its own conversation; back on steel, the first is there.
    await page.goto(`${server.url}/?report=rice`);
    await page.locator('[data-rag="launcher"]').waitFor();
    expect(await page.locator('[data-rag="answer"]').count()).toBe(0);
    await page.goto(`${server.url}/?report=steel`);
    await expect.poll(() => page.locator('[data-rag="answer"]').count()).toBe(1);
    await page.close();
  });

  it('asks the whole library from the demo page’s first choice, answers naming the report they come from', async () => {
    const { page, bodies } = await open('/?report=*');
    expect(await page.locator('nav a[aria-current="page"]').innerText()).toMatch(/Whole library/);
    expect(await ask(page, '訪日観光客の消費額はいくら？')).toContain('5兆円');
    expect(bodies).toEqual([{ question: '訪日観光客の消費額はいくら？', report: '*' }]);
    await page.close();
  });
});
