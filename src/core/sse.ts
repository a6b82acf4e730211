/**
 * Server-sent-events parsing shared by the widget (our own /api/chat stream) and the LLM
 * generators (OpenAI-compatible and Workers AI streams). WHATWG event-stream rules: lines end in
 * CRLF, LF or CR and chunks may split them anywhere; `data:` lines of one event join with "\n";
 * a blank line dispatches; comments start with ':'. Web APIs only.
 */

export interface SseEvent {
  event: string;
  data: string;
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

export function createSseParser(): SseParser {
  let buffer = '';
  // A chunk ending in CR may be followed by the LF of the same line ending.
  let skipLeadingLf = false;
  let eventType = '';
  let data: string[] = [];

  const dispatch = (out: SseEvent[]) => {
    if (data.length > 0) out.push({ event: eventType || 'message', data: data.join('\n') });
    eventType = '';
    data = [];
  };

  const line = (text: string, out: SseEvent[]) => {
    if (text === '') return dispatch(out);
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventType = value;
    else if (field === 'data') data.push(value);
    // `id` and `retry` only matter for a reconnecting EventSource; a POST is not replayed.
  };

  return {
    push(chunk) {
      const out: SseEvent[] = [];
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
    end(options = {}) {
      const out: SseEvent[] = [];
      if (options.keepOpenEvent) {
        if (buffer !== '') line(buffer, out);
        dispatch(out);
      }
      buffer = '';
      eventType = '';
      data = [];
      return out;
    },
  };
}
