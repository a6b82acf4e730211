import { describe, expect, it } from 'vitest';
import { sentenceProbabilities, statusProbabilities } from '../../src/core/answer/model';
import type { AnswerStatus } from '../../src/core/types';
import { fitListwise, fitSoftmax, solve } from './logistic';

describe('fitSoftmax', () => {
  it('separates three classes and weighs a rare class as much as a common one', () => {
    const rows = [...Array.from({ length: 60 }, (_, i) => ({ v: -3 + (i % 10) / 10 })), ...Array.from({ length: 6 }, (_, i) => ({ v: i / 10 })), ...Array.from({ length: 30 }, (_, i) => ({ v: 3 + (i % 10) / 10 }))];
    const labels = rows.map((r): AnswerStatus => (r.v < -1 ? 'not_in_report' : r.v < 1 ? 'not_stated' : 'answered'));
    const m = fitSoftmax(rows, labels, ['v'], ['answered', 'not_stated', 'not_in_report'], { iterations: 3000, learningRate: 0.5, l2: 1e-4, classBalance: 1 });
    const top = (v: number) => Object.entries(statusProbabilities(m, { v })).sort((a, b) => b[1] - a[1])[0]![0];
    expect(top(-3)).toBe('not_in_report');
    expect(top(0.2)).toBe('not_stated');
    expect(top(3.5)).toBe('answered');
  });
});

describe('fitListwise', () => {
  it('learns which candidate of each group is the gold one, whatever the groups\' overall level', () => {
    // In every group the gold candidate has the highest `a` of its group, but groups differ in level.
    const groups = Array.from({ length: 30 }, (_, g) => ({ x: [0, 1, 2].map((i) => ({ a: g + i * 0.5, b: (g * 3 + i) % 4 })), gold: [false, false, true] }));
    const m = fitListwise(groups, ['a', 'b']);
    for (const g of groups) {
      const p = sentenceProbabilities(m, g.x);
      expect(p.indexOf(Math.max(...p))).toBe(2);
    }
  });
});

describe('solve', () => {
  it('solves a small system that needs pivoting, and refuses a singular one', () => {
    const x = solve([Float64Array.from([0, 2, 1]), Float64Array.from([1, 1, 0]), Float64Array.from([3, 0, 1])], Float64Array.from([5, 3, 4]));
    expect([...x].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([1, 2, 1]);
    expect(() => solve([Float64Array.from([1, 2]), Float64Array.from([2, 4])], Float64Array.from([1, 2]))).toThrow(/singular/);
  });
});
