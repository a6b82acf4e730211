/**
 * Server-sent-events parsing shared by the widget (our own /api/chat stream) and the LLM
 * generators (OpenAI-compatible and Workers AI streams). WHATWG event-stream rules: lines end in
 * CRLF, LF or CR and chunks may split them anywhere; `data:` lines of one event join with "\n";
 * a blank line dispatches; comments start with ':'. Web APIs only.
 *
 * Each character is looked at once: a line still open at the end of a chunk is kept as a list of
 * pieces and joined when it ends, so a long line fed in small chunks costs its length, not its
 * length squared. A line or event longer than `maxLineChars` is refused with StreamLimitError, since
 * the stream comes from a server that may misbehave and the parser holds it in memory.
 */

export interface SseEvent {
  event: string;
  data: string;
}

export interface SseParserOptions {
  /** Longest line, and longest event (its data lines together), in characters; default 1 MiB. */
  maxLineChars?: number;
}

/** A stream broke a size limit: reading more of it would only cost memory and time. */
export class StreamLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StreamLimitError';
  }
}

export interface SseParser {
  /** Feed decoded text; returns the events it completed. */
  push(chunk: string): SseEvent[];
  /**
   * The stream ended. The spec drops an event not closed by a blank line; some LLM servers omit
   * that last blank line, so their readers ask to keep it.
   */
  end(options?: { keepOpenEvent?: boolean }): SseEvent[];
}

export const DEFAULT_MAX_LINE_CHARS = 1024 * 1024;

export function createSseParser(options: SseParserOptions = {}): SseParser {
  const maxLine = options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS;
  /** The open line, in the pieces it arrived in. */
  let pieces: string[] = [];
  let openLength = 0;
  // A chunk ending in CR may be followed by the LF of the same line ending.
  let skipLeadingLf = false;
  let eventType = '';
  let data: string[] = [];
  let dataLength = 0;

  const tooLong = (what: string) => new StreamLimitError(`the event stream sent ${what} longer than ${maxLine} characters`);

  const dispatch = (out: SseEvent[]) => {
    if (data.length > 0) out.push({ event: eventType || 'message', data: data.join('\n') });
    eventType = '';
    data = [];
    dataLength = 0;
  };

  const line = (text: string, out: SseEvent[]) => {
    if (text === '') return dispatch(out);
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventType = value;
    else if (field === 'data') {
      dataLength += value.length + 1;
      if (dataLength > maxLine) throw tooLong('an event');
      data.push(value);
    }
    // `id` and `retry` only matter for a reconnecting EventSource; a POST is not replayed.
  };

  /** The open line's pieces plus `tail`, as one string; the open line is then empty. */
  const takeLine = (tail: string) => {
    const text = pieces.length === 0 ? tail : pieces.join('') + tail;
    pieces = [];
    openLength = 0;
    return text;
  };

  return {
    push(chunk) {
      const out: SseEvent[] = [];
      let start = 0;
      if (skipLeadingLf && chunk.charCodeAt(0) === 10) start = 1;
      skipLeadingLf = false;
      for (let i = start; i < chunk.length; i++) {
        const ch = chunk.charCodeAt(i);
        if (ch !== 10 && ch !== 13) continue;
        if (openLength + (i - start) > maxLine) throw tooLong('a line');
        line(takeLine(chunk.slice(start, i)), out);
        if (ch === 13) {
          if (i + 1 === chunk.length) skipLeadingLf = true;
          else if (chunk.charCodeAt(i + 1) === 10) i++;
        }
        start = i + 1;
      }
      if (start < chunk.length) {
        openLength += chunk.length - start;
        if (openLength > maxLine) throw tooLong('a line');
        pieces.push(chunk.slice(start));
      }
      return out;
    },
    end(options = {}) {
      const out: SseEvent[] = [];
      const rest = takeLine('');
      if (options.keepOpenEvent) {
        if (rest !== '') line(rest, out);
        dispatch(out);
      }
      eventType = '';
      data = [];
      dataLength = 0;
      return out;
    },
  };
}
