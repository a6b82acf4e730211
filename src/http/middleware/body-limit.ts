/** Request bodies larger than the limit get 413 JSON before anything reads them. */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { sendError } from '../respond';

export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = (c: Context, headers?: Record<string, string>) => sendError(c, 'payload_too_large', `request body is larger than ${maxBytes} bytes`, headers);
  // A streamed (chunked) body cut short is left half-read on its connection, which Node then drops:
  // say so, or a keep-alive client sends its next request into a closed socket.
  const streamed = bodyLimit({ maxSize: maxBytes, onError: (c) => tooLarge(c, { Connection: 'close' }) });
  // A declared Content-Length is checked without touching the body: hono's bodyLimit reads
  // c.req.raw.body, which on Node builds a web Request and stream for every request (~200 µs).
  return (c, next) => {
    const declared = c.req.header('content-length');
    if (declared === undefined || c.req.header('transfer-encoding') !== undefined) return streamed(c, next);
    return Number(declared) > maxBytes ? Promise.resolve(tooLarge(c)) : next();
  };
}
