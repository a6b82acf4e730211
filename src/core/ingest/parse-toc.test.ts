import { describe, expect, it } from 'vitest';
import { scanLines, type ScanEvent } from './parse-lines';
import { parseReport } from './parse';

const headings = (events: ScanEvent[]) => events.flatMap((e) => (e.kind === 'heading' ? [e.title] : e.kind === 'line' ? [`line:${e.line.text}`] : []));
const page = (...printed: string[]) => printed.flatMap((l) => [l, '']).join('\n');

describe('withoutTableOfContents', () => {
  it('drops a table of contents that repeats the headings before the body', () => {
    const text = page(
      ' ■要旨 ',
      '新NISAの利用は広がった。 ',
      '■目次 ',
      '1――はじめに ',
      '2――利用状況 ',
      '1|口座数 ',
      '3――おわりに ',
      ' ',
      '1――はじめに ',
      '本文。 ',
      '2――利用状況 ',
      '1|口座数 ',
      '口座は増えた。 ',
      '3――おわりに ',
      '結び。 ',
    );
    expect(headings(scanLines(text).events)).toEqual([
      'line:■要旨',
      'line:新NISAの利用は広がった。',
      '1――はじめに',
      'line:本文。',
      '2――利用状況',
      '1|口座数',
      'line:口座は増えた。',
      '3――おわりに',
      'line:結び。',
    ]);
    const r = parseReport(text);
    expect(r.sections.map((s) => s.title)).toEqual(['1――はじめに', '2――利用状況', '1|口座数', '3――おわりに']);
    expect(r.blocks.find((b) => b.text === '新NISAの利用は広がった。')?.section).toEqual([]);
  });

  it('keeps headings in a row that the body does not repeat', () => {
    const text = page(' 1――はじめに ', '2――本論 ', '本文。 ');
    expect(headings(scanLines(text).events)).toEqual(['1――はじめに', '2――本論', 'line:本文。']);
  });
});
