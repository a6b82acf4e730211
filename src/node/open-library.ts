/**
 * What the Node server serves from CORPUS_DIR: a folder holding one report file is served as
 * before (its index in DATA_DIR/index, built or rebuilt as needed); any other folder is a library,
 * ingested report by report (DATA_DIR/<id>/index) and opened lazily.
 */
import { basename, extname } from 'node:path';
import { describeService } from '../core/engine';
import { isReportId, singleReportLibrary, type ReportLibrary } from '../core/reports';
import type { Embedder, Generator } from '../core/ports';
import { ingestLibrary } from './ingest-library';
import { scanLibrary, slugHint } from './library-dir';
import { nodeLibrary } from './node-library';
import { openEngine } from './open-engine';
import type { GenerationSlots } from '../core/answer/generation-slots';

export interface OpenLibraryOptions {
  corpusDir: string;
  dataDir: string;
  /** The single report's index (DATA_DIR/index). */
  indexDir: string;
  embedder: Embedder;
  generator?: Generator;
  /** How many answers the generator may be writing at once, across all reports. */
  generationSlots?: GenerationSlots;
  defaultReport?: string;
  /** Where the generator runs, for the start-up log. */
  generatorHost?: string;
  log: (line: string) => void;
}

export interface OpenedLibrary {
  library: ReportLibrary;
  /** One line on what is served, for the start-up log. */
  summary: string;
}

export async function openLibrary(options: OpenLibraryOptions): Promise<OpenedLibrary> {
  const { embedder, generator, log, generationSlots } = options;
  const writing = generator ? { generator, ...(generationSlots ? { generationSlots } : {}) } : {};
  const layout = await scanLibrary(options.corpusDir);
  if (layout.single) {
    for (const p of layout.problems) log(`note: ${p.path}: ${p.message}`);
    const { engine, metadata } = await openEngine({ corpusDir: options.corpusDir, indexDir: options.indexDir, embedder, log, ...writing });
    const name = basename(layout.singleFile!, extname(layout.singleFile!));
    const id = isReportId(name) ? name : slugHint(name);
    return { library: singleReportLibrary(id, engine, metadata), summary: `report ${id}: ${describeService(engine, generator, options.generatorHost)}` };
  }
  const result = await ingestLibrary({ corpusDir: options.corpusDir, dataDir: options.dataDir, embedder, log });
  if (result.reports.length === 0) {
    const why = result.failed.map((f) => `\n  ${f.path}: ${f.message}`).join('');
    throw new Error(`no report can be served from ${options.corpusDir}${why || ' (it is empty: add <id>.txt or <id>.md files, or <id>/ folders)'}`);
  }
  let defaultId = options.defaultReport;
  if (defaultId && !result.reports.some((r) => r.entry.id === defaultId)) {
    log(`warning: DEFAULT_REPORT=${defaultId} is not a report of the library; requests must name their report`);
    defaultId = undefined;
  }
  const library = nodeLibrary({ reports: result.reports, embedder, log, ...writing, ...(defaultId ? { defaultId } : {}) });
  const answers = generator ? `answers by ${generator.id}${options.generatorHost ? ` at ${options.generatorHost}` : ''}, checked against the report` : 'extractive answers';
  const summary = `library of ${result.reports.length} reports (${result.built.length} built, ${result.failed.length} skipped) in ${result.ms} ms, default ${(await library.defaultId()) ?? 'none'}, embedder ${embedder.id}, ${answers}`;
  return { library, summary };
}
