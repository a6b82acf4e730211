/** Read-only lookups: service health, the report's metadata, footnotes, passages. */
import { Hono } from 'hono';
import type { QaEngine } from '../../core/engine';
import { footnoteJson, passageJson } from '../present';
import { sendError } from '../respond';
import type { ReportInfo } from '../schemas';

export function lookupRoutes(engine: QaEngine, report: ReportInfo): Hono {
  const { library } = engine;
  return new Hono()
    .get('/health', (c) => c.json({ status: 'ok' as const, passages: library.passages.length, footnotes: library.footnotes.length, ...engine.info }))
    .get('/api/report', (c) => c.json(report))
    .get('/api/footnotes', (c) => c.json({ footnotes: library.footnotes.map(footnoteJson) }))
    .get('/api/footnotes/:n', (c) => {
      const raw = c.req.param('n');
      const f = /^[1-9]\d{0,3}$/.test(raw) ? library.footnote(Number(raw)) : undefined;
      if (!f) return sendError(c, 'not_found', `no footnote ${JSON.stringify(raw.slice(0, 40))}; footnotes are numbered 1–${library.footnotes.length}`);
      return c.json(footnoteJson(f));
    })
    .get('/api/passages/:id', (c) => {
      const id = c.req.param('id');
      const p = /^[a-z0-9-]{1,64}$/.test(id) ? library.passage(id) : undefined;
      if (!p) return sendError(c, 'not_found', `no passage ${JSON.stringify(id.slice(0, 80))}`);
      return c.json(passageJson(p, library, engine.english));
    });
}
