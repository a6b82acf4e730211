/**
 * npm run translate [-- --force] [--batch N]: fills the report's English edition
 * (CORPUS_DIR/<report>.en.json) through the configured OpenAI-compatible model (LLM_BASE_URL,
 * LLM_MODEL, LLM_API_KEY). Only units the edition lacks are translated unless --force; the file is
 * written after every batch, so a run that stops can be started again to finish.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { editionSchema, type EditionFile } from '../src/core/ingest/edition';
import { loadConfig } from '../src/node/config';
import { editionFileOf, readCorpus } from '../src/node/corpus';
import { chatCompletionsUrl } from '../src/node/openai-generator';
import { translateEdition, type ChatMessage } from './translate/edition-translator';

const args = process.argv.slice(2);
const force = args.includes('--force');
const batchArg = args.indexOf('--batch');
const batchSize = batchArg >= 0 ? Number(args[batchArg + 1]) : 12;

async function readEdition(path: string): Promise<EditionFile | undefined> {
  try {
    return editionSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${path} exists but is not a valid edition (${err instanceof Error ? err.message : err}); fix or move it first`);
  }
}

try {
  const config = loadConfig();
  if (!config.LLM_BASE_URL || !config.LLM_MODEL) throw new Error('set LLM_BASE_URL and LLM_MODEL (an OpenAI-compatible endpoint) to translate');
  const corpus = await readCorpus(config.CORPUS_DIR);
  const path = join(config.CORPUS_DIR, editionFileOf(corpus.file));
  const existing = await readEdition(path);
  const url = chatCompletionsUrl(config.LLM_BASE_URL);
  const complete = async (messages: ChatMessage[]) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(config.LLM_API_KEY ? { Authorization: `Bearer ${config.LLM_API_KEY}` } : {}) },
      body: JSON.stringify({ model: config.LLM_MODEL, messages, temperature: 0, stream: false }),
      signal: AbortSignal.timeout(Math.max(config.LLM_TIMEOUT_MS, 60_000)),
    });
    if (!res.ok) throw new Error(`the LLM endpoint answered HTTP ${res.status}`);
    const json = (await res.json()) as { choices?: { message?: { content?: string } }[] };
    return json.choices?.[0]?.message?.content ?? '';
  };
  const save = async (edition: EditionFile) => {
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(edition, null, 1)}\n`);
    await rename(tmp, path);
  };
  const result = await translateEdition({
    reportText: corpus.text,
    reportFormat: corpus.format,
    reportFile: corpus.file,
    ...(existing ? { existing } : {}),
    ...(corpus.metadata?.titleEn ? { titleEn: corpus.metadata?.titleEn } : {}),
    ...(corpus.metadata?.publisherEn ? { publisherEn: corpus.metadata?.publisherEn } : {}),
    force,
    batchSize,
    complete,
    save,
    onProgress: (done, total, failed) => console.log(`translated ${done}/${total} units${failed ? ` (${failed} failed their checks)` : ''}`),
  });
  console.log(`${path}: ${result.edition.units.length} units rendered, ${result.translated} new this run`);
  for (const f of result.failed) console.log(`  not rendered (${f.problems.join('; ')}): ${f.ja.slice(0, 50)}…`);
  if (result.failed.length) process.exitCode = 1;
} catch (err) {
  console.error(`translate failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
