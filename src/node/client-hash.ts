/**
 * Client keys as access logs show them: HMAC-SHA-256 under a key made at start-up, so one
 * process's lines can be grouped by client but no address can be read back or matched across
 * restarts. Recent keys are remembered, so a busy client costs one HMAC, not one a request.
 */
import { createHmac, randomBytes } from 'node:crypto';

export function clientHasher(secret: Uint8Array = randomBytes(32), remember = 1024): (key: string) => string {
  const cache = new Map<string, string>();
  return (key) => {
    let hash = cache.get(key);
    if (hash === undefined) {
      if (cache.size >= remember) cache.clear();
      hash = createHmac('sha256', secret).update(key).digest('hex').slice(0, 16);
      cache.set(key, hash);
    }
    return hash;
  };
}
