import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embedSnippet, escapeHtml, renderDemoPage } from './demo-page';

const reportText = readFileSync(new URL('../../corpus/deepseek-shock-china-nli-2025.txt', import.meta.url), 'utf8');
// The report's first heading, as the page would show it.
const reportTitle = (reportText.split('\n').find((l) => l.trim()) ?? '').trim().replace(/^1――/, '');

const suggestions = {
  ja: ['DeepSeekの開発費は本当に600万ドル以下なのか？', '米国はいつからAIを政策の重点に位置づけたか？'],
  en: ['Is the development cost of DeepSeek really under $6 million?', 'Since when has the United States treated AI as a policy priority?'],
};

/**
 * Attribute names of every start tag. Values are double-quoted and escaped by the page,
 * so a quoted value cannot hide a `>` or a second attribute.
 */
function attributeNames(html: string): string[] {
  const names: string[] = [];
  for (const tag of html.matchAll(/<[a-z][a-z0-9-]*((?:\s+[^\s=>"]+(?:="[^"]*")?)*)\s*\/?>/gi))
    for (const attr of (tag[1] ?? '').matchAll(/\s+([^\s=>"]+)(?:="[^"]*")?/g)) names.push(attr[1]!.toLowerCase());
  return names;
}

describe('renderDemoPage', () => {
  const html = renderDemoPage({ title: reportTitle, publisher: 'ニッセイ基礎研究所', suggestions });

  it('is a complete Japanese UTF-8 page with a viewport that lets the widget see the safe areas', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('<meta charset="utf-8">');
    // viewport-fit=cover: on notched phones the full-screen panel reads env(safe-area-inset-*).
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('shows the report title, publisher and a description in both languages', () => {
    expect(reportTitle).toContain('DeepSeek-R1');
    expect(html).toContain(`<h1>${escapeHtml(reportTitle)}</h1>`);
    expect(html).toContain('ニッセイ基礎研究所');
    expect(html).toMatch(/日本語または英語で質問/);
    expect(html).toMatch(/lang="en">Ask this report questions in Japanese or English/);
  });

  it('embeds the widget exactly as a third party would', () => {
    expect(html).toContain('<script src="/widget.js" data-api="" defer></script>');
    const custom = renderDemoPage({ title: 't', suggestions, scriptSrc: 'https://cdn.example/widget.js', apiBase: 'https://api.example' });
    expect(custom).toContain('<script src="https://cdn.example/widget.js" data-api="https://api.example" defer></script>');
  });

  it('lists the suggestions in both languages as data-rag-ask buttons', () => {
    for (const q of [...suggestions.ja, ...suggestions.en]) expect(html).toContain(`data-rag-ask="${escapeHtml(q)}">${escapeHtml(q)}</button>`);
    expect(html).toContain('<ul class="asks" lang="ja">');
    expect(html).toContain('<ul class="asks" lang="en">');
  });

  it('shows the embed snippet as text', () => {
    expect(html).toContain('&lt;script src=&quot;https://HOST/widget.js&quot; data-api=&quot;https://HOST&quot; defer&gt;&lt;/script&gt;');
    const withOrigin = renderDemoPage({ title: 't', suggestions, origin: 'https://chat.example.org/' });
    expect(withOrigin).toContain('&lt;script src=&quot;https://chat.example.org/widget.js&quot; data-api=&quot;https://chat.example.org&quot;');
  });

  it('has no inline script and no inline event handlers, so it runs under script-src self', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts).toHaveLength(1);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\ssrc="/);
      expect(body?.trim()).toBe('');
    }
    const names = attributeNames(html);
    expect(names).toContain('data-rag-ask');
    expect(names.filter((n) => n.startsWith('on'))).toEqual([]);
    expect(html).not.toMatch(/javascript:/i);
  });

  it('escapes every interpolated value', () => {
    const evil = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
    const page = renderDemoPage({ title: evil, publisher: evil, suggestions: { ja: [evil], en: [evil] }, scriptSrc: evil, apiBase: evil, origin: evil });
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('<img');
    expect(attributeNames(page).filter((n) => n.startsWith('on') || n === 'src=x')).toEqual([]);
    expect(page.match(/<script\b/g)).toHaveLength(1);
    expect(page).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('embedSnippet', () => {
  it('makes relative script and API paths absolute under the public origin', () => {
    expect(embedSnippet({ origin: 'https://h.example', scriptSrc: '/widget.js', apiBase: '' })).toBe('<script src="https://h.example/widget.js" data-api="https://h.example" defer></script>');
    expect(embedSnippet({ origin: 'https://h.example', scriptSrc: 'widget.js', apiBase: '/report' })).toBe('<script src="https://h.example/widget.js" data-api="https://h.example/report" defer></script>');
  });
});

describe('the demo page of a library', () => {
  it('scopes the widget to the report and lists the library when there are several', async () => {
    const { renderDemoPage } = await import('./demo-page');
    const page = renderDemoPage({ title: 'T', suggestions: { ja: [], en: [] }, report: 'b', reports: [{ id: 'a', title: 'A<' }, { id: 'b', title: 'B', published: '2024-01-01' }] });
    expect(page).toContain('<script src="/widget.js" data-api="" data-report="b" defer></script>');
    expect(page).toContain('<a href="/?report=b" aria-current="page">B（2024-01-01）</a>');
    expect(page).toContain('<a href="/?report=a">A&lt;</a>');
    expect(page).toContain('<a href="/?report=*">');
    const single = renderDemoPage({ title: 'T', suggestions: { ja: [], en: [] }, reports: [{ id: 'a', title: 'A' }] });
    expect(single).not.toContain('<nav');
    expect(single).not.toContain('data-report="');
  });
});
