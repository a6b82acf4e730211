/**
 * npm run eval [-- file.jsonl …] [--failures] [--dev | --public]: runs the development questions
 * in-process over the configured index (every test/eval/qa.dev*.jsonl by default) and prints a
 * table per set; then the public sets' validation articles (never trained on), each served as a
 * report, beside the BM25 sentence baseline computed in the same run.
 */
import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { evaluate, formatReport, parseEvalFile } from './eval/evaluate';
import { loadConfig } from '../src/node/config';
import { configuredEmbedder } from '../src/node/configured-embedder';
import { openEngine } from '../src/node/open-engine';
import { formatFigures, measureCases } from './eval/public';
import { casesOf, loadPublicSets } from './train/cases';
import { unanswerable, wholeArticle } from './train/public-sets';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('-'));
// Every development set of this report by default; other reports' sets are named on the command line.
const devSets = async () => (await readdir(resolve(root, 'test/eval'))).filter((f) => /^qa\.dev\d*\.jsonl$/.test(f)).sort().map((f) => resolve(root, 'test/eval', f));
const sets = files.length ? files.map((f) => resolve(f)) : await devSets();
const showFailures = args.includes('--failures');
const onlyPublic = args.includes('--public');
const onlyDev = args.includes('--dev') || files.length > 0;
try {
  if (!onlyPublic) await devSetTables();
  if (!onlyDev) await publicTables();
} catch (err) {
  console.error(`eval failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}

async function devSetTables(): Promise<void> {
  const config = loadConfig();
  const embedder = await configuredEmbedder(config, (m) => console.warn(`warning: ${m}`));
  const { engine } = await openEngine({ corpusDir: config.CORPUS_DIR, indexDir: config.indexDir, embedder, log: () => {} });
  console.log(`${new Date().toISOString().slice(0, 10)} · embedder ${engine.info.embedder}, retrieval ${engine.info.retrieval}, editions ${engine.info.editions.join('+')}`);
  for (const file of sets) {
    const items = parseEvalFile(await readFile(file, 'utf8'));
    const report = await evaluate(engine, items);
    console.log(`\n${file.replace(`${root}/`, '')} (${items.length} questions, ${report.failures.length} failures)\n`);
    console.log(formatReport(report));
    if (showFailures) for (const f of report.failures) console.log(`  - ${f}`);
  }
}

async function publicTables(): Promise<void> {
  const sets = await loadPublicSets();
  const { validation } = sets.jsquad;
  console.log(`\n${formatFigures(`JSQuAD validation: ${validation.length} articles not trained on`, await measureCases(casesOf(validation, validation)))}`);
  console.log(`\n${formatFigures('SQuAD 2.0: one article, held out from training', await measureCases(sets.squad.flatMap((a) => [wholeArticle(a), unanswerable(a)])))}`);
}
