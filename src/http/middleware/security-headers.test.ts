import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { describe, expect, it } from 'vitest';
import { NON_PAGE_POLICY, pagePolicy, securityHeaders } from './security-headers';

function appWith(options?: Parameters<typeof securityHeaders>[0]) {
  const app = new Hono();
  app.use(securityHeaders(options));
  app.onError((_err, c) => c.json({ error: { code: 'internal', message: 'internal error' } }, 500));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'no route' } }, 404));
  app.get('/', (c) => c.html('<!doctype html><title>demo</title><script src="/widget.js" defer></script>'));
  app.get('/api/x', (c) => c.json({ ok: true }));
  app.get('/powered', (c) => c.text('x', 200, { 'X-Powered-By': 'SomeFramework' }));
  app.get('/boom', () => {
    throw new Error('boom');
  });
  app.get('/stream', (c) => streamSSE(c, async (s) => s.writeSSE({ data: 'hi' })));
  return app;
}

/** The policy as a map from directive to its sources. */
function directives(csp: string | null): Map<string, string[]> {
  return new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name!, sources]));
}

describe('securityHeaders', () => {
  it('gives the demo page a policy that runs only same-origin scripts and reaches only this origin', async () => {
    const res = await appWith().request('/');
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'self'"]);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('lets the host widen or close framing', async () => {
    const open = await appWith({ frameAncestors: ["'self'", 'https://cms.example.org'] }).request('/');
    expect(directives(open.headers.get('content-security-policy')).get('frame-ancestors')).toEqual(["'self'", 'https://cms.example.org']);
    expect(open.headers.get('x-frame-options')).toBeNull();
    const closed = await appWith({ frameAncestors: [] }).request('/');
    expect(directives(closed.headers.get('content-security-policy')).get('frame-ancestors')).toEqual(["'none'"]);
    expect(closed.headers.get('x-frame-options')).toBe('DENY');
  });

  it('sends nosniff and a referrer policy on every response, errors and streams included', async () => {
    const app = appWith();
    for (const path of ['/', '/api/x', '/nowhere', '/boom', '/stream']) {
      const res = await app.request(path);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('x-powered-by'), path).toBeNull();
      await res.arrayBuffer();
    }
    expect((await app.request('/boom')).status).toBe(500);
    expect((await app.request('/nowhere')).status).toBe(404);
  });

  it('gives responses that are not pages a policy that allows nothing', async () => {
    const app = appWith();
    for (const path of ['/api/x', '/nowhere', '/stream']) expect((await app.request(path)).headers.get('content-security-policy')).toBe(NON_PAGE_POLICY);
  });

  it('strips a framework banner', async () => {
    expect((await appWith().request('/powered')).headers.get('x-powered-by')).toBeNull();
  });

  it('builds the same page policy the middleware sends', async () => {
    expect((await appWith().request('/')).headers.get('content-security-policy')).toBe(pagePolicy());
  });
});
