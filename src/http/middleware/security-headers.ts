/**
 * Response headers that keep the demo page and the API from being turned against their users.
 *
 * HTML pages (the demo at / and /docs) run only scripts from this origin: the demo page has no
 * inline script and loads the widget from /widget.js, which talks to this origin's API. Inline
 * styles stay allowed because the page carries a <style> block and the widget styles its Shadow
 * DOM (style attributes for the accent colour, a <style> fallback where constructable sheets are
 * missing). The pages need no framing by other sites — third parties embed the widget with a
 * script tag, not an iframe — so only this origin may frame them. Everything else (JSON, SSE,
 * the widget bundle) gets a policy that allows nothing, since none of it is meant to render.
 */
import type { MiddlewareHandler } from 'hono';

export interface SecurityHeaderOptions {
  /** Who may frame the HTML pages: CSP source expressions (default `'self'`). */
  frameAncestors?: string[];
}

export function pagePolicy(frameAncestors: string[] = ["'self'"]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.length ? frameAncestors.join(' ') : "'none'"}`,
  ].join('; ');
}

export const NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'";
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/** Adds the headers to every response, errors and 404s included: register it before anything else. */
export function securityHeaders(options: SecurityHeaderOptions = {}): MiddlewareHandler {
  const page = pagePolicy(options.frameAncestors);
  const framing = options.frameAncestors ?? ["'self'"];
  const frameOptions = framing.length === 0 ? 'DENY' : framing.length === 1 && framing[0] === "'self'" ? 'SAMEORIGIN' : undefined;
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    const isPage = (headers.get('content-type') ?? '').toLowerCase().startsWith('text/html');
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', REFERRER_POLICY);
    headers.set('Content-Security-Policy', isPage ? page : NON_PAGE_POLICY);
    // Older browsers ignore frame-ancestors; X-Frame-Options says the same where it can.
    if (isPage && frameOptions) headers.set('X-Frame-Options', frameOptions);
    headers.delete('X-Powered-By');
    headers.delete('Server');
  };
}
