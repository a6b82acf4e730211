/**
 * Structured access logs: one JSON line per request — time, method, route (the pattern that
 * answered, e.g. /api/passages/:id, so no reader's text leaks in through a path), status,
 * milliseconds until the response started, and a keyed hash of the client key (enough to tell
 * clients apart in one server's logs, not to recover an address). A streamed answer is logged
 * when its stream starts. What readers asked (the chat question, the search query) is logged only
 * when the operator opts in.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { ClientKey } from './client-address';

export interface AccessLogOptions {
  /** Receives each line (without its newline). */
  write: (line: string) => void;
  /** A keyed, one-way hash of a client key; the host provides it (keyed per process). */
  hashClient: (key: string) => string;
  /** Log the chat question and the search query too (default false). */
  includeQuestions?: boolean;
  /** Clock in milliseconds; injectable for tests. */
  now?: () => number;
}

export interface AccessLogEntry {
  time: string;
  method: string;
  /** The route pattern that answered; null when none did (404, a preflight). */
  route: string | null;
  status: number;
  ms: number;
  /** Hash of the client key; null when the host cannot tell who the client is. */
  client: string | null;
  question?: string;
}

function routeOf(c: Context): string | null {
  const route = matchedRoutes(c)[c.req.routeIndex];
  return route && route.method !== 'ALL' ? route.path : null;
}

/** The question of a chat request (its body is already read and cached by the route) or the query of a search. */
async function questionOf(c: Context): Promise<string | undefined> {
  if (c.req.method === 'GET' && c.req.path === '/api/search') return c.req.query('q');
  if (c.req.method !== 'POST' || c.req.path !== '/api/chat' || c.res.status >= 400) return undefined;
  try {
    const body = JSON.parse(await c.req.text()) as { question?: unknown };
    return typeof body.question === 'string' ? body.question : undefined;
  } catch {
    return undefined;
  }
}

/** Register before every other middleware, so that it sees the final status of every response. */
export function accessLog(options: AccessLogOptions & { clientKey?: ClientKey }): MiddlewareHandler {
  const now = options.now ?? (() => performance.now());
  return async (c, next) => {
    const started = now();
    await next();
    const key = options.clientKey?.(c);
    const entry: AccessLogEntry = {
      time: new Date().toISOString(),
      method: c.req.method,
      route: routeOf(c),
      status: c.res.status,
      ms: Math.round((now() - started) * 100) / 100,
      client: key === undefined ? null : options.hashClient(key),
    };
    if (options.includeQuestions) {
      const question = await questionOf(c);
      if (question !== undefined) entry.question = question;
    }
    options.write(JSON.stringify(entry));
  };
}
