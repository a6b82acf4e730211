/** A library of made-up reports built in memory (hash embedder), for HTTP tests through app.request(). */
import { createEngine } from '../../src/core/engine';
import { buildIndex } from '../../src/core/ingest/build-index';
import { openCorpusData } from '../../src/core/ingest/index-data';
import { createHashEmbedder } from '../../src/core/search/hash-embedder';
import { MemoryVectorSearch } from '../../src/core/search/memory-vectors';
import { reportEntry, routerOf, type OpenedReport, type ReportLibrary } from '../../src/core/reports';
import { readSharedSources } from '../../src/node/corpus';
import { reportText, type MadeUpReport } from './report-text';

export async function memoryLibrary(reports: Record<string, MadeUpReport>, defaultId?: string): Promise<ReportLibrary & { opened: string[] }> {
  const { dictionary } = await readSharedSources();
  const embedder = createHashEmbedder();
  const built = new Map<string, OpenedReport>();
  for (const [id, r] of Object.entries(reports)) {
    const index = await buildIndex({ text: reportText(r), dictionary }, embedder);
    const engine = createEngine({
      passages: index.passages,
      footnotes: index.report.footnotes,
      ...openCorpusData(index.data),
      embedder,
      vectors: new MemoryVectorSearch(index.passages.map((p, i) => ({ id: p.id, vector: index.vectors[i]! }))),
    });
    built.set(id, { id, engine, metadata: index.data.metadata });
  }
  const entries = [...built.values()].map((r) => reportEntry(r.id, r.metadata, { passages: r.engine.library.passages.length, footnotes: r.engine.library.footnotes.length, editions: r.engine.info.editions }));
  const opened: string[] = [];
  return {
    opened,
    entries: async () => entries,
    defaultId: async () => defaultId,
    open: async (id) => {
      const r = built.get(id);
      if (r) opened.push(id);
      return r;
    },
    info: async () => ({ embedder: embedder.id, retrieval: 'hybrid' }),
    router: async () => routerOf([...built.values()]),
  };
}
