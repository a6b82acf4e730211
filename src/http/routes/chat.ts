/** POST /api/chat: a cited answer as JSON, or streamed as server-sent events (meta, delta…, done). */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { collectAnswer, type ChatEvent, type ChatInput } from '../../core/engine';
import { chatLibrary } from '../../core/library-search';
import type { ReportLibrary } from '../../core/reports';
import { AppError } from '../../core/errors';
import { prefersEventStream } from '../accept';
import { resolveReportOrAll } from '../report-param';
import { describeZodError, errorBody, sendError } from '../respond';
import { chatIn, type ChatResponse } from '../schemas';

/**
 * An answer's JSON, made once per answer: an engine hands a question it answered recently the same
 * answer object again, and serialising its citations is much of what answering it again costs.
 */
const serialised = new WeakMap<object, string>();
function jsonOf(answer: object): string {
  let text = serialised.get(answer);
  if (text === undefined) serialised.set(answer, (text = JSON.stringify(answer)));
  return text;
}

/** `report` names the report asked; `*` asks the whole library (answers cite each passage's report). */
export function chatRoutes(library: ReportLibrary): Hono {
  return new Hono().post('/api/chat', async (c) => {
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      return sendError(c, 'invalid_json', 'request body must be JSON like {"question": "…"}');
    }
    const parsed = chatIn.safeParse(body);
    if (!parsed.success) return sendError(c, 'validation_failed', describeZodError(parsed.error));
    const resolved = await resolveReportOrAll(library, parsed.data.report);
    if (!resolved.ok) return sendError(c, resolved.code, resolved.message);
    const chat = 'all' in resolved ? (i: ChatInput, signal?: AbortSignal) => chatLibrary(library, i, signal) : resolved.report.engine.chat;
    const input: ChatInput = { question: parsed.data.question, history: parsed.data.history ?? [], ...(parsed.data.lang ? { lang: parsed.data.lang } : {}) };
    if (!prefersEventStream(c.req.header('accept'))) {
      const answer: ChatResponse = await collectAnswer(chat(input, c.req.raw.signal));
      return c.body(jsonOf(answer), 200, { 'content-type': 'application/json' });
    }
    const abort = new AbortController();
    // Asked before the stream opens: a refusal (503 overloaded, with Retry-After) is a plain JSON error.
    const events = chat(input, abort.signal);
    return streamSSE(c, async (stream) => {
      stream.onAbort(() => abort.abort());
      try {
        for await (const event of events) {
          if (abort.signal.aborted) break;
          await stream.writeSSE(sseOf(event));
        }
      } catch (err) {
        const e = err instanceof AppError ? err : new AppError('internal', 'internal error');
        if (!(err instanceof AppError)) console.error('chat stream failed:', err);
        await stream.writeSSE({ event: 'error', data: JSON.stringify(errorBody(e.code, e.message)) });
      }
    });
  });
}

function sseOf(event: ChatEvent): { event: string; data: string } {
  if (event.type === 'meta') return { event: 'meta', data: jsonOf(event.answer) };
  if (event.type === 'delta') return { event: 'delta', data: JSON.stringify({ text: event.text }) };
  return { event: 'done', data: jsonOf(event.answer) };
}
