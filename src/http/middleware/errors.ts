/** Every failure leaves as the one JSON error envelope: thrown errors, unknown routes, wrong methods. */
import type { Hono } from 'hono';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { AppError } from '../../core/errors';
import { sendError } from '../respond';

/** Retry-After for an error that says when to try again (a server at its bound of generated answers). */
export function retryAfter(err: unknown): Record<string, string> | undefined {
  const seconds = (err as { retryAfterSeconds?: unknown })?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? { 'Retry-After': String(Math.ceil(seconds)) } : undefined;
}

export function jsonErrors(app: Hono): void {
  app.onError((err, c) => {
    if (err instanceof AppError) return sendError(c, err.code, err.message, retryAfter(err));
    // A client that went away mid-answer is no server fault (and nobody receives this reply).
    if (c.req.raw.signal.aborted) return sendError(c, 'bad_request', 'the client closed the request');
    console.error('request failed:', err);
    return sendError(c, 'internal', 'internal error');
  });
  app.notFound((c) => sendError(c, 'not_found', `no route for ${c.req.method} ${c.req.path}`));
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) => sendError(c, 'method_not_allowed', `${c.req.method} is not allowed here; use ${methods.join(', ')}`, { Allow: methods.join(', ') }),
    }),
  );
}
