/** Read-only lookups: service health, the library's reports, a report's metadata, footnotes, passages. */
import { Hono, type Context } from 'hono';
import { ALL_REPORTS, summaryOf, type ReportLibrary } from '../../core/reports';
import { footnoteJson, libraryInfo, passageJson, reportInfo } from '../present';
import { resolveReport } from '../report-param';
import { sendError } from '../respond';

export interface LookupOptions {
  /** What a client must stay within, served with /api/report. */
  limits: { maxBodyBytes: number };
}

export function lookupRoutes(library: ReportLibrary, options: LookupOptions): Hono {
  /** The report the request names, or the error response. */
  const reportOf = async (c: Context) => {
    const resolved = await resolveReport(library, c.req.query('report'));
    return resolved.ok ? resolved.report : sendError(c, resolved.code, resolved.message);
  };
  return new Hono()
    .get('/health', async (c) => {
      const [entries, info] = await Promise.all([library.entries(), library.info()]);
      const editions = [...new Set(entries.flatMap((e) => e.editions))].sort((a, b) => (a === 'ja' ? -1 : b === 'ja' ? 1 : 0));
      return c.json({
        status: 'ok' as const,
        passages: entries.reduce((n, e) => n + e.passages, 0),
        footnotes: entries.reduce((n, e) => n + e.footnotes, 0),
        ...info,
        editions,
        reports: entries.length,
        editionsByReport: Object.fromEntries(entries.map((e) => [e.id, e.editions])),
      });
    })
    .get('/api/reports', async (c) => c.json({ reports: (await library.entries()).map(summaryOf) }))
    .get('/api/report', async (c) => {
      if (c.req.query('report')?.trim() === ALL_REPORTS) return c.json({ ...libraryInfo(await library.entries()), limits: options.limits });
      const report = await reportOf(c);
      if (report instanceof Response) return report;
      return c.json({ id: report.id, ...reportInfo(report.metadata), limits: options.limits });
    })
    .get('/api/footnotes', async (c) => {
      const report = await reportOf(c);
      if (report instanceof Response) return report;
      return c.json({ footnotes: report.engine.library.footnotes.map(footnoteJson) });
    })
    .get('/api/footnotes/:n', async (c) => {
      const report = await reportOf(c);
      if (report instanceof Response) return report;
      const { library: passages } = report.engine;
      const raw = c.req.param('n');
      const f = /^[1-9]\d{0,3}$/.test(raw) ? passages.footnote(Number(raw)) : undefined;
      if (!f) return sendError(c, 'not_found', `no footnote ${JSON.stringify(raw.slice(0, 40))}; footnotes are numbered 1–${passages.footnotes.length}`);
      return c.json(footnoteJson(f));
    })
    .get('/api/passages/:id', async (c) => {
      const report = await reportOf(c);
      if (report instanceof Response) return report;
      const { engine } = report;
      const id = c.req.param('id');
      const p = /^[a-z0-9-]{1,64}$/.test(id) ? engine.library.passage(id) : undefined;
      if (!p) return sendError(c, 'not_found', `no passage ${JSON.stringify(id.slice(0, 80))}`);
      return c.json(passageJson(p, engine.library, engine.english));
    });
}
