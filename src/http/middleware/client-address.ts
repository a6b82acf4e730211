/**
 * Who a request comes from, as one key per client for rate limiting: the connection's address,
 * or behind trusted reverse proxies the address the outermost of them saw. Each spelling of one
 * address must give the same key, or a client gets a fresh bucket per spelling: a port is
 * dropped ("203.0.113.9:51234", "[2001:db8::1]:443" — some proxies append the client's port),
 * IPv4 is written canonically ("010.000.000.001" is 10.0.0.1; IPv4-mapped IPv6 is IPv4), and IPv6
 * is keyed by its /64 prefix, since one host commonly holds a whole /64 and could otherwise
 * rotate through it. Text that is no address gives no key.
 */
import type { Context } from 'hono';

/** Who a request counts against. Undefined when the host cannot tell (all such requests share one bucket). */
export type ClientKey = (c: Context) => string | undefined;

/** Dotted-quad IPv4, each part decimal 0–255 (leading zeros allowed, and read as decimal), canonically written. */
function ipv4(text: string): string | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const values = parts.map((p) => (/^\d{1,8}$/.test(p) ? Number(p) : NaN));
  return values.every((v) => v <= 255) ? values.join('.') : undefined;
}

/** The eight 16-bit groups of an IPv6 address (an IPv4 tail counts as two), or undefined. */
function ipv6Groups(text: string): number[] | undefined {
  let head = text;
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    const v4 = ipv4(text.slice(lastColon + 1));
    if (!v4) return undefined;
    const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
    tail.push((a << 8) | b, (c << 8) | d);
    // "::ffff:1.2.3.4" → "::ffff"; "64:ff9b::1.2.3.4" and "::1.2.3.4" keep their "::".
    head = text.slice(0, lastColon + 1);
    if (!head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const group = (g: string) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN);
  const left = halves[0] ? halves[0].split(':').map(group) : [];
  const right = halves.length === 2 && halves[1] ? halves[1].split(':').map(group) : [];
  const written = left.length + right.length + tail.length;
  if ([...left, ...right].some(Number.isNaN)) return undefined;
  if (halves.length === 1 ? written !== 8 : written > 7) return undefined;
  return [...left, ...Array<number>(8 - written).fill(0), ...right, ...tail];
}

/** One key per client address (see above), or undefined when `address` is not one. */
export function normaliseAddress(address: string): string | undefined {
  const written = address.trim().toLowerCase();
  // A port follows a bracketed IPv6 address or an IPv4 one; a bare IPv6 address has none.
  const withPort = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(written) ?? /^([\d.]+):(\d{1,5})$/.exec(written);
  if (withPort?.[2] && Number(withPort[2]) > 65535) return undefined;
  const a = (withPort ? withPort[1]! : written).replace(/%.*$/, '');
  if (!a.includes(':')) return ipv4(a);
  const groups = ipv6Groups(a);
  if (!groups) return undefined;
  // IPv4-mapped (::ffff:a.b.c.d): the IPv4 client behind a dual-stack socket.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.');
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

/**
 * The client key from the connection's address, or — behind `trustedProxies` reverse proxies —
 * from X-Forwarded-For. Each trusted proxy appends the address it saw, so the client is the entry
 * that many places from the right; entries further left are whatever the client chose to send.
 * An entry that is no address falls back to the connection's address.
 */
export function clientKeyFrom(options: { trustedProxies: number; remoteAddress: (c: Context) => string | undefined }): ClientKey {
  return (c) => {
    const remote = options.remoteAddress(c);
    if (options.trustedProxies > 0) {
      const hops = (c.req.header('x-forwarded-for') ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const client = hops[hops.length - options.trustedProxies];
      const key = client === undefined ? undefined : normaliseAddress(client);
      if (key) return key;
    }
    return remote ? normaliseAddress(remote) : undefined;
  };
}
