import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { bindingLimiter, cloudflareClientKey, rateLimitBinding, type RateLimitBinding } from './rate-limit-binding';

describe('the rate-limiting binding as a Limiter', () => {
  it('allows what the binding allows and refuses the rest with a minute to wait', async () => {
    const seen: string[] = [];
    const binding: RateLimitBinding = { limit: async ({ key }) => (seen.push(key), { success: seen.length <= 2 }) };
    const limiter = bindingLimiter(binding);
    expect(await limiter.take('a')).toMatchObject({ allowed: true });
    expect(await limiter.take('a')).toMatchObject({ allowed: true });
    expect(await limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(seen).toEqual(['a', 'a', 'a']);
  });

  it('does not count a request that did not come through Cloudflare’s edge (no CF-Connecting-IP)', async () => {
    const binding: RateLimitBinding = { limit: async () => ({ success: false }) };
    expect(await bindingLimiter(binding).take('unknown')).toMatchObject({ allowed: true });
    expect(await bindingLimiter(binding).take('198.51.100.7')).toMatchObject({ allowed: false });
  });

  it('lets a request through, and logs, when the binding itself fails', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const limiter = bindingLimiter({ limit: () => Promise.reject(new Error('binding unavailable')) });
    expect(await limiter.take('a')).toMatchObject({ allowed: true });
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('binding unavailable'));
    errors.mockRestore();
  });

  it('finds the binding only when it is one', () => {
    expect(rateLimitBinding({ RATE_LIMITER: { limit: async () => ({ success: true }) } })).toBeDefined();
    expect(rateLimitBinding({ RATE_LIMITER: 'a string var' })).toBeUndefined();
    expect(rateLimitBinding({})).toBeUndefined();
  });

  it('keys a request by CF-Connecting-IP, IPv6 by its /64', async () => {
    const app = new Hono().get('/', (c) => c.text(cloudflareClientKey(c) ?? '(none)'));
    const key = async (ip?: string) => (await app.request('/', { headers: ip ? { 'CF-Connecting-IP': ip } : {} })).text();
    expect(await key('198.51.100.7')).toBe('198.51.100.7');
    expect(await key('2001:db8:1:2::99')).toBe('2001:db8:1:2::/64');
    expect(await key()).toBe('(none)');
    // Loopback is never an internet client's address: such a request did not come through Cloudflare.
    expect(await key('127.0.0.1')).toBe('(none)');
    expect(await key('::1')).toBe('(none)');
  });
});
