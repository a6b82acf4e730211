/**
 * npm run train: learns the reader's two models from the public question sets in the repository
 * and writes them to src/core/answer/reader-weights.json. Deterministic: a fixed split by article,
 * weights fitted from zero by full-batch gradient descent. Prints validation figures (articles
 * not trained on) beside the BM25 sentence baseline; training figures are never reported.
 *   --check   fit and print, but leave the committed weights as they are
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SENTENCE_FEATURES } from '../src/core/answer/features';
import { parseReaderModel, type ReaderModel } from '../src/core/answer/model';
import { DECISION_FEATURES, WORD_DECISION_FEATURES, scoreReading, type CandidateReading } from '../src/core/answer/reading';
import { ANSWER_STATUSES, type AnswerStatus } from '../src/core/types';
import { formatFigures, measureCases } from './eval/public';
import { engineWith, markdownParts } from './train/article-engine';
import { casesOf, loadPublicSets, splitSettings } from './train/cases';
import { fitDefaults, fitListwise, fitSoftmax } from './train/logistic';
import { squash, unanswerable, wholeArticle, type Case } from './train/public-sets';

/** Newton steps for the listwise fit (it stops earlier once a step barely moves the weights). */
const listwiseFit = { ...fitDefaults, iterations: 30 };

const WEIGHTS = resolve(import.meta.dirname, '../src/core/answer/reader-weights.json');

/** A model that knows nothing yet: every sentence and status equally likely (the starting point). */
function untrained(): ReaderModel {
  const zeros = (n: number) => Array.from({ length: n }, () => 0);
  const ones = (n: number) => Array.from({ length: n }, () => 1);
  return {
    version: 1,
    sentence: { features: [...SENTENCE_FEATURES], mean: zeros(SENTENCE_FEATURES.length), scale: ones(SENTENCE_FEATURES.length), weights: zeros(SENTENCE_FEATURES.length), bias: 0 },
    decision: { features: [...DECISION_FEATURES], classes: [...ANSWER_STATUSES], mean: zeros(DECISION_FEATURES.length), scale: ones(DECISION_FEATURES.length), weights: ANSWER_STATUSES.map(() => zeros(DECISION_FEATURES.length)), bias: zeros(ANSWER_STATUSES.length) },
    trainedOn: {},
  };
}

interface Example {
  reading: CandidateReading;
  expected: AnswerStatus;
  gold: string[];
}

/** Reads every training question once: its candidate sentences and features, before any model weighs them. */
async function collect(cases: readonly Case[]): Promise<Example[]> {
  const out: Example[] = [];
  for (const c of cases) {
    const engine = engineWith(await markdownParts(c.markdown), untrained());
    for (const q of c.questions) {
      const { reading } = await engine.explain(q.question);
      if (reading) out.push({ reading, expected: q.expected, gold: q.answers.map(squash) });
    }
  }
  return out;
}

const started = Date.now();
const check = process.argv.includes('--check');
const sets = await loadPublicSets();
const { train, validation } = sets.jsquad;
const trainCases = casesOf(train, train);
const count = (cases: readonly Case[]) => cases.reduce((n, c) => n + c.questions.length, 0);
console.log(`JSQuAD: ${train.length} training articles (${count(trainCases)} questions with near misses and off-topic), ${validation.length} validation articles; SQuAD 2.0: ${sets.squad.length} article, validation only`);

const examples = await collect(trainCases);
// Which sentence answers: every candidate of an answerable question, labelled by whether it holds a gold span.
const answerable = examples.filter((e) => e.expected === 'answered');
const groups = answerable.map((e) => ({ x: e.reading.candidates.map((c) => c.features), gold: e.reading.candidates.map((c) => e.gold.some((g) => squash(c.sentence.ja).includes(g))) }));
const sentence = fitListwise(groups, SENTENCE_FEATURES, listwiseFit);
const sentenceRows = groups.flatMap((g) => g.gold);
console.log(`sentence model: ${groups.length} questions, ${sentenceRows.length} candidate sentences, ${sentenceRows.filter(Boolean).length} hold a gold span`);
// The decision, read with the sentence model just learned.
const scored = examples.map((e) => scoreReading(e.reading, { ...untrained(), sentence }).features);
const labels = examples.map((e) => e.expected);
const decision = fitSoftmax(scored, labels, DECISION_FEATURES, ANSWER_STATUSES);
const englishDecision = fitSoftmax(scored, labels, WORD_DECISION_FEATURES, ANSWER_STATUSES);
const byStatus = Object.fromEntries(ANSWER_STATUSES.map((s) => [s, labels.filter((y) => y === s).length]));
console.log(`decision model: ${scored.length} questions ${JSON.stringify(byStatus)}`);

const trainedOn = {
  sets: ['JSQuAD v1.3 validation split (Yahoo Japan, CC BY-SA 4.0)', 'SQuAD 2.0 (Rajpurkar et al., CC BY-SA 4.0): held out'],
  split: { ...splitSettings, trainArticles: train.map((a) => a.title), validationArticles: validation.map((a) => a.title) },
  rows: { sentenceQuestions: groups.length, sentences: sentenceRows.length, questions: scored.length, ...byStatus },
  fit: { sentence: listwiseFit, decision: fitDefaults },
};
const model = parseReaderModel({ version: 1, sentence, decision, englishDecision, trainedOn });

// Validation: articles never trained on, with the full engine, beside the baseline.
const jsquadFigures = await measureCases(casesOf(validation, validation), model);
console.log(`\n${formatFigures(`JSQuAD validation (${validation.length} articles not trained on)`, jsquadFigures)}`);
const squadFigures = await measureCases(sets.squad.flatMap((a) => [wholeArticle(a), unanswerable(a)]), model);
console.log(`\n${formatFigures('SQuAD 2.0 (held out)', squadFigures)}`);

if (!check) {
  await writeFile(WEIGHTS, `${JSON.stringify(model, null, 1)}\n`);
  console.log(`\nwrote ${WEIGHTS.replace(`${process.cwd()}/`, '')}`);
}
console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
