import { describe, expect, it } from 'vitest';
import { linkifyFootnote, linkifyText, safeLinkHref } from './urls';

describe('safeLinkHref', () => {
  it('accepts absolute http and https URLs from the report footnotes', () => {
    expect(safeLinkHref('https://36kr.jp/328412/')).toBe('https://36kr.jp/328412/');
    expect(safeLinkHref(' http://api-docs.deepseek.com/news/news/250120 ')).toBe('http://api-docs.deepseek.com/news/news/250120');
  });

  it('rejects other schemes, relative and malformed URLs', () => {
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', 'file:///etc/passwd', '//evil.example/x', '/relative', 'not a url', ''])
      expect(safeLinkHref(bad)).toBeNull();
  });
});

describe('linkifyFootnote', () => {
  it('links each URL where it stands in the footnote text', () => {
    const text = '「DeepSeek真相」（『36Kr Japan』2025年2月7日、https://36kr.jp/328412/）';
    expect(linkifyFootnote(text, ['https://36kr.jp/328412/'])).toEqual([
      { kind: 'text', text: '「DeepSeek真相」（『36Kr Japan』2025年2月7日、' },
      { kind: 'link', text: 'https://36kr.jp/328412/', href: 'https://36kr.jp/328412/' },
      { kind: 'text', text: '）' },
    ]);
  });

  it('keeps non-http URLs as plain text and appends URLs missing from the text', () => {
    const segments = linkifyFootnote('see javascript:alert(1) and more', ['javascript:alert(1)', 'https://example.org/a']);
    expect(segments).toEqual([
      { kind: 'text', text: 'see javascript:alert(1) and more' },
      { kind: 'text', text: ' ' },
      { kind: 'link', text: 'https://example.org/a', href: 'https://example.org/a' },
    ]);
  });

  it('gives just the links when there is no text', () => {
    // In the footnote's own order, whatever the URLs' lengths.
    expect(linkifyFootnote('', ['https://a.example/1', 'https://a.example/longer'])).toEqual([
      { kind: 'link', text: 'https://a.example/1', href: 'https://a.example/1' },
      { kind: 'text', text: ' ' },
      { kind: 'link', text: 'https://a.example/longer', href: 'https://a.example/longer' },
    ]);
  });

  it('does not link a URL twice when one contains another', () => {
    const text = 'A https://a.example/x/long B https://a.example/x C';
    const links = linkifyFootnote(text, ['https://a.example/x/long', 'https://a.example/x']).filter((s) => s.kind === 'link');
    expect(links.map((l) => l.text)).toEqual(['https://a.example/x/long', 'https://a.example/x']);
    const reversed = linkifyFootnote(text, ['https://a.example/x', 'https://a.example/x/long']).filter((s) => s.kind === 'link');
    expect(reversed.map((l) => l.text)).toEqual(['https://a.example/x/long', 'https://a.example/x']);
    const rebuilt = linkifyFootnote(text, ['https://a.example/x/long', 'https://a.example/x']).map((s) => s.text).join('');
    expect(rebuilt).toBe(text);
  });
});

describe('linkifyText', () => {
  const links = (text: string) => linkifyText(text).filter((s) => s.kind === 'link').map((s) => s.text);

  it('links URLs written inline in Japanese text, leaving the punctuation after them as text', () => {
    const text = '（『36Kr Japan』2025年 2月 7日、https://36kr.jp/328412/）、「DeepSeek」（https://www.nikkei.com/article/DGXZQOGN293P40Z20C25A1000000/））。';
    expect(links(text)).toEqual(['https://36kr.jp/328412/', 'https://www.nikkei.com/article/DGXZQOGN293P40Z20C25A1000000/']);
    expect(linkifyText(text).map((s) => s.text).join('')).toBe(text);
    expect(linkifyText('2024年 3月 27日。https://vdata.nikkei.com/newsgraphics/economic-security-in-data_vol3/.）。').at(-1)).toEqual({ kind: 'text', text: '.）。' });
  });

  it('keeps balanced brackets and drops trailing sentence punctuation in English text', () => {
    expect(links('See https://en.wikipedia.org/wiki/Gini_(index), then http://a.example/x.')).toEqual(['https://en.wikipedia.org/wiki/Gini_(index)', 'http://a.example/x']);
    expect(links('(source: https://a.example/p)')).toEqual(['https://a.example/p']);
  });

  it('links nothing but http(s)', () => {
    expect(links('javascript:alert(1) data:text/html,x ftp://a.example https:// plain')).toEqual([]);
    expect(linkifyText('no links here')).toEqual([{ kind: 'text', text: 'no links here' }]);
    expect(linkifyText('')).toEqual([]);
  });
});
