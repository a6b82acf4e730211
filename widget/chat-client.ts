/** POST /api/chat, streamed as server-sent events, with the API's errors made typed. */
import type { ChatMeta, ChatRequest, ChatResponse, Citation, FootnoteOut } from './api-types';
import { readSseStream } from './sse';

export type ChatErrorKind = 'network' | 'http' | 'stream';

export class ChatError extends Error {
  constructor(
    readonly kind: ChatErrorKind,
    message: string,
    readonly status?: number,
    readonly code?: string,
    /** Seconds the server asked us to wait (429 Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ChatError';
  }
}

export interface ChatHandlers {
  onMeta?(meta: ChatMeta): void;
  onDelta?(text: string): void;
}

export interface ChatOptions {
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

function toFootnotes(x: unknown): FootnoteOut[] {
  if (!Array.isArray(x)) return [];
  return x.filter(isObject).flatMap((f) =>
    typeof f.n === 'number' && typeof f.text === 'string'
      ? [{ n: f.n, text: f.text, urls: Array.isArray(f.urls) ? f.urls.filter((u): u is string => typeof u === 'string') : [] }]
      : [],
  );
}

function toCitations(x: unknown): Citation[] {
  if (!Array.isArray(x)) return [];
  return x.filter(isObject).flatMap((c) =>
    typeof c.ref === 'number' && typeof c.text === 'string'
      ? [
          {
            ref: c.ref,
            id: typeof c.id === 'string' ? c.id : '',
            text: c.text,
            section: typeof c.section === 'string' ? c.section : '',
            page: typeof c.page === 'number' ? c.page : 0,
            footnotes: Array.isArray(c.footnotes) ? c.footnotes.filter((n): n is number => typeof n === 'number') : [],
            quote: typeof c.quote === 'string' ? c.quote : '',
            ...(typeof c.translation === 'string' ? { translation: c.translation } : {}),
            ...(typeof c.report === 'string' ? { report: c.report } : {}),
          },
        ]
      : [],
  );
}

/** Server JSON is data, not trusted structure: keep only well-formed parts. */
export function toMeta(x: unknown): ChatMeta {
  const o = isObject(x) ? x : {};
  const status = o.status === 'not_stated' || o.status === 'not_in_report' ? o.status : o.grounded === false ? 'not_in_report' : 'answered';
  return { lang: o.lang === 'en' ? 'en' : 'ja', status, grounded: o.grounded !== false, citations: toCitations(o.citations), footnotes: toFootnotes(o.footnotes) };
}

export function toChatResponse(x: unknown): ChatResponse {
  if (!isObject(x) || typeof x.answer !== 'string') throw new ChatError('stream', 'the server sent an answer without text');
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
  const suggestions = strings(x.suggestions);
  const warnings = strings(x.warnings);
  return {
    ...toMeta(x),
    answer: x.answer,
    ...(suggestions.length ? { suggestions } : {}),
    ...(typeof x.generator === 'string' ? { generator: x.generator } : {}),
    ...(warnings.length ? { warnings } : {}),
    ...(typeof x.report === 'string' ? { report: x.report } : {}),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ChatError('stream', 'the server sent malformed data');
  }
}

async function httpError(res: Response): Promise<ChatError> {
  let code: string | undefined;
  let message = `HTTP ${res.status}`;
  try {
    const body: unknown = await res.json();
    if (isObject(body) && isObject(body.error)) {
      if (typeof body.error.code === 'string') code = body.error.code;
      if (typeof body.error.message === 'string') message = body.error.message;
    }
  } catch {
    // A proxy's HTML error page: the status alone has to do.
  }
  return new ChatError('http', message, res.status, code, parseRetryAfter(res.headers.get('Retry-After')));
}

/**
 * Ask one question. Streams when the server streams (meta, then deltas), and also
 * accepts a plain JSON answer. Resolves with the final answer; rejects with ChatError,
 * or with the AbortError when `signal` aborts.
 */
export async function sendChat(apiBase: string, request: ChatRequest, handlers: ChatHandlers = {}, options: ChatOptions = {}): Promise<ChatResponse> {
  const doFetch = options.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(`${apiBase}/api/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream, application/json' },
      body: JSON.stringify(request),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (err) {
    if (options.signal?.aborted) throw err;
    throw new ChatError('network', err instanceof Error ? err.message : 'network error');
  }
  if (!res.ok) throw await httpError(res);

  const type = res.headers.get('Content-Type') ?? '';
  if (!type.includes('text/event-stream') || !res.body) {
    const answer = toChatResponse(parseJson(await res.text()));
    handlers.onMeta?.(toMeta(answer));
    handlers.onDelta?.(answer.answer);
    return answer;
  }

  let final: ChatResponse | undefined;
  try {
    await readSseStream(res.body, (event) => {
      if (final) return;
      if (event.event === 'meta') handlers.onMeta?.(toMeta(parseJson(event.data)));
      else if (event.event === 'delta') {
        const d = parseJson(event.data);
        if (isObject(d) && typeof d.text === 'string') handlers.onDelta?.(d.text);
      } else if (event.event === 'done') final = toChatResponse(parseJson(event.data));
      else if (event.event === 'error') {
        const e = parseJson(event.data);
        const inner = isObject(e) && isObject(e.error) ? e.error : {};
        throw new ChatError('stream', typeof inner.message === 'string' ? inner.message : 'the answer failed', undefined, typeof inner.code === 'string' ? inner.code : undefined);
      }
    });
  } catch (err) {
    if (err instanceof ChatError || options.signal?.aborted) throw err;
    throw new ChatError('stream', err instanceof Error ? err.message : 'the answer was cut off');
  }
  if (!final) throw new ChatError('stream', 'the answer was cut off');
  return final;
}
