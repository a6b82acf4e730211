/**
 * The corpus folder (CORPUS_DIR): one report (.txt, or .md for a Markdown report) and, all optional, metadata.json, a domain
 * glossary (glossary.en-ja.json) and the English edition (<report>.en.json). Everything is read
 * and checked here, with messages that say which file is wrong and how.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
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

/** What every report of a library is built with: the general dictionary and the language resources' versions. */
export interface SharedSources {
  dictionary: Lexicon;
  dictionarySha256: string;
  resources: string;
}

export async function readSharedSources(dictionaryPath = DICTIONARY_PATH): Promise<SharedSources> {
  const dictionaryBytes = await readOptional(dictionaryPath);
  if (!dictionaryBytes) throw new Error(`the dictionary ${dictionaryPath} is missing; rebuild it with \`npm run build:lexicon\``);
  // Parsed on first use: checking a library that has not changed needs only the dictionary's hash.
  let dictionary: Lexicon | undefined;
  return {
    get dictionary() {
      return (dictionary ??= withPath(dictionaryPath, () => parseLexicon(parseJsonFile(dictionaryBytes, dictionaryPath))));
    },
    dictionarySha256: sha256(dictionaryBytes),
    resources: await languageResourceVersions(),
  };
}

/** Where one report's files are: its text and, each optional, its metadata, glossary and English edition. */
export interface ReportFiles {
  dir: string;
  /** The report's file name inside `dir`. */
  file: string;
  metadataPath?: string;
  glossaryPath?: string;
  editionPath: string;
}

const withPath = <T>(path: string, read: () => T): T => {
  try {
    return read();
  } catch (err) {
    throw new Error(`${path}: ${err instanceof Error ? err.message : err}`);
  }
};

export async function readMetadataFile(metadataPath: string): Promise<{ metadata: MetadataFile; bytes?: Buffer }> {
  const bytes = await readOptional(metadataPath);
  if (!bytes) return { metadata: {} };
  const parsed = metadataFileSchema.safeParse(parseJsonFile(bytes, metadataPath));
  if (!parsed.success) throw new Error(`${metadataPath}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')}`);
  return { metadata: parsed.data, bytes };
}

/** The hash of everything a report's index is built from, read as bytes only (nothing parsed): whether it must be rebuilt. */
export async function reportSourcesSha256(files: ReportFiles, shared: SharedSources): Promise<string> {
  const parts = await Promise.all([join(files.dir, files.file), files.metadataPath, files.glossaryPath, files.editionPath].map((p) => (p ? readOptional(p) : undefined)));
  if (!parts[0]) throw new Error(`the report ${join(files.dir, files.file)} does not exist`);
  return sha256([...parts.map((b) => (b ? sha256(b) : '-')), shared.dictionarySha256, shared.resources].join('\n'));
}

/** Reads and checks one report's files; every message names the file that is wrong and how. */
export async function readReportFiles(files: ReportFiles, shared: SharedSources): Promise<CorpusSource> {
  const { dir, file } = files;
  const { metadata, bytes: metadataBytes } = files.metadataPath ? await readMetadataFile(files.metadataPath) : { metadata: {}, bytes: undefined };
  const bytes = await readOptional(join(dir, file));
  if (!bytes) throw new Error(`the report ${join(dir, file)} does not exist`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${join(dir, file)} is not UTF-8 text; convert it first (e.g. iconv -f SHIFT_JIS -t UTF-8)`);
  }
  const glossaryBytes = files.glossaryPath ? await readOptional(files.glossaryPath) : undefined;
  const editionBytes = await readOptional(files.editionPath);
  const glossary = glossaryBytes && files.glossaryPath ? withPath(files.glossaryPath, () => parseGlossary(parseJsonFile(glossaryBytes, files.glossaryPath!))) : undefined;
  const edition: Edition | undefined = editionBytes ? withPath(files.editionPath, () => parseEdition(parseJsonFile(editionBytes, files.editionPath))) : undefined;
  const sources = [...[bytes, metadataBytes, glossaryBytes, editionBytes].map((b) => (b ? sha256(b) : '-')), shared.dictionarySha256, shared.resources].join('\n');
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
  // The dictionary is parsed when an index is built, not when a current one is checked or served.
  return Object.defineProperty(source, 'dictionary', { get: () => shared.dictionary, enumerable: true }) as CorpusSource;
}

/** The edition beside a report file: `<name>.en.json`. */
export const editionPathOf = (dir: string, file: string) => join(dir, `${basename(file, extname(file))}.en.json`);

/** A folder holding one report (as the default corpus/ does): its .txt, metadata.json, glossary, edition. */
export async function readCorpus(dir: string, dictionaryPath = DICTIONARY_PATH): Promise<CorpusSource> {
  const metadataPath = join(dir, 'metadata.json');
  const { metadata } = await readMetadataFile(metadataPath);
  const file = await reportFile(dir, metadata);
  if (!(await readOptional(join(dir, file)))) throw new Error(`the report ${join(dir, file)} named in metadata.json does not exist`);
  return readReportFiles({ dir, file, metadataPath, glossaryPath: join(dir, GLOSSARY_FILE), editionPath: editionPathOf(dir, file) }, await readSharedSources(dictionaryPath));
}
