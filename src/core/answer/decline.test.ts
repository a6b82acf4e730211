import { describe, expect, it } from 'vitest';
import { Library } from '../library';
import type { Passage } from '../types';
import { notStated } from './decline';
import { SentenceIndex } from './sentences';

/** A made-up report of one sentence that cites no footnote. */
const text = '観光客は夏に多く、冬には少ない。';
const passages: Passage[] = [{ id: 'p1', order: 0, kind: 'body', text, section: '1 観光', page: 1, footnotes: [] }];
const library = new Library(passages, []);
const [sentence] = new SentenceIndex(passages).of(passages[0]!);

describe('not stated', () => {
  it('says the source asked for is not there, then what the report does say, in either language', () => {
    const ja = notStated({ kind: 'source' }, [sentence!], { lang: 'ja', library });
    expect(ja).toMatchObject({ status: 'not_stated', grounded: false });
    expect(ja.answer).toBe('このレポートには、お尋ねの記述の出典は見当たりません。関連する記述：観光客は夏に多く、冬には少ない。[1]');
    expect(notStated({ kind: 'source' }, [], { lang: 'en', library }).answer).toMatch(/^The report gives no source for what you ask about\./);
  });

  it('names the kind of value or the term that is missing', () => {
    expect(notStated({ kind: 'term', term: 'GPT-5' }, [], { lang: 'en', library }).answer).toMatch(/^The report says nothing about "GPT-5"\./);
    expect(notStated({ kind: 'type', expected: { type: 'count' } }, [sentence!], { lang: 'ja', library }).answer).toMatch(/^このレポートには、お尋ねの数は書かれていません。関連する記述：/);
  });
});
