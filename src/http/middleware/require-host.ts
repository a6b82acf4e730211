/**
 * A request must name the host it is for (HTTP/1.1 requires a Host header). Node can refuse one
 * without it by itself, but with an empty 400; the Node server lets such requests through to
 * the app instead, which refuses them here in the API's JSON envelope, with the security headers
 * and the access log line every other response gets. Register it after those middlewares.
 */
import type { MiddlewareHandler } from 'hono';
import { sendError } from '../respond';

export function requireHost(): MiddlewareHandler {
  return async (c, next) => {
    if (!c.req.header('host')) return sendError(c, 'bad_request', 'the request has no Host header; name the host it is for (HTTP/1.1 requires it)');
    await next();
  };
}
