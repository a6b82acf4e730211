import { describe, expect, it } from 'vitest';
import type { Passage } from '../types';
import { moreAbout } from './more';
import { SentenceIndex } from './sentences';

describe('more about what was shown', () => {
  const text = [
    '重要なのは、農村戸籍を持つ人々への対応だ。戸籍の種類は出生地で分かれる。戸籍制度改革が課題となる。',
    'このほか、民営企業をどう位置づけるかも問われている。民営企業家との座談会も開かれた。',
  ].join('\n');
  const passages: Passage[] = [{ id: 'p1', order: 0, kind: 'body', text, section: '5 › 1｜課題', page: 1, footnotes: [] }];
  const index = new SentenceIndex(passages);
  const [need, kinds, reform, nextTopic] = index.of(passages[0]!);

  it('stays on the subject of what was shown: what led up to it, not the next paragraph’s topic', () => {
    const more = moreAbout([reform!], index, () => false);
    expect(more).toEqual([need, kinds]);
    expect(more).not.toContain(nextTopic);
  });

  it('stops reading on where the report turns to another topic (このほか、…), even when it shares a word', () => {
    const onward = [
      '港の戸籍は出生地で分かれる。港の戸籍制度改革が課題となる。戸籍の手続きは役場で行う。',
      'このほか、戸籍とは別に港の民営企業をどう位置づけるかも問われている。民営企業家との座談会も開かれた。',
    ].join('\n');
    const ps: Passage[] = [{ id: 'q', order: 0, kind: 'body', text: onward, section: '5 › 1｜課題', page: 1, footnotes: [] }];
    const idx = new SentenceIndex(ps);
    const [origin, reform2, office, besides] = idx.of(ps[0]!);
    const more = moreAbout([origin!], idx, () => false);
    expect(more).toEqual([reform2, office]);
    expect(more).not.toContain(besides);
  });

  it('does not add again what an earlier answer of the conversation showed', () => {
    const more = moreAbout([kinds!], index, () => false, (s) => s === need);
    expect(more).not.toContain(need);
    expect(more).toContain(reform);
  });

  it("keeps to the conversation's question once it has read on: sentences naming its words, where else the report has them", () => {
    const ps: Passage[] = [
      { id: 'a', order: 0, kind: 'body', text: '港の漁業は衰えた。港の漁業には補助金が出ている。', section: '1｜漁業', page: 1, footnotes: [] },
      { id: 'b', order: 1, kind: 'body', text: '観光客は増えた。観光の補助金も増えた。', section: '2｜観光', page: 1, footnotes: [] },
      { id: 'c', order: 2, kind: 'body', text: '漁業の後継者は減っている。', section: '3｜人口', page: 1, footnotes: [] },
    ];
    const idx = new SentenceIndex(ps);
    const [decline, subsidy] = idx.of(ps[0]!);
    const [successors] = idx.of(ps[2]!);
    // The conversation asked about fishing and has read the fishing section: more is fishing elsewhere, not the tourism subsidy.
    const more = moreAbout([subsidy!], idx, () => false, (s) => s === decline, ['漁業', '衰え']);
    expect(more).toEqual([successors]);
  });

  it('does not offer again, as "more", the sentence a shown one points back to when the reader has read it', () => {
    const ps: Passage[] = [{ id: 'a', order: 0, kind: 'body', text: '港の漁業は衰えた。これは町でもよく論じられている。', section: '1｜漁業', page: 1, footnotes: [] }];
    const idx = new SentenceIndex(ps);
    const [decline, discussed] = idx.of(ps[0]!);
    expect(discussed!.antecedent).toBe(decline);
    expect(moreAbout([discussed!], idx, () => false, (s) => s === decline)).toEqual([]);
  });

  it('adds what follows on the same subject first', () => {
    expect(moreAbout([need!], index, () => false)).toEqual([kinds, reform]);
  });

  it('reads on in every section an answer quoted, and leaves out the questions the report asks itself', () => {
    const sections: Passage[] = [
      { id: 'a', order: 0, kind: 'body', text: '港湾の貿易は伸びた。港湾の拡張が続く。港湾の混雑も増えた。', section: '1｜港', page: 1, footnotes: [] },
      { id: 'b', order: 1, kind: 'body', text: '漁業は漁場を失う。漁業をどう守るべきだろうか。漁業の支援が求められる。', section: '2｜漁業', page: 1, footnotes: [] },
    ];
    const two = new SentenceIndex(sections);
    const [trade, expansion, crowding] = two.of(sections[0]!);
    const [loss, asks, support] = two.of(sections[1]!);
    const more = moreAbout([trade!, loss!], two, () => false);
    expect(more).toEqual(expect.arrayContaining([expansion, support]));
    expect(more).not.toContain(asks);
    expect(more.length).toBeLessThanOrEqual(3);
    expect(more).toContain(crowding);
  });

  it('does not offer a sentence that only announces what follows, and reads on in the same section where no sentence shares a word with what was shown', () => {
    const section: Passage[] = [{ id: 'c', order: 0, kind: 'body', text: '港町の経済は観光が支える。具体的には以下のような効果が想定される。宿の稼働率が上がった。雇用も増えた。', section: '3｜効果', page: 1, footnotes: [] }];
    const idx = new SentenceIndex(section);
    const [economy, announces, rooms, jobs] = idx.of(section[0]!);
    const more = moreAbout([economy!], idx, () => false);
    expect(more).not.toContain(announces);
    expect(more).toEqual([rooms, jobs]);
  });

  it('adds first what an answer skipped between the sentences it quoted from one section', () => {
    expect(moreAbout([need!, reform!], index, () => false)[0]).toBe(kinds);
  });

  it('adds a skipped sentence only after one the reader saw, so none opens on what they never read', () => {
    const four: Passage[] = [{ id: 'q', order: 0, kind: 'body', text: '港湾の貿易は伸びた。港湾の混雑は住民を悩ます。そうした港湾の混雑は対策を要する。港湾の拡張が続く。', section: '1｜港', page: 1, footnotes: [] }];
    const idx = new SentenceIndex(four);
    const [trade, crowding, measures, expansion] = idx.of(four[0]!);
    // The answer showed the first and the last: the second continues the first; the third only the second.
    expect(moreAbout([trade!, expansion!], idx, () => false).slice(0, 2)).toEqual([crowding, measures]);
    expect(moreAbout([trade!, measures!, expansion!], idx, () => false)[0]).toBe(crowding);
    // A sentence on another subject between them breaks the run: what follows it is not added alone.
    const aside: Passage[] = [{ id: 'r', order: 0, kind: 'body', text: '港湾の貿易は伸びた。住民は悩む。そうした港湾の混雑は対策を要する。港湾の拡張が続く。', section: '1｜港', page: 1, footnotes: [] }];
    const idx2 = new SentenceIndex(aside);
    const [first, , dangling, last] = idx2.of(aside[0]!);
    expect(moreAbout([first!, last!], idx2, () => false)).not.toContain(dangling);
  });

  it('adds a sentence set against the one before it (他方、…) only together with that one', () => {
    const text = '港湾の利用には慎重さが要る。他方、港湾の開放には利点もある。港湾の将来は明るい。港湾の拡張が続く。港湾の雇用も増える。';
    const p: Passage[] = [{ id: 's', order: 0, kind: 'body', text, section: '1｜港', page: 1, footnotes: [] }];
    const idx = new SentenceIndex(p);
    const [caution, contrast, future, expansion, jobs] = idx.of(p[0]!);
    // Two follow what was shown; one place is left, too few for the contrast and what it is set against.
    expect(moreAbout([future!], idx, () => false)).toEqual([caution, expansion, jobs]);
    expect(moreAbout([future!, expansion!, jobs!], idx, () => false)).toEqual([caution, contrast]);
  });
});
