/**
 * Content negotiation for /api/chat: an event stream only when the client asks for one by name
 * and prefers it, reading the Accept header's quality values (RFC 9110 §12.5.1). A client that
 * says `text/event-stream;q=0` refuses the stream; one that accepts anything gets JSON, the default.
 */

interface MediaRange {
  type: string;
  q: number;
}

/** The media ranges of an Accept header; a range with an unreadable q-value is left out. */
export function mediaRanges(accept: string): MediaRange[] {
  const out: MediaRange[] = [];
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!type.includes('/')) continue;
    let q = 1;
    for (const param of params) {
      if (!param.startsWith('q=')) continue;
      const value = param.slice(2);
      q = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value) ? Number(value) : NaN;
    }
    if (!Number.isNaN(q)) out.push({ type, q });
  }
  return out;
}

/** The quality a client gives `type`: from the most specific range that matches it, 0 when none does. */
function quality(ranges: MediaRange[], type: string): { q: number; named: boolean } {
  const [major] = type.split('/');
  const exact = ranges.find((r) => r.type === type);
  if (exact) return { q: exact.q, named: true };
  const family = ranges.find((r) => r.type === `${major}/*`) ?? ranges.find((r) => r.type === '*/*');
  return { q: family?.q ?? 0, named: false };
}

/** Whether a chat answer should stream: text/event-stream named, acceptable, and liked at least as well as JSON. */
export function prefersEventStream(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = mediaRanges(accept);
  const stream = quality(ranges, 'text/event-stream');
  return stream.named && stream.q > 0 && stream.q >= quality(ranges, 'application/json').q;
}
