/**
 * Softmax regression by full-batch gradient descent and listwise regression by Newton's method,
 * on standardised features with L2 regularisation. Our own code rather than a package: the models
 * are small (a few dozen features), the fit must be bit-for-bit reproducible (no random start or
 * shuffling: weights start at zero), and the result must be the plain weight vectors the reader
 * evaluates in `src/core/answer/model.ts`.
 */
import type { LinearModel, SoftmaxModel } from '../../src/core/answer/model';
import type { AnswerStatus } from '../../src/core/types';

export interface FitOptions {
  iterations: number;
  learningRate: number;
  l2: number;
  /**
   * Softmax only: how far each class is weighed toward counting equally — 0 as often as it occurs,
   * 1 every class equally, 0.5 by the square root of its rarity (the usual compromise).
   */
  classBalance?: number;
}

export const fitDefaults: FitOptions = { iterations: 1500, learningRate: 0.5, l2: 1e-3 };

type Row = Readonly<Record<string, number>>;

function standardise(rows: readonly Row[], features: readonly string[]): { mean: number[]; scale: number[]; x: Float64Array[] } {
  const mean = features.map((f) => rows.reduce((s, r) => s + r[f]!, 0) / rows.length);
  const scale = features.map((f, j) => Math.sqrt(rows.reduce((s, r) => s + (r[f]! - mean[j]!) ** 2, 0) / rows.length) || 1);
  const x = rows.map((r) => Float64Array.from(features, (f, j) => (r[f]! - mean[j]!) / scale[j]!));
  return { mean, scale, x };
}

/** Multinomial (softmax) regression over the answer statuses; `classBalance` weighs rarer classes up. */
export function fitSoftmax(rows: readonly Row[], labels: readonly AnswerStatus[], features: readonly string[], classes: readonly AnswerStatus[], options: FitOptions = fitDefaults): SoftmaxModel {
  const { mean, scale, x } = standardise(rows, features);
  const K = classes.length;
  const counts = classes.map((c) => labels.filter((l) => l === c).length);
  const classWeight = counts.map((n) => (n === 0 ? 0 : (rows.length / (K * n)) ** (options.classBalance ?? 0)));
  const y = labels.map((l) => classes.indexOf(l));
  const W = classes.map(() => new Float64Array(features.length));
  const B = new Float64Array(K);
  for (let it = 0; it < options.iterations; it++) {
    const G = classes.map(() => new Float64Array(features.length));
    const GB = new Float64Array(K);
    for (let i = 0; i < x.length; i++) {
      const xi = x[i]!;
      const z = W.map((w, k) => w.reduce((s, wj, j) => s + wj * xi[j]!, B[k]!));
      const top = Math.max(...z);
      const e = z.map((v) => Math.exp(v - top));
      const sum = e.reduce((a, c) => a + c, 0);
      const cw = classWeight[y[i]!]!;
      for (let k = 0; k < K; k++) {
        const err = (e[k]! / sum - (k === y[i] ? 1 : 0)) * cw;
        const gk = G[k]!;
        for (let j = 0; j < xi.length; j++) gk[j]! += err * xi[j]!;
        GB[k]! += err;
      }
    }
    for (let k = 0; k < K; k++) {
      const w = W[k]!;
      for (let j = 0; j < w.length; j++) w[j]! -= options.learningRate * (G[k]![j]! / x.length + options.l2 * w[j]!);
      B[k]! -= options.learningRate * (GB[k]! / x.length);
    }
  }
  return { features: [...features], classes: [...classes], mean, scale, weights: W.map((w) => [...w]), bias: [...B] };
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small: one row per weight). */
export function solve(A: readonly Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const m = A.map((row, i) => Float64Array.from([...row, b[i]!]));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    if (Math.abs(p) < 1e-12) throw new Error('the fit is singular: a feature is constant or repeats another');
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / p;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return Float64Array.from({ length: n }, (_, i) => m[i]![n]! / m[i]![i]!);
}

/**
 * Damped Newton steps from zero. `pass` returns the mean loss at `w` (plus the L2 term added
 * here) and, when given arrays, adds its gradient and Hessian sums to them; each step is halved
 * until the loss goes down, so a step into a flat, saturated region cannot run away.
 */
function newton(size: number, l2: number, maxSteps: number, pass: (w: Float64Array, g?: Float64Array, H?: Float64Array[]) => { n: number; loss: number }): Float64Array {
  let w = new Float64Array(size);
  const objective = (v: Float64Array) => {
    const { loss } = pass(v);
    return loss + (l2 / 2) * v.reduce((s, x) => s + x * x, 0);
  };
  let current = objective(w);
  for (let it = 0; it < maxSteps; it++) {
    const g = new Float64Array(size);
    const H = Array.from({ length: size }, () => new Float64Array(size));
    const { n } = pass(w, g, H);
    for (let j = 0; j < size; j++) {
      g[j] = g[j]! / n + l2 * w[j]!;
      for (let k = 0; k < size; k++) H[j]![k] = H[j]![k]! / n + (j === k ? l2 : 0);
    }
    const delta = solve(H, g);
    let t = 1;
    let next = w.map((x, j) => x - delta[j]!);
    let value = objective(next);
    while (value > current && t > 1e-6) {
      t /= 2;
      next = w.map((x, j) => x - t * delta[j]!);
      value = objective(next);
    }
    const moved = Math.max(...delta.map((d) => Math.abs(t * d)));
    if (value > current) break;
    w = next;
    current = value;
    if (moved < 1e-6) break;
  }
  return w;
}

/**
 * Listwise (conditional logit) regression: each group is one question's candidate sentences, and
 * the weights make the gold ones the most probable within their group — what picking the answer
 * sentence needs, rather than a probability for each sentence on its own. Fitted by Newton's
 * method (the features are correlated, so plain gradient steps converge slowly and unevenly).
 * Groups without a gold candidate teach nothing and are skipped.
 */
export function fitListwise(groups: readonly { x: readonly Row[]; gold: readonly boolean[] }[], features: readonly string[], options: FitOptions = fitDefaults): LinearModel {
  const usable = groups.filter((g) => g.gold.some(Boolean));
  const { mean, scale, x } = standardise(usable.flatMap((g) => g.x), features);
  const d = features.length;
  const w = newton(d, options.l2, options.iterations, (w, g, H) => {
    let at = 0;
    let loss = 0;
    for (const group of usable) {
      const rows = x.slice(at, at + group.x.length);
      at += group.x.length;
      const z = rows.map((r) => r.reduce((s, v, j) => s + v * w[j]!, 0));
      const top = Math.max(...z);
      const e = z.map((v) => Math.exp(v - top));
      const sum = e.reduce((a, c) => a + c, 0);
      const golds = group.gold.filter(Boolean).length;
      // Cross-entropy against the gold candidates, shared equally (what the gradient below is of).
      group.gold.forEach((gold, i) => {
        if (gold) loss -= Math.log(e[i]! / sum) / golds;
      });
      if (!g || !H) continue;
      const mu = new Float64Array(d);
      rows.forEach((r, i) => {
        const p = e[i]! / sum;
        const err = p - (group.gold[i] ? 1 / golds : 0);
        for (let j = 0; j < d; j++) {
          g[j]! += err * r[j]!;
          mu[j]! += p * r[j]!;
          for (let k = 0; k < d; k++) H[j]![k]! += p * r[j]! * r[k]!;
        }
      });
      for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) H[j]![k]! -= mu[j]! * mu[k]!;
    }
    return { n: usable.length, loss: loss / usable.length };
  });
  return { features: [...features], mean, scale, weights: [...w], bias: 0 };
}
