import { describe, expect, it } from 'vitest';
import type { Passage } from '../types';
import { chooseSentences, decide, discussed, readerDefaults, statusOf } from './decide';
import type { Candidate } from './features';
import type { ReaderModel } from './model';
import type { Reading } from './reading';
import type { Sentence } from './sentences';

const passage = (id: string): Passage => ({ id, kind: 'body', text: 'x', section: '', page: 1, footnotes: [], order: 0 });
const candidate = (order: number, score: number, id = 'p1', ja = '港は栄えた。'): Candidate => ({ sentence: { order, ja, passage: passage(id) } as Sentence, rank: 0, coverage: 0, typed: false, features: {} as Candidate['features'], score });

describe('chooseSentences', () => {
  it('leads with the best sentence, then close ones in reading order, at most the maximum', () => {
    const list = [candidate(5, 0.6), candidate(9, 0.2), candidate(1, 0.15), candidate(3, 0.01)];
    expect(chooseSentences(list, 3).map((c) => c.sentence.order)).toEqual([5, 1, 9]);
    expect(chooseSentences(list, 1).map((c) => c.sentence.order)).toEqual([5]);
  });

  it('takes a weaker sentence when it is the best one\'s neighbour in the same passage', () => {
    const list = [candidate(5, 0.9), candidate(6, 0.05), candidate(20, 0.05)];
    expect(chooseSentences(list, 3, { ...readerDefaults, companionShare: 0.5, neighbourShare: 0.05 }).map((c) => c.sentence.order)).toEqual([5, 6]);
  });

  it('leaves out a weak neighbour that moves on to a new point (このほか、…, In addition, …)', () => {
    const options = { ...readerDefaults, companionShare: 0.5, neighbourShare: 0.05 };
    for (const opening of ['このほか、漁業の町も問われている。', 'In addition, the town built a bridge.']) {
      const list = [candidate(5, 0.9), candidate(6, 0.05, 'p1', opening)];
      expect(chooseSentences(list, 3, options).map((c) => c.sentence.order), opening).toEqual([5]);
    }
    // Nor is the best sentence's predecessor kept when the best one itself moves on.
    expect(chooseSentences([candidate(5, 0.9, 'p1', '他方、港は縮んだ。'), candidate(4, 0.05)], 3, options).map((c) => c.sentence.order)).toEqual([5]);
  });
});

describe('chooseSentences and the questions a report asks itself', () => {
  it('leads with the sentence that answers, not the question the report asks itself before it', () => {
    const asks = candidate(5, 0.8, 'p1', '町は港とどう向き合えばよいだろうか。');
    const answer = candidate(6, 0.07, 'p1', '町は港の拡張を進めるべきだ。');
    expect(chooseSentences([asks, answer, candidate(20, 0.01)], 3).map((c) => c.sentence.order)).toEqual([6]);
    // With nothing close behind it, the question stays: an answer is never empty.
    expect(chooseSentences([asks, candidate(20, 0.01)], 3).map((c) => c.sentence.order)).toEqual([5]);
  });
});

describe('chooseSentences and figures', () => {
  it("keeps a chart's title out of the answer beside a better sentence, but lets it answer when it is best, and keeps a table's cells", () => {
    const figure = (id: string, text: string): Passage => ({ id, kind: 'figure', text, section: '', page: 1, footnotes: [], order: 0 });
    const title = { ...candidate(7, 0.3), sentence: { order: 7, ja: '（図表 1）港別の貨物量', passage: figure('f1', '（図表 1）港別の貨物量') } as Sentence };
    const table = { ...candidate(8, 0.3), sentence: { order: 8, ja: '東湾港 | 120', passage: figure('f2', '港 | 貨物量\n東湾港 | 120') } as Sentence };
    expect(chooseSentences([candidate(5, 0.6), title, table], 3).map((c) => c.sentence.order)).toEqual([5, 8]);
    expect(chooseSentences([title, candidate(5, 0.3)], 3).map((c) => c.sentence.order)).toEqual([7, 5]);
  });
});

