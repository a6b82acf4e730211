import { describe, expect, it } from 'vitest';
import { mediaRanges, prefersEventStream } from './accept';

describe('prefersEventStream', () => {
  it('streams when text/event-stream is named and liked at least as well as JSON', () => {
    for (const accept of ['text/event-stream', 'Text/Event-Stream', 'text/event-stream, application/json', 'application/json;q=0.5, text/event-stream', 'text/event-stream;q=0.8, */*;q=0.1']) {
      expect(prefersEventStream(accept), accept).toBe(true);
    }
  });

  it('answers JSON when the stream is refused, not named, or liked less', () => {
    for (const accept of [undefined, '', '*/*', 'text/*', 'application/json', 'text/event-stream;q=0', 'text/event-stream; q=0.000', 'application/json, text/event-stream;q=0.5', 'text/event-stream;q=2', 'text/event-stream;q=abc']) {
      expect(prefersEventStream(accept), String(accept)).toBe(false);
    }
  });

  it('reads q-values, leaving out ranges whose q cannot be read', () => {
    expect(mediaRanges('a/b;q=0.5, c/d, e/f;q=1.5, g/h;level=1;q=0')).toEqual([
      { type: 'a/b', q: 0.5 },
      { type: 'c/d', q: 1 },
      { type: 'g/h', q: 0 },
    ]);
  });
});
