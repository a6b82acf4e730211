import { describe, expect, it } from 'vitest';
import { createSseParser, StreamLimitError } from './sse';
import { growth, LINEAR_AT_4X } from '../../test/helpers/scaling';
import { LLM_STREAM_LIMITS, sseData } from './sse-data';

function pieces(text: string, size: number): ReadableStream<Uint8Array> {
  const all = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= all.length) return controller.close();
      controller.enqueue(all.slice(at, (at += size)));
    },
  });
}

describe('createSseParser', () => {
  it('reads a long line fed a character at a time in time proportional to its length', () => {
    const feed = (chars: number) => {
      const parser = createSseParser({ maxLineChars: 100_000 });
      const events = [];
      for (const ch of `data: ${'x'.repeat(chars)}`) events.push(...parser.push(ch));
      events.push(...parser.push('\n\n'));
      return events;
    };
    expect(feed(90_000)).toEqual([{ event: 'message', data: 'x'.repeat(90_000) }]);
    // A rescan of the open line on every push made this quadratic (19 s for 90,000 characters).
    expect(growth(feed, 20_000)).toBeLessThan(LINEAR_AT_4X);
  });

  it('refuses a line longer than the limit as soon as it passes it', () => {
    const parser = createSseParser({ maxLineChars: 1000 });
    expect(parser.push(`data: ${'y'.repeat(990)}`)).toEqual([]);
    expect(() => parser.push('y'.repeat(20))).toThrow(StreamLimitError);
    expect(() => createSseParser({ maxLineChars: 1000 }).push(`data: ${'y'.repeat(2000)}\n`)).toThrow(/longer than 1000 characters/);
  });

  it('refuses an event whose data lines together pass the limit', () => {
    const parser = createSseParser({ maxLineChars: 100 });
    expect(() => parser.push(`${'data: 0123456789\n'.repeat(20)}\n`)).toThrow(StreamLimitError);
  });

  it('keeps CRLF split across chunks as one line ending', () => {
    const parser = createSseParser();
    expect(parser.push('data: a\r')).toEqual([]);
    expect(parser.push('\n\r\n')).toEqual([{ event: 'message', data: 'a' }]);
  });
});

describe('sseData limits', () => {
  it('stops a 4 MB line sent in 1 KB pieces after reading little more than the line limit', async () => {
    let pulled = 0;
    const counted = pieces(`data: ${'あ'.repeat(1_400_000)}\n\n`, 1024).pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({ transform: (chunk, controller) => void (pulled++, controller.enqueue(chunk)) }),
    );
    const read = (async () => {
      for await (const _ of sseData(counted)) void _;
    })();
    await expect(read).rejects.toThrow(StreamLimitError);
    // The line limit is in characters; each あ is 3 bytes of UTF-8. A few pieces of read-ahead at most.
    const limitPieces = Math.ceil((LLM_STREAM_LIMITS.maxLineChars * 3) / 1024);
    expect(pulled).toBeGreaterThanOrEqual(limitPieces);
    expect(pulled).toBeLessThan(limitPieces + 8);
  });

  it('stops a response larger than the byte limit, however its events are cut', async () => {
    const many = 'data: {"choices":[{"delta":{"content":" "}}]}\n\n'.repeat(20_000);
    const seen: string[] = [];
    const read = (async () => {
      for await (const d of sseData(pieces(many, 4096), undefined, { maxResponseBytes: 100_000 })) seen.push(d);
    })();
    await expect(read).rejects.toThrow(/larger than 100000 bytes/);
    expect(seen.length).toBeGreaterThan(1000);
    expect(seen.length).toBeLessThan(2300);
  });
});