describe('decide', () => {
  const model: ReaderModel = {
    version: 1,
    sentence: { features: ['coverage'], mean: [0], scale: [1], weights: [1], bias: 0 },
    decision: { features: ['topicCoverage'], classes: ['answered', 'not_stated', 'not_in_report'], mean: [0.5], scale: [0.1], weights: [[3], [0], [-3]], bias: [0, 1, 0] },
    trainedOn: {},
  };
  const reading = (topic: number, candidates: Candidate[]) => ({ candidates, features: { topicCoverage: topic } }) as unknown as Reading;

  it('takes the most probable status, and cites nothing when the report does not discuss it', () => {
    const list = [candidate(1, 0.9), candidate(2, 0.1)];
    expect(decide(reading(0.9, list), model).status).toBe('answered');
    expect(decide(reading(0.5, list), model).status).toBe('not_stated');
    expect(decide(reading(0.5, list), model).chosen.length).toBeGreaterThan(0);
    const off = decide(reading(0.1, list), model);
    expect(off.status).toBe('not_in_report');
    expect(off.chosen).toEqual([]);
  });

  it('answers only when answering is more likely than declining at all, then takes the likelier decline', () => {
    expect(statusOf({ answered: 0.44, not_stated: 0.29, not_in_report: 0.27 })).toBe('not_stated');
    expect(statusOf({ answered: 0.44, not_stated: 0.2, not_in_report: 0.36 })).toBe('not_in_report');
    expect(statusOf({ answered: 0.5, not_stated: 0.3, not_in_report: 0.2 })).toBe('answered');
    // The decline can be read from other probabilities than the answer.
    expect(statusOf({ answered: 0.2, not_stated: 0.5, not_in_report: 0.3 }, { answered: 0.9, not_stated: 0.01, not_in_report: 0.09 })).toBe('not_in_report');
  });

  it('decides whether an English question is answered with the English model, and which decline with the full one', () => {
    // The English model weighs only unseenTerms; the full one would answer anything with a high topic coverage.
    const english: ReaderModel = { ...model, englishDecision: { features: ['unseenTerms'], classes: ['answered', 'not_stated', 'not_in_report'], mean: [0.5], scale: [0.1], weights: [[-3], [0], [3]], bias: [0, 1, 0] } };
    const list = [candidate(1, 0.9), candidate(2, 0.1)];
    const read = (lang: 'ja' | 'en', topic: number, unseenTerms: number) => ({ candidates: list, lang, features: { topicCoverage: topic, unseenTerms } }) as unknown as Reading;
    expect(decide(read('ja', 0.9, 0.9), english).status).toBe('answered');
    expect(decide(read('en', 0.9, 0.9), english).status).not.toBe('answered');
    expect(decide(read('en', 0.9, 0.1), english).status).toBe('answered');
    // Declined by the English model; the full model finds the topic absent.
    expect(decide(read('en', 0.1, 0.9), english).status).toBe('not_in_report');
    expect(decide(read('en', 0.5, 0.9), english).status).toBe('not_stated');
  });

  it('answers a question on whether or how something stands when the report discusses its topic at all', () => {
    const list = [candidate(1, 0.9), candidate(2, 0.1)];
    const asked = (topic: number, discussion: boolean, lang: 'ja' | 'en' = 'ja') => ({ candidates: list, lang, discussion, features: { topicCoverage: topic } }) as unknown as Reading;
    // Where a value question is "not stated", nothing of a question on how things stand is missing.
    expect(decide(asked(0.5, false), model).status).toBe('not_stated');
    expect(decide(asked(0.5, true), model).status).toBe('answered');
    expect(decide(asked(0.1, true), model).status).toBe('not_in_report');
    expect(discussed({ answered: 0.2, not_stated: 0.35, not_in_report: 0.45 })).toBe('answered');
    expect(discussed({ answered: 0.2, not_stated: 0.2, not_in_report: 0.6 })).toBe('not_in_report');
    // The word-level English model keeps both declines.
    const english: ReaderModel = { ...model, englishDecision: model.decision };
    expect(decide(asked(0.5, true, 'en'), english).status).toBe('not_stated');
  });

  it('declines when there is nothing to read', () => {
    expect(decide(reading(0.9, []), model).status).toBe('not_in_report');
  });
});
