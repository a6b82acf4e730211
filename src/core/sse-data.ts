/**
 * The `data` payloads of a server-sent-events byte stream, as LLM endpoints send them
 * (OpenAI-compatible `data: {...}` … `data: [DONE]`, Workers AI `data: {"response":…}`).
 * Lines may end in CRLF, LF or CR and chunks may split them anywhere; comment lines
 * (`: keep-alive`) and other fields are ignored; the `data:` lines of one event join with "\n".
 * Web APIs only, so the Node and Workers generators share it.
 *
 * The stream comes from a server that may misbehave, so reading it is bounded: a line longer than
 * `maxLineChars` (64 KiB) or a response larger than `maxResponseBytes` (4 MiB) stops the read
 * with StreamLimitError. An answer is a few KB; its event stream, a few hundred.
 */
import { createSseParser, StreamLimitError } from './sse';

export interface StreamLimits {
  /** Longest event-stream line or event, in characters. */
  maxLineChars?: number;
  /** Most bytes read from one response. */
  maxResponseBytes?: number;
}

export const LLM_STREAM_LIMITS = { maxLineChars: 64 * 1024, maxResponseBytes: 4 * 1024 * 1024 } as const;

export interface SseDataParser {
  /** Feed decoded text; returns the payloads of the events it completed. */
  push(chunk: string): string[];
  /** The stream ended: an event left open (no closing blank line) still counts — some servers omit it. */
  end(): string[];
}

export function createSseDataParser(limits: StreamLimits = {}): SseDataParser {
  const parser = createSseParser({ maxLineChars: limits.maxLineChars ?? LLM_STREAM_LIMITS.maxLineChars });
  return {
    push: (chunk) => parser.push(chunk).map((e) => e.data),
    end: () => parser.end({ keepOpenEvent: true }).map((e) => e.data),
  };
}

/**
 * A byte stream as decoded text chunks, refused past `maxBytes` (StreamLimitError, naming `what`).
 * Stops reading when `signal` aborts; a consumer that stops early cancels the stream, so no
 * connection is left open.
 */
async function* boundedChunks(body: ReadableStream<Uint8Array>, maxBytes: number, what: string, signal?: AbortSignal): AsyncIterable<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const onAbort = () => void reader.cancel(signal?.reason).catch(() => {});
  signal?.addEventListener('abort', onAbort, { once: true });
  let finished = false;
  let bytes = 0;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) throw new StreamLimitError(`${what} is larger than ${maxBytes} bytes`);
      yield decoder.decode(value, { stream: true });
    }
    finished = true;
    signal?.throwIfAborted();
    yield decoder.decode();
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

/** Reads a byte stream to its end, yielding each event's data; stops reading when `signal` aborts. */
export async function* sseData(body: ReadableStream<Uint8Array>, signal?: AbortSignal, limits: StreamLimits = {}): AsyncIterable<string> {
  const parser = createSseDataParser(limits);
  for await (const chunk of boundedChunks(body, limits.maxResponseBytes ?? LLM_STREAM_LIMITS.maxResponseBytes, 'the event stream', signal)) yield* parser.push(chunk);
  yield* parser.end();
}

/** The JSON payloads of an LLM event stream, up to `data: [DONE]`; a payload that is not JSON is counted and skipped. */
export async function* sseJson(body: ReadableStream<Uint8Array>, signal: AbortSignal | undefined, onMalformed: () => void, limits: StreamLimits = {}): AsyncIterable<unknown> {
  for await (const data of sseData(body, signal, limits)) {
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

/** A whole response body as text, read no further than `maxBytes` (StreamLimitError beyond it). */
export async function readBoundedText(body: ReadableStream<Uint8Array> | null, maxBytes: number, signal?: AbortSignal): Promise<string> {
  let text = '';
  if (body) for await (const chunk of boundedChunks(body, maxBytes, 'the response', signal)) text += chunk;
  return text;
}
