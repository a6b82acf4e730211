import { describe, expect, it } from 'vitest';
import { createSseParser, readSseStream, type SseEvent } from './sse';

function parseChunks(chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createSseParser((e) => events.push(e));
  for (const c of chunks) parser.push(c);
  parser.end();
  return events;
}

/** Every way of cutting `text` into two pieces, plus one piece per character. */
function allSplits(text: string): string[][] {
  const splits: string[][] = [[text], [...text]];
  for (let i = 1; i < text.length; i++) splits.push([text.slice(0, i), text.slice(i)]);
  return splits;
}

const stream =
  'event: meta\ndata: {"lang":"ja","grounded":true}\n\n' +
  'event: delta\ndata: {"text":"開発費は[1]"}\n\n' +
  'event: done\ndata: {"answer":"開発費は[1]"}\n\n';

const expected: SseEvent[] = [
  { event: 'meta', data: '{"lang":"ja","grounded":true}' },
  { event: 'delta', data: '{"text":"開発費は[1]"}' },
  { event: 'done', data: '{"answer":"開発費は[1]"}' },
];

describe('createSseParser', () => {
  it('parses named events in order', () => {
    expect(parseChunks([stream])).toEqual(expected);
  });

  it('gives the same events however the stream is cut into chunks', () => {
    for (const chunks of allSplits(stream)) expect(parseChunks(chunks)).toEqual(expected);
  });

  it('accepts CRLF and lone CR line endings, even with CRLF split across chunks', () => {
    const crlf = stream.replaceAll('\n', '\r\n');
    for (const chunks of allSplits(crlf)) expect(parseChunks(chunks)).toEqual(expected);
    expect(parseChunks([stream.replaceAll('\n', '\r')])).toEqual(expected);
  });

  it('joins multi-line data with newlines and strips one leading space only', () => {
    const events = parseChunks(['data: first\ndata:  second\ndata:third\n\n']);
    expect(events).toEqual([{ event: 'message', data: 'first\n second\nthird' }]);
  });

  it('ignores comments, unknown fields and events without data', () => {
    const events = parseChunks([': keep-alive\nretry: 10\nid: 7\n\nevent: ping\n\nevent: delta\ndata: x\n\n']);
    expect(events).toEqual([{ event: 'delta', data: 'x' }]);
  });

  it('drops an event the stream never closed with a blank line', () => {
    expect(parseChunks(['event: delta\ndata: {"text":"cut']).length).toBe(0);
  });

  it('keeps a field with no colon as an empty value', () => {
    expect(parseChunks(['data\n\n'])).toEqual([{ event: 'message', data: '' }]);
  });
});

describe('readSseStream', () => {
  it('decodes UTF-8 split inside a multi-byte character', async () => {
    const bytes = new TextEncoder().encode(stream);
    // Cut every 5 bytes so Japanese characters (3 bytes each) straddle chunks.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 5) controller.enqueue(bytes.slice(i, i + 5));
        controller.close();
      },
    });
    const events: SseEvent[] = [];
    await readSseStream(body, (e) => events.push(e));
    expect(events).toEqual(expected);
  });

  it('cancels the stream when a handler throws', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: a\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    await expect(
      readSseStream(body, () => {
        throw new Error('bad event');
      }),
    ).rejects.toThrow('bad event');
    expect(cancelled).toBe(true);
  });
});
