import { describe, expect, it } from 'vitest';
import { buildFootnotes } from './parse-footnotes';
import type { RawFootnote } from './parse-lines';

const raw = (n: number, ...texts: string[]): RawFootnote => ({ n, page: 1, lines: texts.map((text) => ({ text, trailingSpace: false, page: 1 })) });

describe('buildFootnotes', () => {
  it('joins lines, rejoining a URL broken across them', () => {
    const [f] = buildFootnotes([raw(3, '解説.『ITmedia』. https://www.itmedia.co.jp/aiplus/articles/2502/07/ne', 'ws151_3.html.）。')], 'trailing-space');
    expect(f).toEqual({
      n: 3,
      text: '解説.『ITmedia』. https://www.itmedia.co.jp/aiplus/articles/2502/07/news151_3.html.）。',
      urls: ['https://www.itmedia.co.jp/aiplus/articles/2502/07/news151_3.html'],
      page: 1,
    });
  });

  it('drops bare lines that repeat an earlier footnote URL', () => {
    const url = 'https://www.reuters.com/technology/a-2025-02-05/';
    const notes = buildFootnotes([raw(16, '報道（Reuters. https://www.reuters.', 'com/technology/a-2025-02-05/.）。'), raw(19, '川島（2025）', url, url)], 'trailing-space');
    expect(notes[0]?.urls).toEqual([url]);
    expect(notes[1]).toEqual({ n: 19, text: '川島（2025）', urls: [], page: 1 });
  });

  it('keeps a bare URL line that is new, and one that continues a broken URL', () => {
    const notes = buildFootnotes([raw(1, '出典：', 'https://example.org/a-'), raw(2, '別の出典：', 'https://example.org/b')], 'trailing-space');
    expect(notes.map((n) => n.urls)).toEqual([['https://example.org/a-'], ['https://example.org/b']]);
  });
});
