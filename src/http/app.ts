/** createApp(deps): the one Hono app that the Node server and the Worker both serve. Routes only. */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { bodyLimit } from 'hono/body-limit';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { streamSSE } from 'hono/streaming';
import { collectAnswer, type QaEngine } from '../core/engine';
import { AppError } from '../core/errors';
import { buildOpenApi } from './openapi';
import { renderDocsPage } from './docs-page';
import { describeZodError, sendError } from './respond';
import { rateLimit, type ClientKey, type RateLimitOptions } from './rate-limit';
import { securityHeaders, type SecurityHeaderOptions } from './security-headers';
import { chatIn, searchQuery, type ChatResponse } from './schemas';
import { footnoteJson, hitJson, passageJson } from './present';

export interface AppDeps {
  engine: QaEngine;
  /** The report's title, shown in the docs. */
  title: string;
  /** The widget bundle served at /widget.js. */
  widgetJs?: string;
  /** The demo page served at /. */
  demoPage?: string;
  /** Origins allowed to call the API from a browser; '*' (default) allows any, never with credentials. */
  allowedOrigins?: string[] | '*';
  /** Largest accepted request body in bytes. */
  maxBodyBytes?: number;
  /** Per-client limit on /api/chat and /api/search; omitted, nothing is limited (only the host knows who a client is). */
  rateLimit?: RateLimitOptions;
  /** Who a request counts against for the rate limit (e.g. the socket's address, from the host). */
  clientKey?: ClientKey;
  /** CSP framing and the like; the headers themselves are always sent. */
  securityHeaders?: SecurityHeaderOptions;
}

