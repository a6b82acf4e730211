/**
 * A library of reports: what one deployment serves. Each report is its own engine (see
 * engine.ts), opened on first use; the library knows every report's summary without opening
 * it. The Node server keeps its engines in memory from DATA_DIR, the Worker loads them from
 * Workers KV; the HTTP layer sees only this interface. Web APIs only.
 */
import type { QaEngine } from './engine';
import { LibraryRouter, type RouterReport } from './library-router';
import type { ReportMetadata } from './ingest/metadata';
import type { Lang } from './types';

/** A report id is its file or folder name in the corpus: a URL-safe slug. */
export const REPORT_ID_PATTERN = /^[a-z0-9](?:[a-z0-9_-]{0,62}[a-z0-9])?$/;
export const isReportId = (id: string): boolean => REPORT_ID_PATTERN.test(id);
/** The `report` value that means every report of the library. */
export const ALL_REPORTS = '*';

/** What the library says of a report without opening it. */
export interface ReportSummary {
  id: string;
  title: string;
  titleEn?: string;
  publisher?: string;
  published?: string;
  editions: Lang[];
  passages: number;
  footnotes: number;
}

/** A summary plus what a widget shows (starter questions): a report's catalogue entry. */
export interface ReportEntry extends ReportSummary {
  metadata: ReportMetadata;
}

export interface OpenedReport {
  id: string;
  engine: QaEngine;
  metadata: ReportMetadata;
}

export interface ReportLibrary {
  /** Every report served, by id. */
  entries(): Promise<ReportEntry[]>;
  /** The report a request without `report` means: the configured default, or the only report. */
  defaultId(): Promise<string | undefined>;
  /** The report, opened (and kept) on first use; undefined when the library has no such id. */
  open(id: string): Promise<OpenedReport | undefined>;
  /** How the library's indexes retrieve, for /health, without opening any. */
  info(): Promise<{ embedder: string; retrieval: 'hybrid' | 'lexical' }>;
  /** The library-wide index that says which reports a question is about (see library-router.ts). */
  router(): Promise<LibraryRouter>;
}

/** An opened report as the router reads it: its passages and their English renderings. */
export function routerReportOf({ id, engine }: OpenedReport): RouterReport {
  const { passages } = engine.library;
  const english = passages.map((p) => engine.english(p)).filter((t): t is string => !!t);
  return { id, texts: [...passages.map((p) => p.text), ...english], sections: passages.map((p) => p.section) };
}

/** The router over opened reports. */
export const routerOf = (reports: readonly OpenedReport[]): LibraryRouter => LibraryRouter.build(reports.map(routerReportOf));

/** The summary alone (a catalogue entry may carry more, such as a stored version). */
export const summaryOf = (e: ReportSummary): ReportSummary => ({
  id: e.id,
  title: e.title,
  ...(e.titleEn ? { titleEn: e.titleEn } : {}),
  ...(e.publisher ? { publisher: e.publisher } : {}),
  ...(e.published ? { published: e.published } : {}),
  editions: e.editions,
  passages: e.passages,
  footnotes: e.footnotes,
});

/** A catalogue entry from a report's metadata and counts. */
export function reportEntry(id: string, metadata: ReportMetadata, counts: { passages: number; footnotes: number; editions: Lang[] }): ReportEntry {
  return { ...summaryOf({ id, ...metadata, ...counts }), metadata };
}

/** One engine as a library of one report (a deployment of a single report, and tests). */
export function singleReportLibrary(id: string, engine: QaEngine, metadata: ReportMetadata): ReportLibrary {
  const entry = reportEntry(id, metadata, { passages: engine.library.passages.length, footnotes: engine.library.footnotes.length, editions: engine.info.editions });
  const opened: OpenedReport = { id, engine, metadata };
  let router: LibraryRouter | undefined;
  return {
    router: async () => (router ??= routerOf([opened])),
    entries: async () => [entry],
    defaultId: async () => id,
    open: async (wanted) => (wanted === id ? opened : undefined),
    info: async () => ({ embedder: engine.info.embedder, retrieval: engine.info.retrieval }),
  };
}

/** A library whose reports can be replaced as a whole (a reload): requests already under way finish on the one they started with. */
export function switchableLibrary(initial: ReportLibrary): ReportLibrary & { replace(next: ReportLibrary): void } {
  let current = initial;
  return {
    entries: () => current.entries(),
    defaultId: () => current.defaultId(),
    open: (id) => current.open(id),
    info: () => current.info(),
    router: () => current.router(),
    replace: (next) => {
      current = next;
    },
  };
}
