/** GET /api/search: ranked passages for a query. */
import { Hono } from 'hono';
import type { QaEngine } from '../../core/engine';
import { hitJson } from '../present';
import { describeZodError, sendError } from '../respond';
import { searchQuery } from '../schemas';

export function searchRoutes(engine: QaEngine): Hono {
  return new Hono().get('/api/search', async (c) => {
    const parsed = searchQuery.safeParse({ q: c.req.query('q'), k: c.req.query('k') ?? undefined });
    if (!parsed.success) return sendError(c, 'validation_failed', describeZodError(parsed.error));
    const hits = await engine.search(parsed.data.q, parsed.data.k);
    return c.json({ results: hits.map((h) => hitJson(h, engine.library, engine.english)) });
  });
}