export function createApp(deps: AppDeps) {
  const { engine } = deps;
  const app = new Hono();
  const openapi = buildOpenApi(deps.title);

  app.onError((err, c) => {
    if (err instanceof AppError) return sendError(c, err.code, err.message);
    // A client that went away mid-answer is no server fault (and nobody receives this reply).
    if (c.req.raw.signal.aborted) return sendError(c, 'bad_request', 'the client closed the request');
    console.error('request failed:', err);
    return sendError(c, 'internal', 'internal error');
  });
  app.notFound((c) => sendError(c, 'not_found', `no route for ${c.req.method} ${c.req.path}`));
  app.use(securityHeaders(deps.securityHeaders));
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        c.json({ error: { code: 'method_not_allowed', message: `${c.req.method} is not allowed here; use ${methods.join(', ')}` } }, 405, {
          Allow: methods.join(', '),
        }),
    }),
  );
  const origins = deps.allowedOrigins ?? '*';
  const preflight = cors({ origin: origins === '*' ? '*' : origins, allowMethods: ['GET', 'POST', 'OPTIONS'], allowHeaders: ['Content-Type', 'Accept'], exposeHeaders: ['Retry-After'], maxAge: 600, credentials: false });
  // hono's cors sets headers on c.res before the route runs, so Hono then rebuilds every route's
  // response to merge them (~100 µs a request on Node). Preflights go through it; other requests
  // get the same headers added to the route's own response afterwards.
  const corsHeaders = (expose: boolean) => async (c: Context, next: () => Promise<void>) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    const origin = c.req.header('origin') ?? '';
    const allowed = origins === '*' ? '*' : origins.includes(origin) ? origin : undefined;
    if (allowed) c.res.headers.set('Access-Control-Allow-Origin', allowed);
    if (expose) c.res.headers.set('Access-Control-Expose-Headers', 'Retry-After');
    if (origins !== '*') c.res.headers.append('Vary', 'Origin');
  };
  app.use('/api/*', corsHeaders(true));
  app.use('/health', corsHeaders(false));
  if (deps.rateLimit) {
    const limit = rateLimit({ ...deps.rateLimit, ...(deps.clientKey ? { clientKey: deps.clientKey } : {}) });
    app.get('/api/search', limit);
    app.post('/api/chat', limit);
  }

  app.get('/health', (c) =>
    c.json({ status: 'ok' as const, passages: engine.library.passages.length, footnotes: engine.library.footnotes.length, ...engine.info }),
  );

  app.get('/api/search', async (c) => {
    const parsed = searchQuery.safeParse({ q: c.req.query('q'), k: c.req.query('k') ?? undefined });
    if (!parsed.success) return sendError(c, 'validation_failed', describeZodError(parsed.error));
    const hits = await engine.search(parsed.data.q, parsed.data.k);
    return c.json({ results: hits.map((h) => hitJson(h, engine.library)) });
  });

  const maxBody = deps.maxBodyBytes ?? 64 * 1024;
  const tooLarge = (c: Context, headers?: Record<string, string>) => sendError(c, 'payload_too_large', `request body is larger than ${maxBody} bytes`, headers);
  // A streamed (chunked) body cut short is left half-read on its connection, which Node then drops:
  // say so, or a keep-alive client sends its next request into a closed socket.
  const streamedBodyLimit = bodyLimit({ maxSize: maxBody, onError: (c) => tooLarge(c, { Connection: 'close' }) });
  app.post(
    '/api/chat',
    // A declared Content-Length is checked without touching the body: hono's bodyLimit reads
    // c.req.raw.body, which on Node builds a web Request and stream for every request (~200 µs).
    (c, next) => {
      const declared = c.req.header('content-length');
      if (declared === undefined || c.req.header('transfer-encoding') !== undefined) return streamedBodyLimit(c, next);
      return Number(declared) > maxBody ? Promise.resolve(tooLarge(c)) : next();
    },
    async (c) => {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return sendError(c, 'invalid_json', 'request body must be JSON like {"question": "…"}');
      }
      const parsed = chatIn.safeParse(body);
      if (!parsed.success) return sendError(c, 'validation_failed', describeZodError(parsed.error));
      const input = { question: parsed.data.question, history: parsed.data.history ?? [], ...(parsed.data.lang ? { lang: parsed.data.lang } : {}) };
      if (!(c.req.header('accept') ?? '').includes('text/event-stream')) {
        const answer: ChatResponse = await collectAnswer(engine.chat(input, c.req.raw.signal));
        return c.json(answer);
      }
      return streamSSE(c, async (stream) => {
        const abort = new AbortController();
        stream.onAbort(() => abort.abort());
        try {
          for await (const event of engine.chat(input, abort.signal)) {
            if (abort.signal.aborted) break;
            if (event.type === 'meta') await stream.writeSSE({ event: 'meta', data: JSON.stringify(event.answer) });
            else if (event.type === 'delta') await stream.writeSSE({ event: 'delta', data: JSON.stringify({ text: event.text }) });
            else await stream.writeSSE({ event: 'done', data: JSON.stringify(event.answer) });
          }
        } catch (err) {
          const e = err instanceof AppError ? err : new AppError('internal', 'internal error');
          if (!(err instanceof AppError)) console.error('chat stream failed:', err);
          await stream.writeSSE({ event: 'error', data: JSON.stringify({ error: { code: e.code, message: e.message } }) });
        }
      });
    },
  );

  app.get('/api/footnotes', (c) => c.json({ footnotes: engine.library.footnotes.map(footnoteJson) }));
  app.get('/api/footnotes/:n', (c) => {
    const raw = c.req.param('n');
    const n = /^[1-9]\d{0,3}$/.test(raw) ? Number(raw) : NaN;
    const f = Number.isFinite(n) ? engine.library.footnote(n) : undefined;
    if (!f) return sendError(c, 'not_found', `no footnote ${JSON.stringify(raw.slice(0, 40))}; footnotes are numbered 1–${engine.library.footnotes.length}`);
    return c.json(footnoteJson(f));
  });
  app.get('/api/passages/:id', (c) => {
    const id = c.req.param('id');
    const p = /^[a-z0-9-]{1,64}$/.test(id) ? engine.library.passage(id) : undefined;
    if (!p) return sendError(c, 'not_found', `no passage ${JSON.stringify(id.slice(0, 80))}`);
    return c.json(passageJson(p, engine.library));
  });

  app.get('/openapi.json', (c) => c.json(openapi));
  app.get('/docs', (c) => c.html(renderDocsPage(openapi)));
  if (deps.widgetJs !== undefined) {
    const js = deps.widgetJs;
    app.get('/widget.js', (c) =>
      c.body(js, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' }),
    );
  }
  if (deps.demoPage !== undefined) {
    const html = deps.demoPage;
    app.get('/', (c) => c.html(html));
  }
  return app;
}

export type App = ReturnType<typeof createApp>;
