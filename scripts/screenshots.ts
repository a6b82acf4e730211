/**
 * The README's pictures of the widget, taken in a real Chromium on a third-party page that
 * embeds it from the real server (hash embedder, extractive answers):
 *
 *   npm run screenshots        → docs/widget-start.png, widget.png, widget-english.png, widget-mobile.png
 *
 * Tests never write these files; run this after changing how the widget looks.
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../test/helpers/browser';
import { serveHostSite } from '../test/helpers/host-page';
import { repoRoot, spawnServer } from './bench-server';
import { buildWidget } from './build-widget';

const DOCS = resolve(repoRoot, 'docs');

const shots = {
  start: 'widget-start.png',
  answer: 'widget.png',
  english: 'widget-english.png',
  mobile: 'widget-mobile.png',
};

async function newPage(browser: Browser, url: string, viewport: { width: number; height: number }, mobile = false): Promise<Page> {
  const page = await browser.newPage({ viewport, colorScheme: 'light', locale: 'ja-JP', ...(mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
  await page.goto(url);
  await page.locator('[data-rag="launcher"]').click();
  return page;
}

async function ask(page: Page, question: string): Promise<void> {
  await page.locator('[data-rag="input"]').fill(question);
  await page.locator('[data-rag="input"]').press('Enter');
  await page.locator('[data-rag="answer"][aria-busy="false"]').last().waitFor({ timeout: 30_000 });
}

/** Opens the answer's citations until one has a footnote with a source link. */
async function openLinkedCitation(page: Page): Promise<void> {
  const citations = page.locator('[data-rag="answer"]').last().locator('[data-rag="citation"]');
  for (let i = 0; i < (await citations.count()); i++) {
    await citations.nth(i).click();
    if ((await page.locator('[data-rag="footnote-link"]').count()) > 0) return;
  }
}

async function main(): Promise<void> {
  await buildWidget();
  const api = await spawnServer({ EMBEDDER: 'hash', DATA_DIR: resolve(repoRoot, '.tmp/e2e-data'), RATE_LIMIT_PER_MINUTE: '0' });
  const site = await serveHostSite(api.url);
  const browser = await launchBrowser();
  try {
    const desktop = { width: 1000, height: 800 };

    const start = await newPage(browser, site.url, desktop);
    await start.locator('[data-rag="suggestion"]').first().waitFor();
    await start.screenshot({ path: resolve(DOCS, shots.start), animations: 'disabled' });

    const answer = await newPage(browser, site.url, desktop);
    await ask(answer, 'データセンターの数は米国と比べてどうか？');
    await openLinkedCitation(answer);
    await answer.screenshot({ path: resolve(DOCS, shots.answer), animations: 'disabled' });

    const english = await newPage(browser, site.enUrl, desktop);
    await ask(english, 'Where does the claim about data centre numbers come from?');
    await english.locator('[data-rag="answer"]').last().locator('[data-rag="citation"]').first().click();
    await english.waitForTimeout(300);
    await english.screenshot({ path: resolve(DOCS, shots.english), animations: 'disabled' });

    const mobile = await newPage(browser, site.url, { width: 390, height: 844 }, true);
    await ask(mobile, 'R1の価格は？');
    await mobile.screenshot({ path: resolve(DOCS, shots.mobile), animations: 'disabled' });

    console.log(`wrote ${Object.values(shots).map((f) => `docs/${f}`).join(', ')}`);
  } finally {
    await browser.close();
    await site.close();
    await api.stop();
  }
}

await main();
