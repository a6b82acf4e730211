/**
 * The reader's learned models, as data: a listwise linear model that says which of a question's
 * candidate sentences answers it, and
 * a softmax model that decides answered / not_stated / not_in_report from the question's reading.
 * Both standardise their named features with the training set's mean and scale, so the weights
 * file says everything that was learned. `npm run train` writes it. Web APIs only.
 */
import { z } from 'zod';
import { ANSWER_STATUSES, type AnswerStatus } from '../types';

const linearSchema = z.object({
  features: z.array(z.string()).min(1),
  mean: z.array(z.number()),
  scale: z.array(z.number().positive()),
  weights: z.array(z.number()),
  bias: z.number(),
});

const softmaxSchema = z.object({
  features: z.array(z.string()).min(1),
  classes: z.array(z.enum(ANSWER_STATUSES)).length(ANSWER_STATUSES.length),
  mean: z.array(z.number()),
  scale: z.array(z.number().positive()),
  weights: z.array(z.array(z.number())),
  bias: z.array(z.number()),
});

export const readerModelSchema = z.object({
  version: z.literal(1),
  sentence: linearSchema,
  decision: softmaxSchema,
  /** The decision for questions read on whole English words (see `WORD_DECISION_FEATURES`). */
  englishDecision: softmaxSchema.optional(),
  /** What the weights were learned from and how well they did on held-out articles. */
  trainedOn: z.record(z.string(), z.unknown()),
});
export type LinearModel = z.infer<typeof linearSchema>;
export type SoftmaxModel = z.infer<typeof softmaxSchema>;
export type ReaderModel = z.infer<typeof readerModelSchema>;

/** Checks a weights file: every vector as long as its feature list, so a stale file fails loudly. */
export function parseReaderModel(json: unknown): ReaderModel {
  const m = readerModelSchema.parse(json);
  const lengths = (name: string, f: number, ...vs: number[][]) => {
    for (const v of vs) if (v.length !== f) throw new Error(`reader model: ${name} has ${v.length} values for ${f} features`);
  };
  lengths('sentence', m.sentence.features.length, m.sentence.mean, m.sentence.scale, m.sentence.weights);
  for (const [name, d] of [['decision', m.decision], ['englishDecision', m.englishDecision]] as const) {
    if (!d) continue;
    lengths(name, d.features.length, d.mean, d.scale, ...d.weights);
    if (d.weights.length !== d.classes.length || d.bias.length !== d.classes.length) throw new Error(`reader model: ${name} needs one weight row and bias per class`);
  }
  return m;
}

/** A feature the model was trained with but the reader did not compute is a programming error. */
function value(x: Readonly<Record<string, number>>, name: string): number {
  const v = x[name];
  if (v === undefined) throw new Error(`reader model: feature ${name} missing`);
  return v;
}

function linear(features: readonly string[], mean: readonly number[], scale: readonly number[], weights: readonly number[], bias: number, x: Readonly<Record<string, number>>): number {
  let z = bias;
  for (let i = 0; i < features.length; i++) z += weights[i]! * ((value(x, features[i]!) - mean[i]!) / scale[i]!);
  return z;
}

/** How strongly the sentence model favours one sentence (a logit). */
export function sentenceLogit(m: LinearModel, x: Readonly<Record<string, number>>): number {
  return linear(m.features, m.mean, m.scale, m.weights, m.bias, x);
}

/** Probability that each of a question's candidate sentences is the one that answers it (they sum to one). */
export function sentenceProbabilities(m: LinearModel, xs: readonly Readonly<Record<string, number>>[]): number[] {
  const z = xs.map((x) => sentenceLogit(m, x));
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** Probability of each status. */
export function statusProbabilities(m: SoftmaxModel, x: Readonly<Record<string, number>>): Record<AnswerStatus, number> {
  const z = m.classes.map((_, k) => linear(m.features, m.mean, m.scale, m.weights[k]!, m.bias[k]!, x));
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const sum = e.reduce((a, b) => a + b, 0);
  const out = { answered: 0, not_stated: 0, not_in_report: 0 };
  m.classes.forEach((c, k) => (out[c] = e[k]! / sum));
  return out;
}
