/** npm run ingest [-- --force]: parse → chunk → embed → data/index, skipping work when nothing changed. */
import { loadConfig } from '../src/node/config';
import { configuredEmbedder } from '../src/node/configured-embedder';
import { ingest } from '../src/node/ingest';

const config = loadConfig();
const force = process.argv.includes('--force');
try {
  const embedder = await configuredEmbedder(config, (m) => console.warn(`warning: ${m}`));
  const started = performance.now();
  const result = await ingest({ corpusDir: config.CORPUS_DIR, indexDir: config.indexDir, embedder, force, log: (l) => console.log(l) });
  console.log(result.built ? result.reason : `skipped: ${result.reason}`);
  console.log(`ingest finished in ${Math.round(performance.now() - started)} ms (embedder ${embedder.id}, index ${config.indexDir})`);
} catch (err) {
  console.error(`ingest failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
