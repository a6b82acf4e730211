/** createApp(deps): the one Hono app that the Node server and the Worker both serve, composed from its parts. */
import { Hono } from 'hono';
import type { QaEngine } from '../core/engine';
import { singleReportLibrary, type ReportLibrary } from '../core/reports';
import { defaults } from '../core/settings';
import { accessLog, type AccessLogOptions } from './middleware/access-log';
import { limitBody } from './middleware/body-limit';
import { corsFor } from './middleware/cors';
import { jsonErrors } from './middleware/errors';
import type { ClientKey } from './middleware/client-address';
import { rateLimit, TokenBuckets, type Limiter, type RateLimitOptions } from './middleware/rate-limit';
import { requireHost } from './middleware/require-host';
import { securityHeaders, type SecurityHeaderOptions } from './middleware/security-headers';
import { chatRoutes } from './routes/chat';
import { lookupRoutes } from './routes/lookups';
import { pageRoutes, type PageAssets } from './routes/pages';
import { searchRoutes } from './routes/search';
import { metadataOf } from './present';
import type { ReportInfo } from './schemas';

/** One report: its engine, and its title, publisher and starter questions as /api/report serves them. */
export interface SingleReport {
  engine: QaEngine;
  report: ReportInfo;
  /** Its id (default `report`). */
  reportId?: string;
}

/** A library of reports (see core/reports.ts); every request names one or gets the default. */
export interface LibraryDeps {
  library: ReportLibrary;
}

export type AppDeps = (SingleReport | LibraryDeps) & AppOptions;

export interface AppOptions extends Omit<PageAssets, 'title'> {
  /** Origins allowed to call the API from a browser; '*' (default) allows any, never with credentials. */
  allowedOrigins?: string[] | '*';
  maxBodyBytes?: number;
  /** Per-client limit on /api/chat and /api/search; omitted, nothing is limited (only the host knows who a client is). */
  rateLimit?: RateLimitOptions;
  /** A limiter the platform provides (the Worker's rate-limiting binding), used instead of `rateLimit`'s buckets. */
  rateLimiter?: Limiter;
  /** Who a request counts against for the rate limit (e.g. the socket's address, from the host). */
  clientKey?: ClientKey;
  securityHeaders?: SecurityHeaderOptions;
  /** One JSON line per request (see access-log.ts); omitted, nothing is logged. */
  accessLog?: AccessLogOptions;
  /** Refuse requests without a Host header (400 JSON): the Node server lets them through to be refused here. */
  requireHost?: boolean;
}

/** The library a host passed, or its one report as a library of one. */
function libraryOf(deps: SingleReport | LibraryDeps): ReportLibrary {
  if ('library' in deps) return deps.library;
  return singleReportLibrary(deps.reportId ?? 'report', deps.engine, metadataOf(deps.report));
}

export function createApp(deps: AppDeps) {
  const app = new Hono();
  const library = libraryOf(deps);
  // First, so that it sees every response as it finally leaves, 404s and 405s included.
  if (deps.accessLog) app.use(accessLog({ ...deps.accessLog, ...(deps.clientKey ? { clientKey: deps.clientKey } : {}) }));
  jsonErrors(app);
  app.use(securityHeaders(deps.securityHeaders));
  if (deps.requireHost) app.use(requireHost());
  const origins = deps.allowedOrigins ?? '*';
  app.use('/api/*', corsFor(origins, { exposeRetryAfter: true }));
  app.use('/health', corsFor(origins, { exposeRetryAfter: false }));
  const limiter = deps.rateLimiter ?? (deps.rateLimit ? new TokenBuckets(deps.rateLimit) : undefined);
  if (limiter) {
    const limit = rateLimit({ limiter, ...(deps.clientKey ? { clientKey: deps.clientKey } : {}) });
    app.get('/api/search', limit);
    app.post('/api/chat', limit);
  }
  const maxBodyBytes = deps.maxBodyBytes ?? defaults.maxBodyBytes;
  app.post('/api/chat', limitBody(maxBodyBytes));
  app.route('/', lookupRoutes(library, { limits: { maxBodyBytes } }));
  app.route('/', searchRoutes(library));
  app.route('/', chatRoutes(library));
  app.route('/', pageRoutes({ title: 'report' in deps ? deps.report.title : 'the report library', widgetJs: deps.widgetJs, demoPage: deps.demoPage }));
  return app;
}

export type App = ReturnType<typeof createApp>;
