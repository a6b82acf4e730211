/**
 * Server-sent events for POST responses (EventSource cannot POST), with the core's parser.
 * An event not closed by a blank line is dropped, as the spec says.
 */
import { createSseParser as createCoreParser, type SseEvent } from '../src/core/sse';

export type { SseEvent };

export interface SseParser {
  /** Feed decoded text; chunks may split lines, fields or CRLF pairs anywhere. */
  push(chunk: string): void;
  end(): void;
}

export function createSseParser(onEvent: (event: SseEvent) => void): SseParser {
  const parser = createCoreParser();
  return {
    push: (chunk) => parser.push(chunk).forEach(onEvent),
    end: () => parser.end().forEach(onEvent),
  };
}

/** Read a byte stream to its end, handing each complete event to `onEvent`. */
export async function readSseStream(body: ReadableStream<Uint8Array>, onEvent: (event: SseEvent) => void): Promise<void> {
  const parser = createSseParser(onEvent);
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
    }
    parser.push(decoder.decode());
    parser.end();
  } catch (err) {
    // Stop the download when a handler gives up on the stream.
    await reader.cancel().catch(() => undefined);
    throw err;
  } finally {
    reader.releaseLock();
  }
}
