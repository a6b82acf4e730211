/**
 * The Worker's per-client limit: Cloudflare's rate-limiting binding (`[[ratelimits]]` in
 * wrangler.toml), counted per client address at Cloudflare's edge rather than in an isolate's
 * memory, which is local and short-lived. The client is CF-Connecting-IP, keyed like the Node
 * server's (IPv6 by its /64). Cloudflare sets that header to the client's public address on every
 * request reaching the Worker from the internet, so a request without it, or with a loopback
 * address, did not come that way (`wrangler dev`, another Worker through a service binding) and
 * is not limited.
 */
import type { Context } from 'hono';
import { normaliseAddress, type ClientKey } from '../http/middleware/client-address';
import { UNKNOWN_CLIENT, type Limiter, type TakeResult } from '../http/middleware/rate-limit';

/** The part of the binding this uses: `env.RATE_LIMITER.limit({ key })`. */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/**
 * The binding does not say when its window ends; its period is 10 or 60 seconds, so a refused
 * client is told the longer of the two.
 */
const RETRY_AFTER_SECONDS = 60;

export function rateLimitBinding(env: Record<string, unknown>, name = 'RATE_LIMITER'): RateLimitBinding | undefined {
  const binding = env[name] as Partial<RateLimitBinding> | undefined;
  return typeof binding?.limit === 'function' ? (binding as RateLimitBinding) : undefined;
}

/** A Limiter over the binding. Should the binding itself fail, the request is let through and the failure logged: a limiter outage must not take the API down. */
export function bindingLimiter(binding: RateLimitBinding): Limiter {
  return {
    async take(key): Promise<TakeResult> {
      if (key === UNKNOWN_CLIENT) return { allowed: true, remaining: 0 };
      try {
        const { success } = await binding.limit({ key });
        return success ? { allowed: true, remaining: 0 } : { allowed: false, retryAfterSeconds: RETRY_AFTER_SECONDS };
      } catch (err) {
        console.error(`report-chat: the rate-limiting binding failed, request let through: ${err instanceof Error ? err.message : String(err)}`);
        return { allowed: true, remaining: 0 };
      }
    },
  };
}

/** 127.0.0.0/8 and ::1 (whose /64 is ::/64, which no internet client has). */
const isLoopback = (key: string) => key.startsWith('127.') || key === '0:0:0:0::/64';

export const cloudflareClientKey: ClientKey = (c: Context) => {
  const address = c.req.header('cf-connecting-ip');
  const key = address ? normaliseAddress(address) : undefined;
  return key && !isLoopback(key) ? key : undefined;
};
