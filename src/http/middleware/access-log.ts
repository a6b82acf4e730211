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

/** The ISO time of the current millisecond, made once per millisecond: under load many requests share one. */
function isoClock(): () => string {
  let at = 0;
  let text = '';
  return () => {
    const ms = Date.now();
    if (ms !== at) {
      at = ms;
      text = new Date(ms).toISOString();
    }
    return text;
  };
}

/** The entry as one JSON line, in AccessLogEntry's key order (written out: a log line per request adds up). */
function line(e: AccessLogEntry): string {
  const question = e.question === undefined ? '' : `,"question":${JSON.stringify(e.question)}`;
  const route = e.route === null ? 'null' : JSON.stringify(e.route);
  const client = e.client === null ? 'null' : JSON.stringify(e.client);
  return `{"time":"${e.time}","method":${JSON.stringify(e.method)},"route":${route},"status":${e.status},"ms":${e.ms},"client":${client}${question}}`;
}

/** Register before every other middleware, so that it sees the final status of every response. */
export function accessLog(options: AccessLogOptions & { clientKey?: ClientKey }): MiddlewareHandler {
  const now = options.now ?? (() => performance.now());
  const time = isoClock();
  return async (c, next) => {
    const started = now();
    await next();
    const key = options.clientKey?.(c);
    const entry: AccessLogEntry = {
      time: time(),
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
    options.write(line(entry));
  };
}
