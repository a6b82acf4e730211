/**
 * The widget as a third party embeds it: pages on one loopback origin (Japanese and English)
 * load widget.js from the real API server on another, under a strict Content-Security-Policy,
 * in a real headless Chromium, on a desktop and on a 390×844 phone screen.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWidget } from '../scripts/build-widget';
import { browserSkipReason, launchBrowser, seriousA11yViolations } from './helpers/browser';
import { serveHostSite, type HostSite } from './helpers/host-page';
import { startServer, type StartedServer } from './helpers/server';

const skipReason = browserSkipReason();
if (skipReason) console.warn(skipReason);

const JA_QUESTION = 'DeepSeekの開発費は本当に600万ドル以下なのか？';
const URL_QUESTION = 'R1の価格の出典は？';
const EN_QUESTION = 'Where does the claim about data centre numbers come from?';
const EN_FOLLOW_UP = 'What costs does that figure leave out?';
const WIDGET = '[data-report-chat]';
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

interface ChatBody {
  question: string;
  history?: { role: string; content: string; citations?: string[] }[];
}

interface ApiCitation {
  ref: number;
  id: string;
  quote: string;
  translation?: string;
  section: string;
}

/** Built and started before the tests are collected, so tests can be gated on what the server can do. */
const api: StartedServer | undefined = skipReason ? undefined : await buildWidget().then(() => startServer({ env: { RATE_LIMIT_PER_MINUTE: '0' } }));

