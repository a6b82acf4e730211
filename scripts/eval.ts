/**
 * npm run eval [-- file.jsonl …] [--failures]: runs the development questions in-process over the
 * configured index (every test/eval/qa.dev*.jsonl by default) and prints a table per set.
 */
import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { evaluate, formatReport, parseEvalFile } from './eval/evaluate';
import { loadConfig } from '../src/node/config';
import { configuredEmbedder } from '../src/node/configured-embedder';
import { openEngine } from '../src/node/open-engine';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('-'));
// Every development set of this report by default; other reports' sets are named on the command line.
const devSets = async () => (await readdir(resolve(root, 'test/eval'))).filter((f) => /^qa\.dev\d*\.jsonl$/.test(f)).sort().map((f) => resolve(root, 'test/eval', f));
const sets = files.length ? files.map((f) => resolve(f)) : await devSets();
const showFailures = args.includes('--failures');
try {
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
} catch (err) {
  console.error(`eval failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
