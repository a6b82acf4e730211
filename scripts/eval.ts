/** npm run eval [-- file.jsonl]: runs the questions in-process and prints retrieval and answer metrics. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { evaluate, formatReport, parseEvalFile } from './eval/evaluate';
import { loadConfig } from '../src/node/config';
import { configuredEmbedder } from '../src/node/configured-embedder';
import { openEngine } from '../src/node/open-engine';

const file = resolve(process.argv.slice(2).find((a) => !a.startsWith('-')) ?? '../shared/eval/qa.dev.jsonl');
const verbose = process.argv.includes('--verbose');
try {
  const config = loadConfig();
  const items = parseEvalFile(await readFile(file, 'utf8'));
  const embedder = await configuredEmbedder(config, (m) => console.warn(`warning: ${m}`));
  const { engine } = await openEngine({ corpusDir: config.CORPUS_DIR, indexDir: config.indexDir, embedder, log: () => {} });
  const report = await evaluate(engine, items);
  console.log(`${items.length} questions from ${file} (embedder ${engine.info.embedder}, retrieval ${engine.info.retrieval})`);
  console.log(formatReport(report));
  if (verbose || report.failures.length <= 12) for (const f of report.failures) console.log(`  - ${f}`);
} catch (err) {
  console.error(`eval failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
