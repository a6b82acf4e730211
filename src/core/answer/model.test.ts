import { describe, expect, it } from 'vitest';
import { parseReaderModel, sentenceLogit, sentenceProbabilities, statusProbabilities, type ReaderModel } from './model';

const model = (): ReaderModel => ({
  version: 1,
  sentence: { features: ['a', 'b'], mean: [1, 0], scale: [2, 1], weights: [1, -1], bias: 0.5 },
  decision: { features: ['a'], classes: ['answered', 'not_stated', 'not_in_report'], mean: [0], scale: [1], weights: [[2], [0], [-2]], bias: [0, 0, 0] },
  trainedOn: {},
});

describe('reader model', () => {
  it('standardises each named feature before weighing it', () => {
    // z = 0.5 + 1·((3 − 1)/2) − 1·(0.5 − 0)/1 = 1
    expect(sentenceLogit(model().sentence, { a: 3, b: 0.5 })).toBeCloseTo(1, 10);
  });

  it("shares a question's probability among its candidate sentences", () => {
    const p = sentenceProbabilities(model().sentence, [{ a: 3, b: 0.5 }, { a: 1, b: 0.5 }, { a: 1, b: 2 }]);
    expect(p.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
    expect(p[0]).toBeGreaterThan(p[1]!);
    expect(p[1]).toBeGreaterThan(p[2]!);
    expect(p[0]! / p[1]!).toBeCloseTo(Math.E, 10);
  });

  it('gives status probabilities that sum to one and follow the weights', () => {
    const high = statusProbabilities(model().decision, { a: 2 });
    const low = statusProbabilities(model().decision, { a: -2 });
    expect(high.answered + high.not_stated + high.not_in_report).toBeCloseTo(1, 12);
    expect(high.answered).toBeGreaterThan(0.9);
    expect(low.not_in_report).toBeGreaterThan(0.9);
  });

  it('fails loudly on a feature the reader did not compute', () => {
    expect(() => sentenceLogit(model().sentence, { a: 1 })).toThrow(/feature b missing/);
  });

  it('refuses a weights file whose vectors do not match its features', () => {
    const bad = model();
    bad.sentence.weights = [1];
    expect(() => parseReaderModel(bad)).toThrow(/1 values for 2 features/);
    expect(() => parseReaderModel({ ...model(), version: 2 })).toThrow();
    expect(parseReaderModel(model()).decision.classes).toEqual(['answered', 'not_stated', 'not_in_report']);
    // The English decision is checked the same way.
    const english = { ...model().decision, weights: [[1], [0]] };
    expect(() => parseReaderModel({ ...model(), englishDecision: english })).toThrow(/englishDecision needs one weight row/);
    expect(parseReaderModel({ ...model(), englishDecision: model().decision }).englishDecision?.features).toEqual(['a']);
  });
});
