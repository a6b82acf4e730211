/**
 * The `data` payloads of a server-sent-events byte stream, as LLM endpoints send them
 * (OpenAI-compatible `data: {...}` … `data: [DONE]`, Workers AI `data: {"response":…}`).
 * Lines may end in CRLF, LF or CR and chunks may split them anywhere; comment lines
 * (`: keep-alive`) and other fields are ignored; the `data:` lines of one event join with "\n".
 * Web APIs only, so the Node and Workers generators share it.
 */

export interface SseDataParser {
  /** Feed decoded text; returns the payloads of the events it completed. */
  push(chunk: string): string[];
  /** The stream ended: an event left open (no closing blank line) still counts — some servers omit it. */
  end(): string[];
}

export function createSseDataParser(): SseDataParser {
  let buffer = '';
  let data: string[] = [];
  // A chunk ending in CR may be followed by the LF of the same line ending.
  let skipLeadingLf = false;

  const line = (text: string, out: string[]) => {
    if (text === '') {
      if (data.length > 0) out.push(data.join('\n'));
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    if (colon === -1 || text.slice(0, colon) !== 'data') return;
    const value = text.slice(colon + 1);
    data.push(value.startsWith(' ') ? value.slice(1) : value);
  };

  return {
    push(chunk) {
      const out: string[] = [];
      if (skipLeadingLf && chunk.startsWith('\n')) chunk = chunk.slice(1);
      skipLeadingLf = false;
      buffer += chunk;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const ch = buffer.charCodeAt(i);
        if (ch !== 10 && ch !== 13) continue;
        line(buffer.slice(start, i), out);
        if (ch === 13) {
          if (i + 1 === buffer.length) skipLeadingLf = true;
          else if (buffer.charCodeAt(i + 1) === 10) i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
      return out;
    },
    end() {
      const out: string[] = [];
      if (buffer !== '') line(buffer, out);
      buffer = '';
      line('', out);
      return out;
    },
  };
}

/** Reads a byte stream to its end, yielding each event's data; stops reading when `signal` aborts. */
export async function* sseData(body: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncIterable<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = createSseDataParser();
  const onAbort = () => void reader.cancel(signal?.reason).catch(() => {});
  signal?.addEventListener('abort', onAbort, { once: true });
  let finished = false;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    finished = true;
    signal?.throwIfAborted();
    yield* parser.push(decoder.decode());
    yield* parser.end();
  } finally {
    signal?.removeEventListener('abort', onAbort);
    // A consumer that stops early must not leave the connection open.
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
