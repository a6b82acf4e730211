import { describe, expect, it } from 'vitest';
import { createSseDataParser, sseData } from './sse-data';

const bytes = (text: string, size: number) => {
  const all = new TextEncoder().encode(text);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < all.length; i += size) controller.enqueue(all.slice(i, i + size));
      controller.close();
    },
  });
};

async function collect(body: ReadableStream<Uint8Array>, signal?: AbortSignal): Promise<string[]> {
  const out: string[] = [];
  for await (const d of sseData(body, signal)) out.push(d);
  return out;
}

const stream = ': keep-alive\r\n\r\ndata: {"a":"六百万ドル"}\r\n\r\nevent: x\r\nid: 7\r\ndata: line one\r\ndata: line two\r\n\r\ndata: [DONE]\r\n\r\n';

describe('SSE data payloads', () => {
  it('yields each event once, whatever the chunk boundaries (even inside UTF-8 characters and CRLF pairs)', async () => {
    const expected = ['{"a":"六百万ドル"}', 'line one\nline two', '[DONE]'];
    for (const size of [1, 2, 3, 5, 7, 64, 4096]) expect(await collect(bytes(stream, size)), `chunk ${size}`).toEqual(expected);
  });

  it('accepts LF and bare CR line endings', () => {
    const p = createSseDataParser();
    expect(p.push('data: a\n\ndata: b\r\rdata: c')).toEqual(['a', 'b']);
    expect(p.push('\n\n')).toEqual(['c']);
  });

  it('ignores comments and other fields, and events without data', () => {
    const p = createSseDataParser();
    expect(p.push(':ping\n\nevent: noop\n\nretry: 10\ndata:x\n\n')).toEqual(['x']);
  });

  it('keeps an event the server never closed with a blank line', () => {
    const p = createSseDataParser();
    expect(p.push('data: {"last":true}')).toEqual([]);
    expect(p.end()).toEqual(['{"last":true}']);
  });

  it('stops with the abort reason when the signal aborts mid-stream', async () => {
    const abort = new AbortController();
    let pull = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pull++;
        if (pull === 1) controller.enqueue(new TextEncoder().encode('data: first\n\n'));
        // later pulls never deliver: the server hangs
      },
    });
    const seen: string[] = [];
    const run = (async () => {
      for await (const d of sseData(body, abort.signal)) {
        seen.push(d);
        abort.abort(new Error('gave up'));
      }
    })();
    await expect(run).rejects.toThrow('gave up');
    expect(seen).toEqual(['first']);
  });
});
