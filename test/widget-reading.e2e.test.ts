/**
 * What a reader sees in the widget, embedded on another origin and served by the real API in a
 * real headless Chromium: the first screen, where a new answer opens, the input's hint on a
 * touch screen, footnotes in an English passage view, and a new question after a conversation.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWidget } from '../scripts/build-widget';
import type { PassageResponse } from '../src/http/schemas';
import { browserSkipReason, launchBrowser } from './helpers/browser';
import { serveHostSite, type HostSite } from './helpers/host-page';
import { startServer, type StartedServer } from './helpers/server';

const skipReason = browserSkipReason();
if (skipReason) console.warn(skipReason);

const DESKTOP: BrowserContextOptions = { viewport: { width: 1000, height: 800 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/g;
const japaneseShare = (s: string) => (s.match(JAPANESE)?.length ?? 0) / Math.max(1, s.replace(/\s/g, '').length);

describe.skipIf(Boolean(skipReason))('what a reader sees in the widget', () => {
  let api: StartedServer;
  let browser: Browser;
  let host: HostSite;

  beforeAll(async () => {
    await buildWidget();
    api = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
    [browser, host] = await Promise.all([launchBrowser(), serveHostSite(api.url)]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await api?.stop();
  });

  async function openPanel(url: string, options: BrowserContextOptions): Promise<{ page: Page; bodies: { question: string; history?: unknown[] }[] }> {
    const page = await browser.newPage({ locale: 'ja-JP', colorScheme: 'light', ...options });
    const bodies: { question: string; history?: unknown[] }[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/chat')) bodies.push(r.postDataJSON() as { question: string });
    });
    await page.goto(url);
    await page.locator('[data-rag="launcher"]').click();
    await page.locator('[data-rag="suggestion"]').first().waitFor();
    return { page, bodies };
  }

  async function ask(page: Page, question: string, n: number) {
    const input = page.locator('[data-rag="input"]');
    await expect.poll(() => input.isEnabled()).toBe(true);
    await input.fill(question);
    await input.press('Enter');
    const answer = page.locator('[data-rag="answer"]').nth(n - 1);
    await answer.and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 20_000 });
    await expect.poll(() => input.isEnabled()).toBe(true);
    return answer;
  }

  /** Boxes of an element and of the log's visible area, in the page's coordinates. */
  const box = (page: Page, selector: string, index = 0) =>
    page.evaluate(
      ([sel, i]) => {
        const root = document.querySelector('[data-report-chat]')!.shadowRoot!;
        const el = root.querySelectorAll(sel)[i]!;
        const log = root.querySelector('.rc-log')!;
        const r = el.getBoundingClientRect();
        const l = log.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, logTop: l.top + parseFloat(getComputedStyle(log).paddingTop), logBottom: l.bottom, logHeight: log.clientHeight };
      },
      [selector, index] as const,
    );

  for (const [name, options] of [['a desktop', DESKTOP], ['a 390×844 phone', PHONE]] as const) {
    it(`opens on ${name} with the introduction and starter questions at the top`, async () => {
      const { page } = await openPanel(host.url, options);
      const welcome = await box(page, '.rc-welcome');
      expect(welcome.top - welcome.logTop).toBeLessThan(4);
      await page.close();
    });

    it(`shows a long new answer on ${name} from its question, not from its end`, async () => {
      const { page } = await openPanel(host.enUrl, options);
      await ask(page, 'How much did DeepSeek cost?', 1);
      // A long answer, many times the log's height, streamed by the real widget code.
      const sentences = Array.from({ length: 40 }, (_, i) => `Sentence ${i + 1} of a long answer goes on for a while to fill a line or two [1].`).join(' ');
      await page.route('**/api/chat', (route) =>
        route.fulfill({
          status: 200,
          headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' },
          body: JSON.stringify({ answer: sentences, status: 'answered', grounded: true, lang: 'en', citations: [], footnotes: [] }),
        }),
      );
      await ask(page, 'Tell me everything about the development cost', 2);
      const question = await box(page, '.rc-user', 1);
      const answer = await box(page, '[data-rag="answer"]', 1);
      expect(answer.bottom - question.top).toBeGreaterThan(2 * question.logHeight);
      // The question is at the top of the log, and the answer's first line under it.
      expect(question.top).toBeGreaterThanOrEqual(question.logTop - 1);
      expect(question.top).toBeLessThan(question.logTop + 24);
      expect(answer.top + 30).toBeLessThan(answer.logBottom);
      await page.close();
    });
  }

  it('mentions Shift+Enter only where there is a keyboard with a Shift key', async () => {
    const desktop = await openPanel(host.url, DESKTOP);
    expect(await desktop.page.locator('[data-rag="input"]').getAttribute('placeholder')).toContain('Shift+Enter');
    await desktop.page.close();
    for (const url of [host.url, host.enUrl]) {
      const phone = await openPanel(url, PHONE);
      expect(await phone.page.locator('[data-rag="input"]').getAttribute('placeholder')).not.toContain('Shift');
      await phone.page.close();
    }
  });

  it('shows the footnotes of an English passage view in English, with the Japanese original a click away', async () => {
    const { page } = await openPanel(host.enUrl, DESKTOP);
    // A passage of the report that cites a footnote, as the server gives it.
    const search = (await (await fetch(`${api.url}/api/search?q=${encodeURIComponent('生成AI 利用 割合 総務省')}&k=10`)).json()) as { results: { id: string; footnotes: unknown[] }[] };
    const id = search.results.find((r) => r.id.startsWith('p') && r.footnotes.length > 0)!.id;
    const passage = (await (await fetch(`${api.url}/api/passages/${id}`)).json()) as PassageResponse;
    const n = passage.footnotes[0]!.n;
    await page.route('**/api/chat', (route) =>
      route.fulfill({
        status: 200,
        headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' },
        body: JSON.stringify({
          answer: 'What the passage says [1].',
          status: 'answered',
          grounded: true,
          lang: 'en',
          citations: [{ ref: 1, id, text: passage.text, section: passage.section, page: passage.page, footnotes: passage.footnotes.map((f) => f.n), quote: passage.text, translation: passage.translation }],
          footnotes: passage.footnotes,
        }),
      }),
    );
    const answer = await ask(page, 'What share of people have used generative AI?', 1);
    await answer.locator('[data-rag="citation"]').first().click();
    const view = page.locator('[data-rag="passage"]');
    const note = view.locator('.rc-footnotes li').first();
    await expect.poll(async () => japaneseShare(await note.innerText())).toBeLessThan(0.15);
    expect(await note.innerText()).toContain(`Footnote ${n}: `);
    expect(await view.locator('[data-rag="footnote-original"]').count()).toBe(0);
    await view.locator('[data-rag="original"]').click();
    const original = view.locator('[data-rag="footnote-original"]').first();
    expect(await original.getAttribute('lang')).toBe('ja');
    expect(japaneseShare(await original.innerText())).toBeGreaterThan(0.4);
    await page.close();
  });

  for (const [name, options] of [['a desktop', DESKTOP], ['a 390×844 phone', PHONE]] as const) {
    it(`writes answers for reading on ${name}: a bracketed source in one paragraph, URLs whole up to their host, the passage as tidy as the answer`, async () => {
      const { page } = await openPanel(host.url, options);
      // A fact from a footnote reads as a sentence; its source is in the passage view, spaced like the answer.
      const fact = await ask(page, 'データセンター　数　中国', 1);
      const body = await fact.locator('.rc-body').innerText();
      expect(body).toContain('2024年3月末');
      expect(body).not.toContain('日本経済新聞');
      await fact.locator('[data-rag="citation"]').first().click();
      const excerpt = await page.locator('[data-rag="passage"] .rc-excerpt').first().innerText();
      expect(excerpt).toContain('2024年3月27日');
      expect(excerpt).not.toMatch(/\d年 \d/);
      expect(await page.locator('[data-rag="passage"] [data-rag="quote"]').first().innerText()).toContain('449棟');
      await page.keyboard.press('Escape');

      const named = await ask(page, '脚注11の出典を教えて', 2);
      const paragraphs = await named.locator('.rc-body p').allInnerTexts();
      const withSource = paragraphs.find((p) => p.includes('日本経済新聞'));
      expect(withSource).toContain('https://vdata.nikkei.com');
      // Each link's scheme and host sit on one line.
      const heads = await named.locator('.rc-link .rc-nobr').evaluateAll((els) => els.map((el) => [el.textContent, el.getClientRects().length]));
      expect(heads.length).toBeGreaterThan(0);
      for (const [text, lines] of heads) {
        expect(text).toMatch(/^https?:\/\/[^/]+$/);
        expect(lines).toBe(1);
      }
      await page.close();
    });
  }

  it('declines a new off-topic question asked after a conversation, on a Japanese and an English page', async () => {
    for (const [url, first, offTopic, notice] of [
      [host.url, 'DeepSeekの開発費は本当に600万ドル以下なのか？', '東京の明日の天気は？', 'レポートには記載がありません'],
      [host.enUrl, 'How much did DeepSeek cost?', "What's a good recipe for ramen?", 'Not in the report'],
    ] as const) {
      const { page, bodies } = await openPanel(url, DESKTOP);
      await ask(page, first, 1);
      const answer = await ask(page, offTopic, 2);
      // The widget sent the conversation along; the server read the question on its own.
      expect(bodies[1]?.history?.length).toBe(2);
      expect(await answer.locator('.rc-notice').innerText()).toBe(notice);
      expect(await answer.locator('[data-rag="citation"]').count()).toBe(0);
      await page.close();
    }
  });
});
