import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

const attrs = (values: Record<string, string>) => (name: string) => values[name] ?? null;

describe('readConfig', () => {
  it('defaults the API to the origin the script was served from', () => {
    const c = readConfig(attrs({}), 'https://chat.example.org/widget.js', 'https://blog.example.com/post/1');
    expect(c).toEqual({ apiBase: 'https://chat.example.org', lang: null, title: null, accent: null, position: 'bottom-right', report: null });
  });

  it('treats an empty data-api like an absent one', () => {
    expect(readConfig(attrs({ 'data-api': '' }), '/widget.js', 'http://127.0.0.1:8787/').apiBase).toBe('http://127.0.0.1:8787');
  });

  it('uses data-api, resolved against the page, without a trailing slash', () => {
    const page = 'https://blog.example.com/a/b';
    expect(readConfig(attrs({ 'data-api': 'https://api.example.net/' }), null, page).apiBase).toBe('https://api.example.net');
    expect(readConfig(attrs({ 'data-api': '/report/' }), null, page).apiBase).toBe('https://blog.example.com/report');
  });

  it('ignores a data-api that is not http(s)', () => {
    expect(readConfig(attrs({ 'data-api': 'javascript:alert(1)' }), 'https://h.example/widget.js', 'https://p.example/').apiBase).toBe('https://h.example');
  });

  it('reads title, accent, language and position', () => {
    const c = readConfig(
      attrs({ 'data-title': ' 報告書に質問 ', 'data-accent': '#0a7', 'data-lang': 'en', 'data-position': 'bottom-left' }),
      'https://h.example/widget.js',
      'https://h.example/',
    );
    expect(c).toMatchObject({ title: '報告書に質問', accent: '#0a7', lang: 'en', position: 'bottom-left' });
  });

  it('falls back to bottom-right for unknown positions and to null for blank values', () => {
    const c = readConfig(attrs({ 'data-position': 'top-left', 'data-title': '  ', 'data-accent': '' }), null, 'https://h.example/');
    expect(c).toMatchObject({ position: 'bottom-right', title: null, accent: null });
  });

  it('reads data-report as a report id or * for the whole library, and ignores anything else', () => {
    const report = (value: string) => readConfig(attrs({ 'data-report': value }), '/widget.js', 'https://h.example/').report;
    expect(report('rice-2024')).toBe('rice-2024');
    expect(report(' * ')).toBe('*');
    for (const bad of ['', '../x', 'Rice', 'a/b', 'x'.repeat(80)]) expect(report(bad), bad).toBeNull();
  });
});