async function chatJson(question: string): Promise<{ answer: string; lang: string; citations: ApiCitation[] }> {
  const res = await fetch(`${api!.url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question }) });
  return (await res.json()) as { answer: string; lang: string; citations: ApiCitation[] };
}

/** Whether the server answers English questions from its English edition: an English answer's citations carry `translation`. */
const serverHasEnglishEdition = api ? (await chatJson(EN_QUESTION)).citations.some((c) => typeof c.translation === 'string') : false;
if (api && !serverHasEnglishEdition) console.warn('the server has no English edition yet: tests of real English answers are skipped');

const squeeze = (s: string) => s.replace(/\s+/g, '');
const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/g;
const japaneseShare = (s: string) => (s.match(JAPANESE)?.length ?? 0) / Math.max(1, s.replace(/\s/g, '').length);

/**
 * An API stand-in that serves the real widget and report but streams a fixed answer slowly,
 * in small pieces, so a test can watch the typing indicator and the text arriving.
 */
function serveSlowApi(realApi: string, answer: string): Promise<{ url: string; server: Server }> {
  const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'content-type', 'Access-Control-Allow-Methods': 'GET, POST' };
  const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
    if (req.method === 'GET') {
      const upstream = await fetch(`${realApi}${req.url}`);
      res.writeHead(upstream.status, { ...cors, 'Content-Type': upstream.headers.get('content-type') ?? 'text/plain' });
      return res.end(Buffer.from(await upstream.arrayBuffer()));
    }
    for await (const chunk of req) void chunk;
    res.writeHead(200, { ...cors, 'Content-Type': 'text/event-stream' });
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const meta = { status: 'answered', grounded: true, lang: 'ja', citations: [], footnotes: [] };
    await sleep(700);
    send('meta', meta);
    for (let i = 0; i < answer.length; i += 6) {
      send('delta', { text: answer.slice(i, i + 6) });
      await sleep(40);
    }
    send('done', { ...meta, answer });
    res.end();
  };
  const server = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server })));
}

describe.skipIf(skipReason !== undefined)('chat widget in a real browser', () => {
  let host: HostSite;
  let browser: Browser;

  beforeAll(async () => {
    [browser, host] = await Promise.all([launchBrowser(), serveHostSite(api!.url)]);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await api?.stop();
  });

  /** A fresh page (own storage) on the host site, recording chat requests, dialogs and page errors. */
  async function openHostPage(url = host.url, options: BrowserContextOptions = {}) {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 }, locale: 'ja-JP', colorScheme: 'light', ...options });
    const chatBodies: ChatBody[] = [];
    const rawBodies: string[] = [];
    const origins = new Set<string>();
    const dialogs: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => {
      origins.add(new URL(r.url()).origin);
      if (r.method() !== 'POST' || !r.url().endsWith('/api/chat')) return;
      rawBodies.push(r.postData() ?? '');
      chatBodies.push(r.postDataJSON() as ChatBody);
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
    return { page, chatBodies, rawBodies, dialogs, problems, origins };
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

  /** Lines of rendered text inside `selector` that hold nothing but punctuation or citation markers. */
  const orphanLines = (page: Page, selector: string) =>
    page.evaluate((sel) => {
      const root = document.querySelector('[data-report-chat]')!.shadowRoot!;
      const orphans: string[] = [];
      for (const block of root.querySelectorAll(sel)) {
        const chars: { ch: string; y: number }[] = [];
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (let i = 0; i < text.length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            if (rect && rect.width > 0 && text[i]!.trim()) chars.push({ ch: text[i]!, y: rect.top + rect.height / 2 });
          }
        }
        const lines: string[] = [];
        let lastY = Number.NaN;
        for (const { ch, y } of chars) {
          if (!(Math.abs(y - lastY) < 8)) lines.push('');
          lines[lines.length - 1] += ch;
          lastY = y;
        }
        for (const line of lines.slice(1)) if (/^[\p{P}\s]*$/u.test(line.replace(/\[\d+\]/g, ''))) orphans.push(line);
      }
      return orphans;
    }, selector);

  it('introduces the report from the API and offers its starter questions on a Japanese page', async () => {
    const { page, chatBodies, problems } = await openHostPage();
    await page.locator('[data-rag="launcher"]').click();
    const suggestions = page.locator('[data-rag="suggestion"]');
    await suggestions.first().waitFor();
    const report = (await (await fetch(`${api!.url}/api/report`)).json()) as { title: string; publisher: string; suggestions: { ja: string[] } };
    expect(await page.locator('.rc-report').innerText()).toBe(report.title);
    expect(await page.locator('.rc-publisher').innerText()).toBe(report.publisher);
    expect(await suggestions.allInnerTexts()).toEqual(report.suggestions.ja);
    // Nothing to start over from yet.
    expect(await page.locator('[data-rag="clear"]').isVisible()).toBe(false);
    expect(await seriousA11yViolations(page, WIDGET)).toEqual([]);

    await suggestions.nth(2).click();
    await answerDone(page, 1);
    expect(chatBodies).toEqual([{ question: report.suggestions.ja[2] }]);
    expect(await suggestions.count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('answers a Japanese question; a citation opens at the highlighted cited sentence with its source links in view', async () => {
    const { page, chatBodies, dialogs, problems, origins } = await openHostPage();
    await page.locator('[data-rag="launcher"]').click();
    await ask(page, JA_QUESTION);
    const answer = await answerDone(page, 1);
    const expected = await chatJson(JA_QUESTION);
    // A long answer reads as short paragraphs, not one block.
    expect(await answer.locator('.rc-body p').count()).toBeGreaterThanOrEqual(expected.answer.length > 240 ? 2 : 1);

    expect(chatBodies[0]).toEqual({ question: JA_QUESTION });
    expect(await answer.getAttribute('lang')).toBe('ja');
    const citations = answer.locator('[data-rag="citation"]');
    expect(await citations.count()).toBeGreaterThanOrEqual(1);
    expect(await seriousA11yViolations(page, WIDGET)).toEqual([]);

    // Sources: one short row per passage, no section breadcrumbs.
    const rows = answer.locator('[data-rag="source"]');
    expect(await rows.count()).toBe(new Set(expected.citations.map((c) => c.id)).size);
    for (const where of await answer.locator('.rc-source-where').allInnerTexts()) expect(where).toMatch(/^(§\d+(-\d+)* · p\.\d+|脚注\d+ · p\.\d+)$/);
    expect(await answer.locator('.rc-sources').innerText()).not.toContain('――');

    const passage = page.locator('[data-rag="passage"]');
    await citations.first().click();
    await expect.poll(() => passage.isVisible()).toBe(true);
    expect(await citations.first().getAttribute('aria-expanded')).toBe('true');
    expect(await passage.locator('h3').innerText()).toMatch(/^出典 \[1\] · (§\d+(-\d+)*|脚注\d+) · p\.\d+$/);
    const quote = passage.locator('[data-rag="quote"]').first();
    expect(await quote.isVisible()).toBe(true);
    expect(squeeze(await quote.innerText())).toBe(squeeze(expected.citations[0]!.quote));
    expect(await quote.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');

    // The footnote's source links sit under the heading, inside the visible passage view.
    const link = passage.locator('[data-rag="footnote-link"]').first();
    expect(await link.isVisible()).toBe(true);
    const [linkBox, passageBox] = await Promise.all([link.boundingBox(), passage.boundingBox()]);
    expect(linkBox!.y).toBeGreaterThanOrEqual(passageBox!.y);
    expect(linkBox!.y + linkBox!.height).toBeLessThanOrEqual(passageBox!.y + passageBox!.height);
    expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await seriousA11yViolations(page, WIDGET)).toEqual([]);

    // Every link in the widget is http(s) and opens apart from the page.
    const links = await page.locator(`${WIDGET} a`).evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('rel'), a.getAttribute('target')]));
    expect(links.length).toBeGreaterThan(0);
    for (const [href, rel, target] of links) {
      expect(href).toMatch(/^https?:\/\//);
      expect([rel, target]).toEqual(['noopener noreferrer', '_blank']);
    }

    // The launcher colour shows the widget styled itself under the host page's strict CSP.
    expect(await page.locator('[data-rag="launcher"]').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(31, 95, 191)');
    // The widget asked nothing of anyone but the API.
    expect([...origins].sort()).toEqual([new URL(host.url).origin, api!.url].sort());
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('folds the rest of the passage around the cited sentence and unfolds it dimmed', async () => {
    const { page } = await openHostPage();
    await page.locator('[data-rag="launcher"]').click();
    await ask(page, EN_QUESTION);
    const answer = await answerDone(page, 1);
    const expected = await chatJson(EN_QUESTION);
    // A citation that quotes one sentence of a longer passage: what comes before or after it is folded.
    const passages = await Promise.all(expected.citations.map(async (c) => squeeze(((await (await fetch(`${api!.url}/api/passages/${c.id}`)).json()) as { text: string }).text)));
    const i = expected.citations.findIndex((c, n) => passages[n]!.length > squeeze(c.quote).length);
    const cited = expected.citations[i]!;
    const full = passages[i]!;
    const at = full.indexOf(squeeze(cited.quote));
    expect(at).toBeGreaterThanOrEqual(0);
    const [before, after] = [at > 0 ? '…' : '', at + squeeze(cited.quote).length < full.length ? '…' : ''];
    await answer.locator(`[data-rag="citation"][data-ref="${cited.ref}"]`).first().click();
    const passage = page.locator('[data-rag="passage"]');
    const original = serverHasEnglishEdition ? passage.locator('.rc-original') : passage;
    if (serverHasEnglishEdition) await passage.locator('[data-rag="original"]').click();
    const excerpt = original.locator('.rc-excerpt').first();
    const folded = await excerpt.innerText();
    expect(squeeze(folded)).toBe(`${before}${squeeze(cited.quote)}${after}`);
    expect(before + after).not.toBe('');
    const more = passage.locator('.rc-context-btn');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    expect(await passage.locator('.rc-context-btn').getAttribute('aria-expanded')).toBe('true');
    const unfolded = await excerpt.innerText();
    expect(unfolded.length).toBeGreaterThan(folded.length + 20);
    const dim = excerpt.locator('.rc-dim').first();
    const [dimColour, quoteColour] = await Promise.all([dim.evaluate((el) => getComputedStyle(el).color), excerpt.locator('[data-rag="quote"]').evaluate((el) => getComputedStyle(el).color)]);
    expect(dimColour).not.toBe(quoteColour);
    expect(await seriousA11yViolations(page, WIDGET)).toEqual([]);
    await page.close();
  });

  it('makes URLs in answers and passages links, with no punctuation left alone on a line', async () => {
    const { page } = await openHostPage(host.url, PHONE);
    await page.locator('[data-rag="launcher"]').click();
    await ask(page, URL_QUESTION);
    const answer = await answerDone(page, 1);
    const link = answer.locator('.rc-body a').first();
    expect(await link.getAttribute('href')).toBe('http://api-docs.deepseek.com/news/news/250120');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await orphanLines(page, '.rc-body p')).toEqual([]);

    await answer.locator('[data-rag="citation"]').first().click();
    expect(await page.locator('[data-rag="passage"] .rc-excerpt a').first().getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await orphanLines(page, '.rc-excerpt')).toEqual([]);
    await page.close();
  });

  it('labels an English answer in English on a Japanese page, and an English page in English throughout', async () => {
    const { page } = await openHostPage();
    await page.locator('[data-rag="launcher"]').click();
    await ask(page, EN_QUESTION);
    const answer = await answerDone(page, 1);
    expect(await answer.getAttribute('lang')).toBe('en');
    expect(await answer.locator('.rc-sources-title').innerText()).toBe('Sources');
    await answer.locator('[data-rag="citation"]').first().click();
    expect(await page.locator('[data-rag="passage"] h3').innerText()).toMatch(/^Source \[1\]/);
    await page.close();

    const en = await openHostPage(host.enUrl);
    await en.page.locator('[data-rag="launcher"]').click();
    const report = (await (await fetch(`${api!.url}/api/report`)).json()) as { titleEn: string; publisherEn: string; suggestions: { en: string[] } };
    await en.page.locator('[data-rag="suggestion"]').first().waitFor();
    expect(await en.page.locator('.rc-report').innerText()).toBe(report.titleEn);
    expect(await en.page.locator('.rc-publisher').innerText()).toBe(report.publisherEn);
    expect(await en.page.locator('[data-rag="suggestion"]').allInnerTexts()).toEqual(report.suggestions.en);
    expect(await en.page.locator('[data-rag="input"]').getAttribute('placeholder')).toMatch(/^Ask a question/);
    await ask(en.page, '日本企業に求められていることは何か？');
    const ja = await answerDone(en.page, 1);
    expect(await ja.getAttribute('lang')).toBe('ja');
    expect(await ja.locator('.rc-sources-title').innerText()).toBe('出典');
    await en.page.close();
  });

  it('shows an English answer from the English edition as an English rendering, with the Japanese original on request', async () => {
    const { page } = await openHostPage(host.url);
    const quote = 'DeepSeekが発表した開発コスト（600万ドル以下）は、トレーニングにかかるコストのみで、GPUの調達やハードウェアの開発、運用といったコストも加えると数十億ドルと、米国のテック企業とそう変わらないとの見方がある。';
    const translation = 'The development cost DeepSeek announced (under $6 million) covers training only; adding GPU procurement, hardware development and operation, some put it at several billion dollars, not so different from US tech companies.';
    const passageText = `${quote}また、モデルの開発にあたり、蒸留と呼ばれる手法において、Open AIが利用規約で禁じた自社データを利用したとされている（https://36kr.jp/328412/）。`;
    const passageTranslation = `${translation} It is also said that, in developing the model, it used OpenAI's data, which OpenAI's terms of use forbid (https://36kr.jp/328412/).`;
    await page.route('**/api/chat', (route) =>
      route.fulfill({
        status: 200,
        headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' },
        body: JSON.stringify({
          answer: 'The $6 million figure covers training only [1]. With hardware and operation, some estimate several billion dollars [1].',
          status: 'answered',
          grounded: true,
          lang: 'en',
          citations: [{ ref: 1, id: 'fn-2', text: passageText, section: '2. China\'s generative AI has developed steadily despite US-China tensions', page: 2, footnotes: [2], quote, translation }],
          footnotes: [{ n: 2, text: passageText, urls: ['https://36kr.jp/328412/'] }],
        }),
      }),
    );
    await page.route('**/api/passages/fn-2', (route) =>
      route.fulfill({
        status: 200,
        headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: 'fn-2', kind: 'footnote', text: passageText, translation: passageTranslation, section: '2――米中対立下でも着実に発展してきた中国の生成 AI', page: 2, footnotes: [], prev: null, next: null }),
      }),
    );
    await page.locator('[data-rag="launcher"]').click();
    await ask(page, 'Is the development cost really under $6 million?');
    const answer = await answerDone(page, 1);
    expect(await answer.getAttribute('lang')).toBe('en');
    expect(await answer.locator('.rc-rendering-note').innerText()).toContain('English rendering');
    expect(await answer.locator('.rc-source-text').innerText()).toBe(translation);
    expect(await answer.locator('.rc-source-where').innerText()).toBe('Footnote 2 · p.2');

    await answer.locator('[data-rag="citation"]').first().click();
    const passage = page.locator('[data-rag="passage"]');
    await expect.poll(() => passage.locator('[data-rag="quote"]').first().innerText()).toBe(translation);
    expect(await passage.locator('.rc-rendering-label').innerText()).toBe('English rendering');
    expect(await passage.locator('.rc-rendering .rc-rendering-note').innerText()).toContain("not the publisher's text");
    // Section names in English: the English one of the two the server gave.
    expect(await passage.locator('.rc-meta').innerText()).toBe('2. China\'s generative AI has developed steadily despite US-China tensions');
    const original = passage.locator('[data-rag="original"]');
    expect(await original.getAttribute('aria-expanded')).toBe('false');
    expect(await passage.locator('.rc-original').isVisible()).toBe(false);
    await original.click();
    expect(await passage.locator('[data-rag="original"]').getAttribute('aria-expanded')).toBe('true');
    const ja = passage.locator('.rc-original');
    expect(await ja.isVisible()).toBe(true);
    expect(await ja.getAttribute('lang')).toBe('ja');
    expect(await ja.locator('[data-rag="quote"]').innerText()).toBe(quote);
    expect(await focusedHook(page)).toBe('original');
    expect(await seriousA11yViolations(page, WIDGET)).toEqual([]);
    await page.close();
  });

  it.skipIf(!serverHasEnglishEdition)('answers an English question in English from the server\'s English edition, with the original on request', async () => {
    const { page } = await openHostPage(host.enUrl);
    await page.locator('[data-rag="launcher"]').click();
    await ask(page, EN_QUESTION);
    const answer = await answerDone(page, 1);
    const expected = await chatJson(EN_QUESTION);
    expect(japaneseShare(await answer.locator('.rc-body').innerText())).toBeLessThan(0.1);
    expect(await answer.locator('.rc-rendering-note').isVisible()).toBe(true);
    await answer.locator('[data-rag="citation"]').first().click();
    const passage = page.locator('[data-rag="passage"]');
    expect(squeeze(await passage.locator('[data-rag="quote"]').first().innerText())).toBe(squeeze(expected.citations[0]!.translation!));
    expect(japaneseShare(await passage.locator('.rc-meta').innerText())).toBe(0);
    await passage.locator('[data-rag="original"]').click();
    expect(squeeze(await passage.locator('.rc-original [data-rag="quote"]').first().innerText())).toBe(squeeze(expected.citations[0]!.quote));
    expect(await seriousA11yViolations(page, WIDGET)).toEqual([]);
    await page.close();
  });

  it('shows a typing indicator while waiting, then the answer a whole sentence at a time', async () => {
    const answerText = '一つ目の文は、ここで終わる。二つ目の文も、ここで終わる。三つ目の文で、回答は終わる。';
    const slow = await serveSlowApi(api!.url, answerText);
    const { page } = await openHostPage(`${host.url}?api=${encodeURIComponent(slow.url)}`);
    await page.locator('[data-rag="launcher"]').click();
    // Record every text the answer shows while it streams.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const root = document.querySelector('[data-report-chat]')!.shadowRoot!;
      new MutationObserver(() => {
        const body = root.querySelector('[data-rag="answer"] .rc-body');
        const text = body?.querySelector('.rc-typing') ? '' : (body?.textContent ?? '');
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(root, { subtree: true, childList: true, characterData: true });
    });
    await ask(page, '三つの文で答えて');
    const typing = page.locator('[data-rag="answer"] .rc-typing');
    await typing.waitFor();
    expect(await typing.isVisible()).toBe(true);
    await answerDone(page, 1);
    expect(await typing.count()).toBe(0);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen).toEqual(['一つ目の文は、ここで終わる。', '一つ目の文は、ここで終わる。二つ目の文も、ここで終わる。', answerText]);
    await page.close();
    slow.server.closeAllConnections();
    slow.server.close();
  });

  it('keeps the conversation and its citations across a reload, sends them with a follow-up, and starts over on request', async () => {
    const { page, chatBodies } = await openHostPage();
    await page.locator('[data-rag="launcher"]').click();
    await ask(page, JA_QUESTION);
    const first = await answerDone(page, 1);
    const firstText = squeeze(await first.innerText());

    await page.reload();
    const restored = await answerDone(page, 1);
    expect(await page.locator('[role="dialog"]').isVisible()).toBe(true);
    expect(squeeze(await restored.innerText())).toBe(firstText);
    // Scrolled to the latest exchange, as it was.
    await expect.poll(() => page.locator('.rc-log').evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(2);
    expect(await page.locator('.rc-user').innerText()).toContain(JA_QUESTION);
    await restored.locator('[data-rag="citation"]').first().click();
    expect(await page.locator('[data-rag="passage"] [data-rag="quote"]').first().isVisible()).toBe(true);

    await ask(page, EN_FOLLOW_UP);
    await answerDone(page, 2);
    const expected = await chatJson(JA_QUESTION);
    const history = chatBodies[1]?.history ?? [];
    expect(history).toEqual([
      { role: 'user', content: JA_QUESTION },
      { role: 'assistant', content: expected.answer, citations: [...new Set(expected.citations.map((c) => c.id))] },
    ]);

    await page.locator('[data-rag="clear"]').click();
    expect(await page.locator('[data-rag="answer"]').count()).toBe(0);
    expect(await page.locator('[data-rag="suggestion"]').count()).toBeGreaterThan(0);
    expect(await focusedHook(page)).toBe('input');
    const keptTurns = () => page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('report-chat:')).map((k) => (JSON.parse(sessionStorage.getItem(k)!) as { turns: unknown[] }).turns.length));
    expect(await keptTurns()).toEqual([0]);
    await page.reload();
    await page.locator('[data-rag="suggestion"]').first().waitFor();
    expect(await page.locator('[data-rag="answer"]').count()).toBe(0);
    await ask(page, JA_QUESTION);
    await answerDone(page, 1);
    expect(chatBodies.at(-1)).toEqual({ question: JA_QUESTION });
    await page.close();
  });

  it('keeps long conversations under the body limit; a 413 is explained and Retry sends less', async () => {
    const { page, rawBodies } = await openHostPage();
    await page.locator('[data-rag="launcher"]').click();
    const long = (i: number) => `${i}番目の質問です。${'中国の生成AIの発展と、米中対立の下での開発費やGPUの調達、日本企業への影響について詳しく知りたい。'.repeat(36)}`.slice(0, 1990);
    for (let i = 1; i <= 13; i++) {
      await page.evaluate((q) => window.ReportChat!.ask(q), long(i));
    }
    expect(await page.locator('[data-rag="answer"]').count()).toBe(13);
    expect(await page.locator('[data-rag="error"]').count()).toBe(0);
    const sizes = rawBodies.map(utf8Bytes);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(65_536);
    // Twelve long exchanges are over 64 KiB: the first request that cannot carry them all leaves out the oldest.
    const bodies = rawBodies.map((b) => JSON.parse(b) as ChatBody);
    const trimmed = bodies.findIndex((b, i) => (b.history?.length ?? 0) < 2 * i);
    expect(trimmed).toBeGreaterThan(1);
    expect(bodies[trimmed]!.history?.[0]?.content.startsWith('2番目')).toBe(true);
    expect(sizes[trimmed]).toBeGreaterThan(55_000);

    // A server with a lower limit than the default refuses the next request.
    await page.route('**/api/chat', (route) =>
      utf8Bytes(route.request().postData() ?? '') > 20_000
        ? route.fulfill({ status: 413, headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' }, body: '{"error":{"code":"payload_too_large","message":"request body is larger than 20000 bytes"}}' })
        : route.continue(),
    );
    await ask(page, '日本への影響は？');
    const error = page.locator('[data-rag="error"]');
    await error.waitFor();
    expect(await error.innerText()).toContain('会話が長すぎて');
    const sent = rawBodies.length;
    await error.locator('[data-rag="retry"]').click();
    // The retry is one more request; the answers already on screen say nothing of whether it was sent.
    await expect.poll(() => rawBodies.length).toBe(sent + 1);
    await answerDone(page, await page.locator('[data-rag="answer"]').count());
    expect(await error.count()).toBe(0);
    const [refused, retried] = rawBodies.slice(-2).map(utf8Bytes);
    expect(refused).toBeGreaterThan(20_000);
    expect(retried).toBeLessThanOrEqual(20_000);
    await page.close();
  });

  it('fills a phone screen, hides the launcher while open, respects safe areas and keeps the input above the keyboard', async () => {
    // In dark mode, so axe also judges the dark colours.
    const { page } = await openHostPage(host.enUrl, { ...PHONE, colorScheme: 'dark' });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets: { top: 47, bottom: 34, left: 0, right: 0 } });
    const launcher = page.locator('[data-rag="launcher"]');
    await launcher.click();
    const panel = page.locator('[role="dialog"]');
    expect(await panel.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    expect(await launcher.isVisible()).toBe(false);
    const padding = (selector: string, side: string) => page.locator(selector).evaluate((el, s) => getComputedStyle(el).getPropertyValue(`padding-${s}`), side);
    expect(await padding('.rc-header', 'top')).toBe('57px');
    expect(await padding('.rc-form', 'bottom')).toBe('44px');
    await page.locator('[data-rag="suggestion"]').first().waitFor();
    expect(await seriousA11yViolations(page, WIDGET)).toEqual([]);

    await ask(page, EN_QUESTION);
    const answer = await answerDone(page, 1);
    await answer.locator('[data-rag="citation"]').first().click();
    expect(await page.locator('[data-rag="passage"] [data-rag="quote"]').first().isVisible()).toBe(true);
    expect(await seriousA11yViolations(page, WIDGET)).toEqual([]);
    await page.keyboard.press('Escape');

    // The on-screen keyboard shrinks the visual viewport to 500 px: the input stays above it.
    await page.evaluate(() => {
      Object.defineProperty(window.visualViewport, 'height', { configurable: true, get: () => 500 });
      window.visualViewport!.dispatchEvent(new Event('resize'));
    });
    const input = await page.locator('[data-rag="input"]').boundingBox();
    expect(input!.y + input!.height).toBeLessThanOrEqual(500);
    expect(input!.y).toBeGreaterThan(300);

    await page.locator('.rc-header [aria-label="Close"]').click();
    expect(await launcher.isVisible()).toBe(true);
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
        body: JSON.stringify({ answer: '', status: 'not_in_report', grounded: false, lang: 'ja', citations: [], footnotes: [] }),
      }),
    );
    await page.locator('[data-rag="launcher"]').click();
    await ask(page, '東京の明日の天気は？');
    const answer = await answerDone(page, 1);
    expect(await answer.locator('.rc-notice').innerText()).toBe('レポートには記載がありません');
    // An answer without text still says so in words.
    expect(await answer.locator('.rc-body').innerText()).toContain('答える記述が見当たりません');
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
    expect(notes[0]).toBe('Written by a language model from the sources below');
    expect(notes[1]).toContain('7 billion');
    expect(await answer.locator('[data-rag="citation"]').count()).toBe(1);
    await page.close();
  });

  it('runs the demo page under script-src self: a suggested question asks the widget', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.route(`${api!.url}/`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'" } });
    });
    const response = await page.goto(`${api!.url}/`);
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
    await api!.stop();
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
