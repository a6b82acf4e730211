/**
 * The Node server's library: the reports ingest left current, each opened from its index on first
 * use and kept. A damaged index found on opening is rebuilt once from the report's files, as a
 * single report's is.
 */
import { type OpenedReport, type ReportLibrary } from '../core/reports';
import { LibraryRouter } from '../core/library-router';
import type { Embedder, Generator } from '../core/ports';
import { readReportFiles, readSharedSources } from './corpus';
import { ingest } from './ingest';
import type { ServedReport } from './ingest-library';
import { openStoredEngine } from './open-engine';
import { storedReportTerms } from './router-terms';
import type { GenerationSlots } from '../core/answer/generation-slots';

export interface NodeLibraryOptions {
  reports: ServedReport[];
  embedder: Embedder;
  generator?: Generator;
  generationSlots?: GenerationSlots;
  /** DEFAULT_REPORT; without it, the only report (if there is one). */
  defaultId?: string;
  log: (line: string) => void;
}

export function nodeLibrary(options: NodeLibraryOptions): ReportLibrary {
  const byId = new Map(options.reports.map((r) => [r.entry.id, r]));
  const entries = options.reports.map((r) => r.entry);
  const opened = new Map<string, Promise<OpenedReport>>();
  const defaultId = options.defaultId ?? (entries.length === 1 ? entries[0]!.id : undefined);
  let router: Promise<LibraryRouter> | undefined;

  async function load(served: ServedReport): Promise<OpenedReport> {
    const { embedder, generator, generationSlots } = options;
    const open = () => openStoredEngine({ indexDir: served.indexDir, embedder, ...(generator ? { generator, ...(generationSlots ? { generationSlots } : {}) } : {}) });
    try {
      const { engine, metadata } = await open();
      return { id: served.entry.id, engine, metadata };
    } catch (err) {
      options.log(`${served.entry.id}: the index in ${served.indexDir} cannot be read (${err instanceof Error ? err.message : err}); rebuilding it`);
      const corpus = await readReportFiles(served.source, await readSharedSources());
      await ingest({ corpusDir: served.source.dir, indexDir: served.indexDir, embedder, corpus, force: true, progress: false });
      const { engine, metadata } = await open();
      return { id: served.entry.id, engine, metadata };
    }
  }

  const open = (id: string): Promise<OpenedReport | undefined> => {
    const served = byId.get(id);
    if (!served) return Promise.resolve(undefined);
    let found = opened.get(id);
    if (!found) {
      found = load(served);
      opened.set(id, found);
      found.catch(() => opened.get(id) === found && opened.delete(id));
    }
    return found;
  };

  return {
    entries: async () => entries,
    defaultId: async () => defaultId,
    open,
    info: async () => ({ embedder: options.embedder.id, retrieval: 'hybrid' }),
    // Assembled from each report's stored term counts: a library-wide question opens only the reports it is about.
    router: () => {
      router ??= Promise.all(options.reports.map(async (r) => ({ id: r.entry.id, terms: await storedReportTerms(r.indexDir) }))).then(LibraryRouter.fromTerms);
      router.catch(() => (router = undefined));
      return router;
    },
  };
}
