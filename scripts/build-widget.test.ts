import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildWidget, GZIP_BUDGET_BYTES, WIDGET_OUTFILE } from './build-widget';

describe('buildWidget', () => {
  it('writes one self-contained, minified IIFE within the gzip budget', async () => {
    const { code, bytes, gzipBytes } = await buildWidget();
    expect(await readFile(WIDGET_OUTFILE, 'utf8')).toBe(code);
    expect(bytes).toBe(Buffer.byteLength(code));
    expect(gzipBytes).toBeGreaterThan(0);
    expect(gzipBytes).toBeLessThanOrEqual(GZIP_BUDGET_BYTES);
    expect(code.startsWith('"use strict";(()=>{')).toBe(true);
    // Minified: long lines (the only line breaks left are inside the stylesheet string).
    expect(code.length / code.split('\n').length).toBeGreaterThan(300);
    expect(code).not.toMatch(/\/\*|^\s*\/\/ /m);
    // Self-contained: no module syntax, no loading of other code, no CDN.
    expect(code).not.toMatch(/\bimport\s*\(|\brequire\(|^import\s|^export\s|importScripts/m);
    const urls = code.match(/https?:\/\/[^"'`\s)]+/g) ?? [];
    expect(urls.filter((u) => !u.startsWith('http://www.w3.org/'))).toEqual([]);
    // Pure ASCII, so a host page's charset cannot garble the Japanese strings.
    expect(/^[\x00-\x7f]*$/.test(code)).toBe(true);
    // Server and user text only ever goes in as text.
    expect(code).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});
