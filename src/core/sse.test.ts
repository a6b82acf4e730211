import { describe, expect, it } from 'vitest';
import { createSseParser, StreamLimitError } from './sse';
import { sseData } from './sse-data';

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
    const parser = createSseParser({ maxLineChars: 100_000 });
    const line = `data: ${'x'.repeat(90_000)}`;
    const started = performance.now();
    const events = [];
    for (const ch of line) events.push(...parser.push(ch));
    events.push(...parser.push('\n\n'));
    // A rescan of the open line on every push took 19 s here.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(events).toEqual([{ event: 'message', data: 'x'.repeat(90_000) }]);
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
    const started = performance.now();
    const read = (async () => {
      for await (const _ of sseData(pieces(`data: ${'あ'.repeat(1_400_000)}\n\n`, 1024))) void _;
    })();
    await expect(read).rejects.toThrow(StreamLimitError);
    expect(performance.now() - started).toBeLessThan(1000);
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
