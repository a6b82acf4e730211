/** GET /api/search: ranked passages for a query, in one report or (`report=*`) across the library. */
import { Hono } from 'hono';
import { searchLibrary } from '../../core/library-search';
import type { ReportLibrary } from '../../core/reports';
import { defaults } from '../../core/settings';
import { hitJson } from '../present';
import { resolveReportOrAll } from '../report-param';
import { describeZodError, sendError } from '../respond';
import { searchQuery } from '../schemas';

/** Response bodies kept per searched thing (a report's engine, or the library's router): as many as an engine keeps results. */
const BODIES_KEPT = defaults.candidateCacheEntries;
const bodies = new WeakMap<object, Map<string, string>>();

/**
 * The JSON body for a query, made once while it is among the most recent: the results are already
 * remembered, and shaping them and serialising several passages is most of what a repeated search costs.
 */
async function bodyFor(owner: object, key: string, make: () => Promise<unknown>): Promise<string> {
  let kept = bodies.get(owner);
  if (!kept) bodies.set(owner, (kept = new Map()));
  let body = kept.get(key);
  if (body !== undefined) kept.delete(key);
  else {
    body = JSON.stringify(await make());
    if (kept.size >= BODIES_KEPT) kept.delete(kept.keys().next().value!);
  }
  kept.set(key, body);
  return body;
}

export function searchRoutes(library: ReportLibrary): Hono {
  return new Hono().get('/api/search', async (c) => {
    const parsed = searchQuery.safeParse({ q: c.req.query('q'), k: c.req.query('k') ?? undefined, report: c.req.query('report') });
    if (!parsed.success) return sendError(c, 'validation_failed', describeZodError(parsed.error));
    const { q, k } = parsed.data;
    const resolved = await resolveReportOrAll(library, parsed.data.report);
    if (!resolved.ok) return sendError(c, resolved.code, resolved.message);
    const key = `${k}\u0000${q}`;
    const json = (body: string) => c.body(body, 200, { 'content-type': 'application/json' });
    if ('all' in resolved) {
      // The library's router stands for the library as it is now: a replaced library has another.
      return json(await bodyFor(await library.router(), key, async () => {
        const hits = await searchLibrary(library, q, k);
        return { results: hits.map(({ report, hit }) => ({ ...hitJson(hit, report.engine.library, report.engine.english), report: report.id })) };
      }));
    }
    const { engine } = resolved.report;
    return json(await bodyFor(engine, key, async () => ({ results: (await engine.search(q, k)).map((h) => hitJson(h, engine.library, engine.english)) })));
  });
}
