/**
 * npm run ask -- "question" [--explain]: prints the answer, its citations (section, page) and
 * footnote URLs; with --explain, how the reader read it (decision probabilities, question
 * features, the leading candidate sentences with their scores).
 */
import { collectAnswer } from '../src/core/engine';
import { loadConfig } from '../src/node/config';
import { configuredEmbedder } from '../src/node/configured-embedder';
import { openEngine } from '../src/node/open-engine';

const question = process.argv.slice(2).filter((a) => !a.startsWith('--')).join(' ').trim();
if (!question) {
  console.error('usage: npm run ask -- "DeepSeekの開発費は？"');
  process.exit(2);
}
try {
  const config = loadConfig();
  const embedder = await configuredEmbedder(config, (m) => console.warn(`warning: ${m}`));
  const { engine } = await openEngine({ corpusDir: config.CORPUS_DIR, indexDir: config.indexDir, embedder, log: () => {} });
  const a = await collectAnswer(engine.chat({ question, history: [] }));
  console.log(a.answer);
  if (!a.grounded) console.log(a.lang === 'ja' ? '（レポートに記載なし）' : '(not in the report)');
  for (const c of a.citations) console.log(`[${c.ref}] ${c.section || '—'} (p. ${c.page})${c.footnotes.length ? `, footnotes ${c.footnotes.join(', ')}` : ''}`);
  for (const f of a.footnotes) for (const url of f.urls) console.log(`  footnote ${f.n}: ${url}`);
  if (process.argv.includes('--explain')) {
    const { reading, decision } = await engine.explain(question);
    if (decision) console.log(`\ndecision ${decision.status}: ${Object.entries(decision.probabilities).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
    if (reading) {
      console.log(Object.entries(reading.features).map(([k, v]) => `${k}=${v.toFixed(2)}`).join(' '));
      for (const c of reading.candidates.slice(0, 5)) console.log(`  ${c.score.toFixed(2)} ${c.sentence.display.slice(0, 100)}`);
    }
  }
} catch (err) {
  console.error(`ask failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
