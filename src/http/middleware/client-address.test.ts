import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientKeyFrom, normaliseAddress } from './client-address';

describe('normaliseAddress', () => {
  it('keys IPv4 by its canonical dotted quad: mapped IPv6, leading zeros and ports give the same key', () => {
    for (const spelling of ['203.0.113.9', '::ffff:203.0.113.9', '::FFFF:cb00:7109', '203.000.113.009', '0203.0.113.9', '203.0.113.9:51234', '[::ffff:203.0.113.9]:443', ' 203.0.113.9 ']) {
      expect(normaliseAddress(spelling), spelling).toBe('203.0.113.9');
    }
  });

  it('keys IPv6 by its /64, whatever the spelling: zeros, case, brackets, ports, zone ids, an IPv4 tail', () => {
    for (const spelling of ['2001:db8:1:2:aaaa::1', '2001:0DB8:0001:0002:ffff:0:0:9', '[2001:db8:1:2::1]', '[2001:db8:1:2::1]:8443', '2001:db8:1:2::1%eth0', '2001:db8:1:2:0:0:1.2.3.4']) {
      expect(normaliseAddress(spelling), spelling).toBe('2001:db8:1:2::/64');
    }
    expect(normaliseAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(normaliseAddress('::1')).toBe('0:0:0:0::/64');
    expect(normaliseAddress('64:ff9b::198.51.100.7')).toBe('64:ff9b:0:0::/64');
  });

  it('gives no key for text that is no address', () => {
    for (const junk of ['', 'unknown', '256.1.1.1', '1.2.3', '1.2.3.4.5', '1.2.3.4:99999', '0x7f.0.0.1', '1:2:3:4:5:6:7:8:9', '1::2::3', 'gggg::1', '12345::1', '[1.2.3.4', 'a'.repeat(1000)]) {
      expect(normaliseAddress(junk), junk).toBeUndefined();
    }
  });
});

describe('clientKeyFrom', () => {
  async function keyFor(trustedProxies: number, remote: string | undefined, forwardedFor?: string) {
    const app = new Hono();
    const key = clientKeyFrom({ trustedProxies, remoteAddress: () => remote });
    app.get('/', (c) => c.text(key(c) ?? '(none)'));
    return (await app.request('/', { headers: forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {} })).text();
  }

  it('ignores X-Forwarded-For unless proxies are trusted', async () => {
    expect(await keyFor(0, '10.0.0.5', '198.51.100.7')).toBe('10.0.0.5');
    expect(await keyFor(0, undefined)).toBe('(none)');
    expect(await keyFor(0, '::ffff:10.0.0.5')).toBe('10.0.0.5');
  });

  it('behind trusted proxies takes the address the outermost trusted proxy saw, not a spoofed one', async () => {
    expect(await keyFor(1, '10.0.0.5', '6.6.6.6, 198.51.100.7')).toBe('198.51.100.7');
    expect(await keyFor(2, '10.0.0.5', '6.6.6.6, 198.51.100.7, 10.0.0.9')).toBe('198.51.100.7');
    expect(await keyFor(1, '10.0.0.5')).toBe('10.0.0.5');
    expect(await keyFor(3, '10.0.0.5', '198.51.100.7')).toBe('10.0.0.5');
  });

  it('gives one key whether the proxy adds a port or leading zeros, and falls back to the socket for junk', async () => {
    expect(await keyFor(1, '10.0.0.5', '198.51.100.7:50123')).toBe('198.51.100.7');
    expect(await keyFor(1, '10.0.0.5', '198.051.100.007')).toBe('198.51.100.7');
    expect(await keyFor(1, '10.0.0.5', '[2001:db8:1:2::7]:443')).toBe('2001:db8:1:2::/64');
    expect(await keyFor(1, '10.0.0.5', 'unknown')).toBe('10.0.0.5');
  });
});
