/**
 * Logistic and softmax regression by full-batch gradient descent on standardised features, with
 * L2 regularisation: a few dozen lines of our own rather than a package, because the models are
 * small (a few thousand rows, under twenty features), the fit must be bit-for-bit reproducible
 * (no random initialisation or shuffling: weights start at zero), and the result must be the
 * plain weight vectors the reader evaluates in `src/core/answer/model.ts`.
 */
import type { LinearModel, SoftmaxModel } from '../../src/core/answer/model';
import type { AnswerStatus } from '../../src/core/types';

export interface FitOptions {
  iterations: number;
  learningRate: number;
  l2: number;
  /** Softmax only: weigh each class to count equally (true), or as often as it occurs (false). */
  balanced?: boolean;
}

export const fitDefaults: FitOptions = { iterations: 1500, learningRate: 0.5, l2: 1e-3 };

type Row = Readonly<Record<string, number>>;

function standardise(rows: readonly Row[], features: readonly string[]): { mean: number[]; scale: number[]; x: Float64Array[] } {
  const mean = features.map((f) => rows.reduce((s, r) => s + r[f]!, 0) / rows.length);
  const scale = features.map((f, j) => Math.sqrt(rows.reduce((s, r) => s + (r[f]! - mean[j]!) ** 2, 0) / rows.length) || 1);
  const x = rows.map((r) => Float64Array.from(features, (f, j) => (r[f]! - mean[j]!) / scale[j]!));
  return { mean, scale, x };
}

/** Binary logistic regression; `weight` lets a row count more (class balance). */
export function fitLogistic(rows: readonly Row[], labels: readonly boolean[], features: readonly string[], options: FitOptions = fitDefaults, weight?: readonly number[]): LinearModel {
  const { mean, scale, x } = standardise(rows, features);
  const w = new Float64Array(features.length);
  let b = 0;
  const total = weight ? weight.reduce((a, c) => a + c, 0) : rows.length;
  for (let it = 0; it < options.iterations; it++) {
    const g = new Float64Array(features.length);
    let gb = 0;
    for (let i = 0; i < x.length; i++) {
      const xi = x[i]!;
      let z = b;
      for (let j = 0; j < w.length; j++) z += w[j]! * xi[j]!;
      const err = (1 / (1 + Math.exp(-z)) - (labels[i] ? 1 : 0)) * (weight?.[i] ?? 1);
      for (let j = 0; j < w.length; j++) g[j]! += err * xi[j]!;
      gb += err;
    }
    for (let j = 0; j < w.length; j++) w[j]! -= options.learningRate * (g[j]! / total + options.l2 * w[j]!);
    b -= options.learningRate * (gb / total);
  }
  return { features: [...features], mean, scale, weights: [...w], bias: b };
}

/** Multinomial (softmax) regression over the answer statuses; with `balanced`, each class counts equally. */
export function fitSoftmax(rows: readonly Row[], labels: readonly AnswerStatus[], features: readonly string[], classes: readonly AnswerStatus[], options: FitOptions = fitDefaults): SoftmaxModel {
  const { mean, scale, x } = standardise(rows, features);
  const K = classes.length;
  const counts = classes.map((c) => labels.filter((l) => l === c).length);
  const classWeight = counts.map((n) => (n === 0 ? 0 : options.balanced ? rows.length / (K * n) : 1));
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

/**
 * Listwise (conditional logit) regression: each group is one question's candidate sentences, and
 * the weights make the gold ones the most probable within their group — what picking the answer
 * sentence needs, rather than a probability for each sentence on its own. Groups without a gold
 * candidate teach nothing and are skipped.
 */
export function fitListwise(groups: readonly { x: readonly Row[]; gold: readonly boolean[] }[], features: readonly string[], options: FitOptions = fitDefaults): LinearModel {
  const usable = groups.filter((g) => g.gold.some(Boolean));
  const { mean, scale, x } = standardise(usable.flatMap((g) => g.x), features);
  const w = new Float64Array(features.length);
  for (let it = 0; it < options.iterations; it++) {
    const g = new Float64Array(features.length);
    let at = 0;
    for (const group of usable) {
      const rows = x.slice(at, at + group.x.length);
      at += group.x.length;
      const z = rows.map((r) => r.reduce((s, v, j) => s + v * w[j]!, 0));
      const top = Math.max(...z);
      const e = z.map((v) => Math.exp(v - top));
      const sum = e.reduce((a, c) => a + c, 0);
      const golds = group.gold.filter(Boolean).length;
      rows.forEach((r, i) => {
        const err = e[i]! / sum - (group.gold[i] ? 1 / golds : 0);
        for (let j = 0; j < w.length; j++) g[j]! += err * r[j]!;
      });
    }
    for (let j = 0; j < w.length; j++) w[j]! -= options.learningRate * (g[j]! / usable.length + options.l2 * w[j]!);
  }
  return { features: [...features], mean, scale, weights: [...w], bias: 0 };
}
