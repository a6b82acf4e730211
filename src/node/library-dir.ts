/**
 * CORPUS_DIR as a library: every report in it, by id, with where its files are. A report is a
 * file directly in the folder (`<id>.txt` or Markdown `<id>.md`, with an optional `<id>.en.json`
 * English edition) or a
 * subfolder `<id>/` holding one report file and its optional companions (metadata.json,
 * glossary.en-ja.json, English edition). A glossary at the top applies to every report without
 * its own; a metadata.json at the top applies to the report it names (`file`), or to the only
 * report file. What cannot be a report is named in `problems` with the fix, never guessed at.
 */
import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { reportFormatOf } from '../core/ingest/parse-report-text';
import { isReportId } from '../core/reports';
import { editionPathOf, GLOSSARY_FILE, readMetadataFile, type ReportFiles } from './corpus';


export interface LibraryReport extends ReportFiles {
  id: string;
}

export interface LibraryProblem {
  /** The file or folder at fault. */
  path: string;
  message: string;
}

export interface LibraryLayout {
  dir: string;
  reports: LibraryReport[];
  problems: LibraryProblem[];
  /** One report file directly in the folder and no report folders: the single-report layout, served as before (DATA_DIR/index). */
  single: boolean;
  /** The single layout's report file. */
  singleFile?: string;
}

/** `.txt` (the publisher's extracted text) or `.md` (a Markdown report). */
const isReportFile = (name: string) => reportFormatOf(name) !== undefined;
const COMPANIONS = new Set(['metadata.json', GLOSSARY_FILE]);
export const slugHint = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 64) || 'report-1';

function idProblem(path: string, name: string, ext: string): LibraryProblem {
  return { path, message: `"${name}" cannot be a report id: use a URL-safe slug (a–z, 0–9, - and _, at most 64 characters), e.g. rename it to ${slugHint(name)}${ext}` };
}

async function listDir(dir: string): Promise<import('node:fs').Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    throw new Error(`the corpus folder ${dir} does not exist (set CORPUS_DIR to a folder of reports: <id>.txt or <id>.md files, or <id>/ folders)`);
  }
}

/** The report file of a report folder: metadata.json's `file`, else its only report file. */
async function folderReport(id: string, dir: string, rootGlossary: string | undefined): Promise<LibraryReport | LibraryProblem> {
  const names = (await listDir(dir)).filter((e) => e.isFile()).map((e) => e.name);
  const metadataPath = join(dir, 'metadata.json');
  let file: string | undefined;
  try {
    file = names.includes('metadata.json') ? (await readMetadataFile(metadataPath)).metadata.file : undefined;
  } catch (err) {
    return { path: metadataPath, message: err instanceof Error ? err.message : String(err) };
  }
  if (!file) {
    const reports = names.filter(isReportFile).sort();
    if (reports.length !== 1) {
      return { path: dir, message: reports.length === 0 ? `no report in the folder ${id}/: put the report there as one .txt or .md file` : `the folder ${id}/ holds ${reports.length} report files (${reports.join(', ')}); keep one, or name it in metadata.json as {"file": "…"}` };
    }
    file = reports[0]!;
  }
  const glossaryPath = names.includes(GLOSSARY_FILE) ? join(dir, GLOSSARY_FILE) : rootGlossary;
  return { id, dir, file, metadataPath, ...(glossaryPath ? { glossaryPath } : {}), editionPath: editionPathOf(dir, file) };
}

export async function scanLibrary(dir: string): Promise<LibraryLayout> {
  const entries = (await listDir(dir)).filter((e) => !e.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name));
  const problems: LibraryProblem[] = [];
  const files = entries.filter((e) => e.isFile() && isReportFile(e.name));
  const folders = entries.filter((e) => e.isDirectory());
  const names = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
  const rootGlossary = names.has(GLOSSARY_FILE) ? join(dir, GLOSSARY_FILE) : undefined;

  // A metadata.json at the top belongs to the report it names, or to the only report file.
  let rootMetadataFor: string | undefined;
  if (names.has('metadata.json')) {
    try {
      const { metadata } = await readMetadataFile(join(dir, 'metadata.json'));
      rootMetadataFor = metadata.file ?? (files.length === 1 ? files[0]!.name : undefined);
      if (!rootMetadataFor) problems.push({ path: join(dir, 'metadata.json'), message: `metadata.json at the top of a library of ${files.length} report files must name its report ({"file": "…"}); or move it into a folder <id>/ with its report` });
    } catch (err) {
      problems.push({ path: join(dir, 'metadata.json'), message: err instanceof Error ? err.message : String(err) });
    }
  }

  const reports: LibraryReport[] = [];
  const seen = new Map<string, string>();
  const add = (report: LibraryReport, path: string) => {
    const other = seen.get(report.id);
    if (other) problems.push({ path, message: `the report id ${report.id} is taken by ${other} as well; rename one of them` });
    else {
      seen.set(report.id, path);
      reports.push(report);
    }
  };
  for (const f of files) {
    const ext = extname(f.name);
    const id = f.name.slice(0, -ext.length);
    const path = join(dir, f.name);
    if (!isReportId(id)) {
      problems.push(idProblem(path, id, ext));
      continue;
    }
    const metadataPath = rootMetadataFor === f.name ? join(dir, 'metadata.json') : undefined;
    add({ id, dir, file: f.name, ...(metadataPath ? { metadataPath } : {}), ...(rootGlossary ? { glossaryPath: rootGlossary } : {}), editionPath: editionPathOf(dir, f.name) }, path);
  }
  for (const d of folders) {
    const path = join(dir, d.name);
    if (!isReportId(d.name)) {
      problems.push(idProblem(path, d.name, '/'));
      continue;
    }
    const found = await folderReport(d.name, path, rootGlossary);
    if ('id' in found) add(found, path);
    else problems.push(found);
  }
  for (const e of entries) {
    if (!e.isFile() || isReportFile(e.name) || COMPANIONS.has(e.name) || e.name.endsWith('.en.json')) continue;
    const hint = extname(e.name).toLowerCase() === '.pdf' ? ` (turn a PDF into a report with \`pdftotext -enc UTF-8 ${e.name} - | sed 's/^\\f/ /' > ${e.name.replace(/\.pdf$/i, '.txt')}\`, see the README)` : '';
    problems.push({ path: join(dir, e.name), message: `ignored: not a report (a report is <id>.txt, <id>.md or a folder <id>/)${hint}` });
  }
  const single = files.length === 1 && folders.length === 0;
  // A folder of one report is served as before, whatever its file is called.
  if (single) problems.splice(0, problems.length, ...problems.filter((p) => p.path !== join(dir, files[0]!.name)));
  return { dir, reports: reports.sort((a, b) => a.id.localeCompare(b.id)), problems, single, ...(single ? { singleFile: files[0]!.name } : {}) };
}
