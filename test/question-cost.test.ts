/**
 * What a question costs grows no faster than its length: for every costly shape (one long
 * word, many short words, long digit, kana and kanji runs), a question four times as long costs
 * at most about six times as much to answer and to search — and so does a follow-up whose earlier
 * turns are that long. Ratios, not wall-clock bounds; each
 * figure is the fastest of a few fresh questions, so other work on the machine matters less.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { costlyQuestions } from '../scripts/bench-questions-worst';
import { collectAnswer, createEngine, type QaEngine } from '../src/core/engine';
import { buildIndex } from '../src/core/ingest/build-index';
import { openCorpusData } from '../src/core/ingest/index-data';
import { createHashEmbedder } from '../src/core/search/hash-embedder';
import { MemoryVectorSearch } from '../src/core/search/memory-vectors';
import { readCorpus } from '../src/node/corpus';
import { languageResources } from '../src/node/language-resources';
import { repoRoot } from './helpers/corpus';

/** Most a question 4× as long may cost, as a multiple of the shorter one's cost. */
const MAX_RATIO = 6;
/** Below this a batch's time is mostly noise: shorter batches count as taking this long. */
const FLOOR_MS = 5;

let engine: QaEngine;
beforeAll(async () => {
  const [corpus, resources] = await Promise.all([readCorpus(resolve(repoRoot, 'test/fixtures/india-semiconductor')), languageResources()]);
  const index = await buildIndex({ ...corpus, resources }, createHashEmbedder());
  engine = createEngine({
    passages: index.passages,
    footnotes: index.report.footnotes,
    ...openCorpusData(index.data),
    embedder: createHashEmbedder(),
    vectors: new MemoryVectorSearch(index.passages.map((p, i) => ({ id: p.id, vector: index.vectors[i]! }))),
  });
  await collectAnswer(engine.chat({ question: '半導体の投資額は？', history: [] }));
});

let seed = 0;
type Shape = (length: number, seed: number) => string;

/** Fresh questions timed together: one question's time is too short to tell from a pause of the machine. */
const BATCH = 3;
/** Batches timed: the fastest counts, so a moment when other work had the machine does not. */
const TRIALS = 5;

/** The fastest of TRIALS batches of fresh questions of this shape and length, each answered, then searched. */
async function cost(shape: Shape, length: number, trials = TRIALS): Promise<number> {
  return fastest(trials, async () => {
    for (let i = 0; i < BATCH; i++) {
      const question = shape(length, ++seed);
      await collectAnswer(engine.chat({ question, history: [] }));
      await engine.search(question, 5);
    }
  });
}

/** The same for a short follow-up whose earlier turns (the reader's and the answer) have this shape and length. */
async function followUpCost(shape: Shape, length: number, trials = TRIALS): Promise<number> {
  return fastest(trials, async () => {
    for (let i = 0; i < BATCH; i++) {
      const history = [
        { role: 'user' as const, content: shape(length, ++seed) },
        { role: 'assistant' as const, content: shape(length, ++seed) },
      ];
      await collectAnswer(engine.chat({ question: 'その理由は？', history }));
      await engine.search('その理由は？', 5, history);
    }
  });
}

async function fastest(trials: number, work: () => Promise<void>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < trials; i++) {
    const started = performance.now();
    await work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe.each([
  ['a question grows with its length', cost],
  ['a follow-up grows with the length of the turns before it', followUpCost],
] as const)('the cost of %s, not faster', (_what, measure) => {
  it.each(Object.entries(costlyQuestions))('%s: 4× the length costs at most 6× the time', async (_name, shape) => {
    await measure(shape, 500, 1);
    const short = await measure(shape, 500);
    const long = await measure(shape, 2000);
    expect(long, `${short.toFixed(1)} ms for 3 questions of 500 characters, ${long.toFixed(1)} ms of 2,000`).toBeLessThanOrEqual(MAX_RATIO * Math.max(short, FLOOR_MS));
  });
});
