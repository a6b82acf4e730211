/**
 * The corpus folder (CORPUS_DIR): one report (.txt, or .md for a Markdown report) and, all optional, metadata.json, a domain
 * glossary (glossary.en-ja.json) and the English edition (<report>.en.json). Everything is read
 * and checked here, with messages that say which file is wrong and how.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEdition, type Edition } from '../core/ingest/edition';
import { metadataFileSchema, type MetadataFile } from '../core/ingest/metadata';
import type { Lexicon } from '../core/search/lexicon';
import { parseGlossary, parseLexicon } from '../core/search/lexicon-files';
import type { IngestInputs } from '../core/ingest/build-index';
import { reportFormatOf, type ReportFormat } from '../core/ingest/parse-report-text';
import { languageResourceVersions } from './language-resources';

/** The general dictionary ingest reduces to each report (see scripts/build-lexicon.ts). */
export const DICTIONARY_PATH = fileURLToPath(new URL('../../resources/lexicon.en-ja.json', import.meta.url));
export const GLOSSARY_FILE = 'glossary.en-ja.json';

export interface CorpusSource extends Omit<IngestInputs, 'resources'> {
  dir: string;
  /** The report's file name inside `dir`. */
  file: string;
  format: ReportFormat;
  /** Parsed on first read (only a build needs it); a damaged file throws then, naming itself. */
  readonly dictionary: Lexicon;
  /** Of the report's bytes. */
  sha256: string;
  /** Of everything an index is built from: a change to any of it means a rebuild. */
  sourcesSha256: string;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

async function readOptional(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function parseJsonFile(bytes: Buffer, path: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new Error(`${path} is not valid JSON: ${err instanceof Error ? err.message : err}`);
  }
}

/** The English edition's file beside a report: `<report name>.en.json`. */
export const editionFileOf = (reportFile: string) => `${reportFile.replace(/\.(?:txt|md)$/i, '')}.en.json`;

/** The report file: metadata.json's `file`, else the folder's only .txt or .md. */
async function reportFile(dir: string, metadata: MetadataFile): Promise<string> {
  if (metadata.file) return metadata.file;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new Error(`the corpus folder ${dir} does not exist (set CORPUS_DIR to a folder holding one report, .txt or .md)`);
  }
  const reports = names.filter((n) => reportFormatOf(n) !== undefined).sort();
  if (reports.length === 1) return reports[0]!;
  if (reports.length === 0) throw new Error(`no report in ${dir}: put the report there as one .txt file (the publisher's text) or one .md file (a Markdown report)`);
  throw new Error(`${dir} holds ${reports.length} report files (${reports.join(', ')}); name the report in metadata.json as {"file": "…"}`);
}

export async function readCorpus(dir: string, dictionaryPath = DICTIONARY_PATH): Promise<CorpusSource> {
  const metadataPath = join(dir, 'metadata.json');
  const metadataBytes = await readOptional(metadataPath);
  let metadata: MetadataFile = {};
  if (metadataBytes) {
    const parsed = metadataFileSchema.safeParse(parseJsonFile(metadataBytes, metadataPath));
    if (!parsed.success) throw new Error(`${metadataPath}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')}`);
    metadata = parsed.data;
  }
  const file = await reportFile(dir, metadata);
  const bytes = await readOptional(join(dir, file));
  if (!bytes) throw new Error(`the report ${join(dir, file)} named in metadata.json does not exist`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${join(dir, file)} is not UTF-8 text; convert it first (e.g. iconv -f SHIFT_JIS -t UTF-8)`);
  }
  const glossaryPath = join(dir, GLOSSARY_FILE);
  const glossaryBytes = await readOptional(glossaryPath);
  const editionPath = join(dir, editionFileOf(file));
  const editionBytes = await readOptional(editionPath);
  const dictionaryBytes = await readOptional(dictionaryPath);
  if (!dictionaryBytes) throw new Error(`the dictionary ${dictionaryPath} is missing; rebuild it with \`npm run build:lexicon\``);
  const withPath = <T>(path: string, read: () => T): T => {
    try {
      return read();
    } catch (err) {
      throw new Error(`${path}: ${err instanceof Error ? err.message : err}`);
    }
  };
  const glossary = glossaryBytes ? withPath(glossaryPath, () => parseGlossary(parseJsonFile(glossaryBytes, glossaryPath))) : undefined;
  const edition: Edition | undefined = editionBytes ? withPath(editionPath, () => parseEdition(parseJsonFile(editionBytes, editionPath))) : undefined;
  // Parsed when an index is built, not when a current one is served: a start need not pay for it.
  let dictionary: Lexicon | undefined;
  const readDictionary = () => (dictionary ??= withPath(dictionaryPath, () => parseLexicon(parseJsonFile(dictionaryBytes, dictionaryPath))));
  const resources = await languageResourceVersions();
  const sources = [...[bytes, metadataBytes, glossaryBytes, editionBytes, dictionaryBytes].map((b) => (b ? sha256(b) : '-')), resources].join('\n');
  const source = {
    dir,
    file,
    format: reportFormatOf(file) ?? 'txt',
    text,
    sha256: sha256(bytes),
    sourcesSha256: sha256(sources),
    metadata,
    ...(glossary ? { glossary } : {}),
    ...(edition ? { edition } : {}),
  };
  return Object.defineProperty(source, 'dictionary', { get: readDictionary, enumerable: true }) as CorpusSource;
}
