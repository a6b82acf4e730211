/** The real report's corpus folder, read the way ingest reads it, once per test file. */
import { resolve } from 'node:path';
import { readCorpus, type CorpusSource } from '../../src/node/corpus';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const corpusDir = resolve(repoRoot, 'corpus');

let corpus: Promise<CorpusSource> | undefined;
export const realCorpus = (): Promise<CorpusSource> => (corpus ??= readCorpus(corpusDir));
