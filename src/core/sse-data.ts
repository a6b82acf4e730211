/**
 * The `data` payloads of a server-sent-events byte stream, as LLM endpoints send them
 * (OpenAI-compatible `data: {...}` … `data: [DONE]`, Workers AI `data: {"response":…}`).
 * Lines may end in CRLF, LF or CR and chunks may split them anywhere; comment lines
 * (`: keep-alive`) and other fields are ignored; the `data:` lines of one event join with "\n".
 * Web APIs only, so the Node and Workers generators share it.
 */
import { createSseParser } from './sse';

export interface SseDataParser {
  /** Feed decoded text; returns the payloads of the events it completed. */
  push(chunk: string): string[];
  /** The stream ended: an event left open (no closing blank line) still counts — some servers omit it. */
  end(): string[];
}

export function createSseDataParser(): SseDataParser {
  const parser = createSseParser();
  return {
    push: (chunk) => parser.push(chunk).map((e) => e.data),
    end: () => parser.end({ keepOpenEvent: true }).map((e) => e.data),
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

/** The JSON payloads of an LLM event stream, up to `data: [DONE]`; a payload that is not JSON is counted and skipped. */
export async function* sseJson(body: ReadableStream<Uint8Array>, signal: AbortSignal | undefined, onMalformed: () => void): AsyncIterable<unknown> {
  for await (const data of sseData(body, signal)) {
    if (data.trim() === '[DONE]') return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      onMalformed();
      continue;
    }
    yield payload;
  }
}
