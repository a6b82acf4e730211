/**
 * The widget as a third party embeds it: a page on one loopback origin loads widget.js
 * from the real API server on another, under a strict Content-Security-Policy, in a real
 * headless Chromium.
 */
import { createServer, type Server } from 'node:http';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWidget } from '../scripts/build-widget';
import { browserSkipReason, launchBrowser } from './helpers/browser';
import { startServer } from './helpers/server';

const skipReason = browserSkipReason();
if (skipReason) console.warn(skipReason);

const JA_QUESTION = 'DeepSeekの開発費は本当に600万ドル以下なのか？';
const EN_FOLLOW_UP = 'What costs does that figure leave out?';
const SCREENSHOT = resolve(import.meta.dirname, '../docs/widget.png');

interface ChatBody {
  question: string;
  history?: { role: string; content: string }[];
}

/** A page as a third party would write it: its own content and styles, the one script tag. */
function hostPage(api: string): string {
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>アジア経済ウォッチ</title><link rel="stylesheet" href="/site.css"></head>
<body>
<header><p>アジア経済ウォッチ</p></header>
<main>
<h1>DeepSeekショックは中国経済に何をもたらすか</h1>
<p>中国発の生成AI「DeepSeek-R1」は、低コストで高い性能を示したとして世界に衝撃を与えました。本ページでは、このテーマを分析したレポートについて、右下のチャットから直接質問できます。</p>
<p>回答には根拠となる本文の箇所が [1] のような番号で示され、番号を押すと該当箇所と脚注の出典を確認できます。</p>
<p><a href="#top">ページの先頭へ</a></p>
</main>
<script src="${api}/widget.js" data-api="${api}" defer></script>
</body></html>`;
}

const hostCss = `body{margin:0;font:16px/1.8 system-ui,"Noto Sans CJK JP",sans-serif;color:#222;background:#f6f4ef}
header{background:#2b2b2b;color:#fff;padding:14px 32px;font-weight:700}
main{max-width:520px;padding:24px 32px}h1{font-size:26px;line-height:1.4}a{color:#8a4b08}`;

/** The host site serves its own page and stylesheet under a CSP that only trusts the API for scripts. */
function serveHostPage(api: string): Promise<{ url: string; server: Server }> {
  const csp = `default-src 'none'; script-src ${api}; connect-src ${api}; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'`;
  const server = createServer((req, res) => {
    const css = req.url === '/site.css';
    res.writeHead(200, { 'Content-Type': css ? 'text/css' : 'text/html; charset=utf-8', 'Content-Security-Policy': csp });
    res.end(css ? hostCss : hostPage(api));
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      ok({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`, server });
    }),
  );
}

describe.skipIf(skipReason !== undefined)('chat widget in a real browser', () => {
  let api: Awaited<ReturnType<typeof startServer>>;
  let host: { url: string; server: Server };
  let browser: Browser;

  beforeAll(async () => {
    // Serve the widget built from the current source.
    await buildWidget();
    [api, browser] = await Promise.all([startServer(), launchBrowser()]);
    host = await serveHostPage(api.url);
  });

  afterAll(async () => {
    await browser?.close();
    host?.server.close();
    await api?.stop();
  });

  /** A fresh page on the host site, recording chat requests, dialogs and page errors. */
  async function openHostPage(url = host.url) {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 }, locale: 'ja-JP' });
    const chatBodies: ChatBody[] = [];
    const dialogs: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/chat')) chatBodies.push(r.postDataJSON() as ChatBody);
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource|ERR_CONNECTION_REFUSED|Failed to fetch/.test(m.text())) problems.push(m.text());
    });
    await page.goto(url);
    await page.locator('[data-rag="launcher"]').waitFor();
    return { page, chatBodies, dialogs, problems };
  }

  async function ask(page: Page, question: string): Promise<void> {
    const input = page.locator('[data-rag="input"]');
    await expect.poll(() => input.isEnabled()).toBe(true);
    await input.fill(question);
    await input.press('Enter');
  }

  /** Wait until the n-th answer (1-based) has finished streaming. */
  async function answerDone(page: Page, n: number) {
    const answer = page.locator('[data-rag="answer"]').nth(n - 1);
    await answer.and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 20_000 });
    return answer;
  }

  /** Focus as a screen reader sees it: the data-rag hook of the focused element inside the widget. */
  const focusedHook = (page: Page) =>
    page.evaluate(() => {
      const host = document.querySelector('[data-report-chat]');
      if (document.activeElement !== host) return `outside:${document.activeElement?.tagName ?? 'none'}`;
      const inner = host?.shadowRoot?.activeElement;
      return inner?.getAttribute('data-rag') ?? inner?.className ?? 'none';
    });

  it('answers a Japanese question with citations; a citation opens its passage and footnote links', async () => {
    const { page, chatBodies, dialogs, problems } = await openHostPage();
    await page.locator('[data-rag="launcher"]').click();
    await ask(page, JA_QUESTION);
    const answer = await answerDone(page, 1);

    expect(chatBodies[0]).toEqual({ question: JA_QUESTION });
    expect((await answer.innerText()).length).toBeGreaterThan(20);
    const citations = answer.locator('[data-rag="citation"]');
    expect(await citations.count()).toBeGreaterThanOrEqual(1);

    // Open citations until one shows a footnote with a source URL.
    const passage = page.locator('[data-rag="passage"]');
    let linked = false;
    for (let i = 0; i < (await citations.count()) && !linked; i++) {
      await citations.nth(i).click();
      await expect.poll(() => passage.isVisible()).toBe(true);
      expect(await citations.nth(i).getAttribute('aria-expanded')).toBe('true');
      const meta = await passage.locator('.rc-meta').innerText();
      expect(meta).toMatch(/節: .+/);
      expect(meta).toMatch(/\d+ページ/);
      expect((await passage.locator('.rc-quote').innerText()).length).toBeGreaterThan(10);
      linked = (await passage.locator('[data-rag="footnote-link"]').count()) > 0;
    }
    expect(linked).toBe(true);
    const link = passage.locator('[data-rag="footnote-link"]').first();
    expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    // Every link in the widget is http(s): other schemes stay text.
    for (const href of await page.locator('[data-report-chat] a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      expect(href).toMatch(/^https?:\/\//);

    // Show the source link in the picture, not only the top of a long passage.
    await link.scrollIntoViewIfNeeded();
    await mkdir(resolve(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    // The strict CSP of the host page let the widget run and style itself.
    const launcherBg = await page.locator('[data-rag="launcher"]').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(launcherBg).toBe('rgb(31, 95, 191)');
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sends the conversation as history with a follow-up question in English', async () => {
    const { page, chatBodies } = await openHostPage();
    await page.locator('[data-rag="launcher"]').click();
    await ask(page, JA_QUESTION);
    const first = await answerDone(page, 1);
    await ask(page, EN_FOLLOW_UP);
    const second = await answerDone(page, 2);

    expect(chatBodies).toHaveLength(2);
    const firstAnswer = chatBodies[1]?.history?.[1]?.content ?? '';
    expect(chatBodies[1]).toEqual({ question: EN_FOLLOW_UP, history: [{ role: 'user', content: JA_QUESTION }, { role: 'assistant', content: firstAnswer }] });
    // The history carries the answer exactly as the server sent it, markers included.
    expect(firstAnswer).toMatch(/\[\d+\]/);
    expect((await first.innerText()).replace(/\s/g, '')).toContain(firstAnswer.replace(/\[\d+\]/g, '').replace(/\s/g, '').slice(0, 20));
    expect((await second.innerText()).length).toBeGreaterThan(0);
    await page.close();
  });

  it('does not send while an IME is composing; Shift+Enter adds a line; Enter sends', async () => {
    const { page, chatBodies } = await openHostPage();
    await page.locator('[data-rag="launcher"]').click();
    const input = page.locator('[data-rag="input"]');
    await input.fill('かいはつひ');
    const notCancelled = await input.evaluate((el) =>
      [{ isComposing: true }, { keyCode: 229 }].map((init) =>
        el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, composed: true, ...init })),
      ),
    );
    // Neither Enter was swallowed as "send".
    expect(notCancelled).toEqual([true, true]);
    await input.press('Shift+Enter');
    await input.pressSequentially('は？');
    await page.waitForTimeout(300);
    expect(chatBodies).toEqual([]);
    expect(await input.inputValue()).toBe('かいはつひ\nは？');

    await input.press('Enter');
    await answerDone(page, 1);
    expect(chatBodies).toEqual([{ question: 'かいはつひ\nは？' }]);
    await page.close();
  });

  it('shows a hostile question as text and runs nothing', async () => {
    const { page, dialogs, problems } = await openHostPage();
    const hostile = '<img src=x onerror=alert(1)>';
    await page.locator('[data-rag="launcher"]').click();
    await ask(page, hostile);
    await answerDone(page, 1);
    expect(await page.locator('.rc-user').last().innerText()).toContain(hostile);
    const images = await page.evaluate(() => document.querySelectorAll('img').length + (document.querySelector('[data-report-chat]')?.shadowRoot?.querySelectorAll('img').length ?? 0));
    expect(images).toBe(0);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('works from the keyboard alone', async () => {
    const { page, chatBodies } = await openHostPage();
    let hook = '';
    for (let i = 0; i < 10 && hook !== 'launcher'; i++) {
      await page.keyboard.press('Tab');
      hook = await focusedHook(page);
    }
    expect(hook).toBe('launcher');
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-rag="launcher"]').getAttribute('aria-expanded')).toBe('true');
    expect(await focusedHook(page)).toBe('input');
    await page.keyboard.type('R1の出現はインフラ需要にどう影響すると見られているか？');
    await page.keyboard.press('Enter');
    await answerDone(page, 1);
    expect(chatBodies).toHaveLength(1);
    // Focus comes back to the input for the next question.
    await expect.poll(() => focusedHook(page)).toBe('input');

    // Back through the answer to a citation; Enter opens its passage, Escape returns to it.
    for (let i = 0; i < 20 && hook !== 'citation'; i++) {
      await page.keyboard.press('Shift+Tab');
      hook = await focusedHook(page);
    }
    expect(hook).toBe('citation');
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-rag="passage"]').isVisible()).toBe(true);
    expect(await focusedHook(page)).toBe('passage');
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-rag="passage"]').isVisible()).toBe(false);
    expect(await focusedHook(page)).toBe('citation');

    await page.keyboard.press('Escape');
    expect(await page.locator('[role="dialog"]').isVisible()).toBe(false);
    expect(await focusedHook(page)).toBe('launcher');
    await page.close();
  });

  it('shows a "not in the report" answer as a neutral notice, not an error', async () => {
    const { page } = await openHostPage();
    // A server that answers with plain JSON instead of a stream is handled the same way.
    await page.route('**/api/chat', (route) =>
      route.fulfill({
        status: 200,
        headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' },
        body: JSON.stringify({ answer: 'レポートには、この質問に答える記述が見当たりません。', grounded: false, lang: 'ja', citations: [], footnotes: [] }),
      }),
    );
    await page.locator('[data-rag="launcher"]').click();
    await ask(page, '東京の明日の天気は？');
    const answer = await answerDone(page, 1);
    expect(await answer.locator('.rc-notice').innerText()).toBe('レポートには記載がありません');
    expect(await answer.innerText()).toContain('答える記述が見当たりません');
    expect(await answer.locator('[data-rag="citation"]').count()).toBe(0);
    expect(await page.locator('[data-rag="error"]').count()).toBe(0);
    await page.close();
  });

  it('labels a generated answer and shows the server\'s warnings', async () => {
    const { page } = await openHostPage();
    await page.route('**/api/chat', (route) =>
      route.fulfill({
        status: 200,
        headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' },
        body: JSON.stringify({
          answer: 'Training alone cost under $6 million [1].',
          grounded: true,
          lang: 'en',
          citations: [{ ref: 1, id: 'fn-2', text: 'DeepSeekが発表した開発コスト（600万ドル以下）は…', section: '2', page: 2, footnotes: [2] }],
          footnotes: [{ n: 2, text: '…', urls: ['https://36kr.jp/328412/'] }],
          generator: 'openai:test',
          warnings: ['"7 billion" appears in none of the cited passages'],
        }),
      }),
    );
    await page.locator('[data-rag="launcher"]').click();
    await ask(page, 'How much did training cost?');
    const answer = await answerDone(page, 1);
    const notes = await answer.locator('[data-rag="note"]').allInnerTexts();
    expect(notes).toHaveLength(2);
    expect(notes[1]).toContain('7 billion');
    expect(await answer.locator('[data-rag="citation"]').count()).toBe(1);
    await page.close();
  });

  it('runs the demo page under script-src self: a suggested question asks the widget', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.route(`${api.url}/`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'" } });
    });
    const response = await page.goto(`${api.url}/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    const suggestion = page.locator('[data-rag-ask]').first();
    const question = await suggestion.getAttribute('data-rag-ask');
    await page.locator('[data-rag="launcher"]').waitFor();
    await suggestion.click();
    const answer = await answerDone(page, 1);
    expect(await page.locator('.rc-user').first().innerText()).toContain(question ?? '');
    expect((await answer.innerText()).length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('explains a 429 with the wait time, and Retry resends the same question', async () => {
    const { page, chatBodies } = await openHostPage();
    await page.route('**/api/chat', (route) =>
      route.fulfill({ status: 429, headers: { 'Retry-After': '7', 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Retry-After', 'Content-Type': 'application/json' }, body: '{"error":{"code":"rate_limited","message":"too many requests"}}' }),
    );
    await page.locator('[data-rag="launcher"]').click();
    await ask(page, JA_QUESTION);
    const error = page.locator('[data-rag="error"]');
    await error.waitFor();
    expect(await error.innerText()).toContain('7秒');
    await page.unroute('**/api/chat');
    await error.locator('[data-rag="retry"]').click();
    await answerDone(page, 1);
    expect(await error.count()).toBe(0);
    expect(chatBodies.map((b) => b.question)).toEqual([JA_QUESTION, JA_QUESTION]);
    await page.close();
  });

  // Last: it stops the server.
  it('shows a readable error with Retry when the server is gone', async () => {
    const { page } = await openHostPage();
    await api.stop();
    await page.locator('[data-rag="launcher"]').click();
    await ask(page, JA_QUESTION);
    const error = page.locator('[data-rag="error"]');
    await error.waitFor();
    expect(await error.innerText()).toContain('サーバーに接続できませんでした');
    expect(await error.getAttribute('role')).toBe('alert');
    const retry = error.locator('[data-rag="retry"]');
    expect(await retry.innerText()).toBe('再試行');
    // Retrying against a server that is still down fails the same readable way.
    await retry.click();
    await page.locator('[data-rag="error"]').waitFor();
    expect(await page.locator('[data-rag="error"]').count()).toBe(1);
    expect(await page.locator('[data-rag="input"]').isEnabled()).toBe(true);
    await page.close();
  });
});
