import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { jsonErrors } from './errors';
import { requireHost } from './require-host';
import { securityHeaders } from './security-headers';

function app() {
  const a = new Hono();
  jsonErrors(a);
  a.use(securityHeaders());
  a.use(requireHost());
  a.get('/health', (c) => c.json({ status: 'ok' }));
  return a;
}

describe('requireHost', () => {
  it('refuses a request with no Host header in the JSON envelope, with security headers', async () => {
    const res = await app().request('/health');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'bad_request', message: expect.stringContaining('Host') } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('lets a request that names its host through', async () => {
    const res = await app().request('/health', { headers: { Host: 'example.org' } });
    expect(res.status).toBe(200);
  });
});
