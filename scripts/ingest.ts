/**
 * npm run ingest [-- --force]: parse → chunk → embed → index, skipping work when nothing changed.
 * A folder with one report file builds DATA_DIR/index; a library builds each report that changed
 * into DATA_DIR/<id>/index (a running server picks the result up on SIGHUP or restart).
 */
import { loadConfig } from '../src/node/config';
import { configuredEmbedder } from '../src/node/configured-embedder';
import { ingest } from '../src/node/ingest';
import { ingestLibrary } from '../src/node/ingest-library';
import { scanLibrary } from '../src/node/library-dir';

const config = loadConfig();
const force = process.argv.includes('--force');
try {
  const embedder = await configuredEmbedder(config, (m) => console.warn(`warning: ${m}`));
  const started = performance.now();
  const log = (l: string) => console.log(l);
  const layout = await scanLibrary(config.CORPUS_DIR);
  if (layout.single) {
    for (const p of layout.problems) console.log(`note: ${p.path}: ${p.message}`);
    const result = await ingest({ corpusDir: config.CORPUS_DIR, indexDir: config.indexDir, embedder, force, log });
    console.log(result.built ? result.reason : `skipped: ${result.reason}`);
    console.log(`ingest finished in ${Math.round(performance.now() - started)} ms (embedder ${embedder.id}, index ${config.indexDir})`);
  } else {
    const result = await ingestLibrary({ corpusDir: config.CORPUS_DIR, dataDir: config.DATA_DIR, embedder, force, log });
    console.log(`library: ${result.reports.length} reports served, ${result.built.length} built, ${result.failed.length} skipped, in ${Math.round(performance.now() - started)} ms (embedder ${embedder.id}, indexes in ${config.DATA_DIR}/<id>/index)`);
    if (result.failed.length) {
      for (const f of result.failed) console.error(`  ${f.path}: ${f.message}`);
      if (result.reports.length === 0) process.exit(1);
    }
  }
} catch (err) {
  console.error(`ingest failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
