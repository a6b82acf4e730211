/** GET /api/search: ranked passages for a query, in one report or (`report=*`) across the library. */
import { Hono } from 'hono';
import { searchLibrary } from '../../core/library-search';
import type { ReportLibrary } from '../../core/reports';
import { hitJson } from '../present';
import { resolveReportOrAll } from '../report-param';
import { describeZodError, sendError } from '../respond';
import { searchQuery } from '../schemas';

export function searchRoutes(library: ReportLibrary): Hono {
  return new Hono().get('/api/search', async (c) => {
    const parsed = searchQuery.safeParse({ q: c.req.query('q'), k: c.req.query('k') ?? undefined, report: c.req.query('report') });
    if (!parsed.success) return sendError(c, 'validation_failed', describeZodError(parsed.error));
    const { q, k } = parsed.data;
    const resolved = await resolveReportOrAll(library, parsed.data.report);
    if (!resolved.ok) return sendError(c, resolved.code, resolved.message);
    if ('all' in resolved) {
      const hits = await searchLibrary(library, q, k);
      return c.json({ results: hits.map(({ report, hit }) => ({ ...hitJson(hit, report.engine.library, report.engine.english), report: report.id })) });
    }
    const { engine } = resolved.report;
    const hits = await engine.search(q, k);
    return c.json({ results: hits.map((h) => hitJson(h, engine.library, engine.english)) });
  });
}
