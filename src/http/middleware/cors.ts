/**
 * CORS for the API: any origin ('*', never with credentials) or a list. Preflights go through
 * hono's cors. Other requests get their headers added after the route ran: hono's cors sets them
 * on c.res before the route, so Hono then rebuilds every route's response to merge them (~100 µs
 * a request on Node).
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

export function corsFor(origins: string[] | '*', options: { exposeRetryAfter: boolean }): MiddlewareHandler {
  const preflight = cors({
    origin: origins === '*' ? '*' : origins,
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Accept'],
    exposeHeaders: ['Retry-After'],
    maxAge: 600,
    credentials: false,
  });
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    const origin = c.req.header('origin') ?? '';
    const allowed = origins === '*' ? '*' : origins.includes(origin) ? origin : undefined;
    if (allowed) c.res.headers.set('Access-Control-Allow-Origin', allowed);
    if (options.exposeRetryAfter) c.res.headers.set('Access-Control-Expose-Headers', 'Retry-After');
    if (origins !== '*') c.res.headers.append('Vary', 'Origin');
  };
}
