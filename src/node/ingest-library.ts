/**
 * Ingest of a library, report by report: only reports whose inputs changed (or whose index is
 * missing, or built with another embedder) are rebuilt, each into `DATA_DIR/<id>/index` with the
 * same atomic swap as a single report. A report that cannot be read or parsed is reported with
 * its file and the fix and skipped; the others are built and served. When such a report still
 * has an index from an earlier good build, that index keeps being served (and the log says so).
 */
import { join } from 'node:path';
import { reportEntry, type ReportEntry } from '../core/reports';
import type { Embedder } from '../core/ports';
import { readReportFiles, readSharedSources, reportSourcesSha256, type SharedSources } from './corpus';
import { ingest } from './ingest';
import { readManifest, type Manifest } from './index-store';
import { scanLibrary, type LibraryProblem, type LibraryReport } from './library-dir';
import { createProgress, type ProgressOptions } from './progress';

export interface LibraryIngestOptions {
  corpusDir: string;
  dataDir: string;
  embedder: Embedder;
  force?: boolean;
  log?: (line: string) => void;
  /** Where the progress bar goes (default stderr). */
  progress?: ProgressOptions['stream'];
}

export interface ServedReport {
  entry: ReportEntry;
  indexDir: string;
  /** Where the report's files are, to rebuild a damaged index on first use. */
  source: LibraryReport;
}

export interface LibraryIngestResult {
  reports: ServedReport[];
  built: string[];
  /** Reports (or files) skipped, with why and how to fix it. */
  failed: LibraryProblem[];
  ms: number;
}

/** Each report's index: `DATA_DIR/<id>/index`. */
export const reportIndexDir = (dataDir: string, id: string) => join(dataDir, id, 'index');

/** Why a manifest cannot serve this report as it now is, or null when it can. */
function staleness(manifest: Manifest | undefined, sourcesSha256: string, embedderId: string): string | null {
  if (!manifest) return 'no index yet';
  if (!manifest.report) return 'the index predates the library (no report summary)';
  if (manifest.sourcesSha256 !== sourcesSha256) return 'its files changed';
  if (manifest.embedder.id !== embedderId) return `built with ${manifest.embedder.id}, ${embedderId} is configured`;
  return null;
}

const entryOf = (id: string, m: Manifest): ReportEntry =>
  reportEntry(id, m.report!.metadata, { passages: m.counts.passages, footnotes: m.counts.footnotes, editions: m.report!.editions });

async function ingestOne(report: LibraryReport, shared: SharedSources, options: LibraryIngestOptions): Promise<{ manifest: Manifest; built: boolean }> {
  const indexDir = reportIndexDir(options.dataDir, report.id);
  const manifest = await readManifest(indexDir);
  const reason = options.force ? 'forced' : staleness(manifest, await reportSourcesSha256(report, shared), options.embedder.id);
  if (reason === null) return { manifest: manifest!, built: false };
  options.log?.(`${report.id}: building (${reason})`);
  const corpus = await readReportFiles(report, shared);
  const result = await ingest({ corpusDir: report.dir, indexDir, embedder: options.embedder, corpus, force: true, progress: false });
  for (const w of result.built ? result.warnings : []) options.log?.(`${report.id}: warning: ${w}`);
  return { manifest: result.manifest, built: true };
}

export async function ingestLibrary(options: LibraryIngestOptions): Promise<LibraryIngestResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const layout = await scanLibrary(options.corpusDir);
  const failed: LibraryProblem[] = [...layout.problems];
  for (const p of layout.problems) log(`skipped ${p.path}: ${p.message}`);
  const shared = await readSharedSources();
  const progress = createProgress('reports', layout.reports.length, options.progress ? { stream: options.progress } : {});
  const reports: ServedReport[] = [];
  const built: string[] = [];
  let done = 0;
  for (const report of layout.reports) {
    const indexDir = reportIndexDir(options.dataDir, report.id);
    try {
      const result = await ingestOne(report, shared, options);
      if (result.built) built.push(report.id);
      reports.push({ entry: entryOf(report.id, result.manifest), indexDir, source: report });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const path = join(report.dir, report.file);
      failed.push({ path, message });
      const previous = await readManifest(indexDir);
      const keep = previous?.report && previous.embedder.id === options.embedder.id;
      log(`skipped ${path}: ${message}${keep ? ' (its previous index is served until the file is fixed)' : ''}`);
      if (keep) reports.push({ entry: entryOf(report.id, previous), indexDir, source: report });
    }
    progress.update(++done, layout.reports.length);
  }
  progress.done();
  return { reports, built, failed, ms: Math.round(performance.now() - started) };
}
