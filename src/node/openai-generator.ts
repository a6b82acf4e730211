/**
 * A Generator over any OpenAI-compatible chat completions endpoint (OpenAI, DeepSeek, Ollama,
 * vLLM, llama.cpp …): POST {baseUrl}/chat/completions with `stream: true`.
 *
 * - The stream is read as SSE (`data: {"choices":[{"delta":{"content":…}}]}` … `data: [DONE]`);
 *   a server that ignores `stream` and answers with one JSON completion is accepted too.
 * - A malformed chunk is skipped, not fatal: one garbled keep-alive or vendor extension must not
 *   discard a good answer, and the answer is checked against the passages afterwards anyway. A
 *   stream that yields no text at all fails, saying how many chunks were malformed.
 * - The whole request is bounded by `timeoutMs` and by the caller's signal.
 * - A connection failure, 5xx, 429 or a stream that breaks before any text is retried once.
 * Error messages are fit to show to readers (no URL, key or response body); `detail` holds what
 * the endpoint said, for the server log.
 */
import { buildMessages } from '../core/answer/prompt';
import type { GenerationRequest, Generator } from '../core/ports';
import { sseJson } from '../core/sse-data';

export interface OpenAiGeneratorOptions {
  /** e.g. https://api.openai.com/v1, https://api.deepseek.com, http://localhost:11434/v1 */
  baseUrl: string;
  apiKey?: string;
  model: string;
  /** Budget for the whole request, retry included. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  temperature?: number;
  maxTokens?: number;
  /** Pause before the retry (a 429's Retry-After is honoured up to 2 s). */
  retryDelayMs?: number;
}

export class GeneratorError extends Error {
  readonly retryable: boolean;
  readonly detail?: string;
  /** From a 429's or 503's Retry-After header. */
  readonly retryAfterMs?: number;
  constructor(message: string, options: { retryable?: boolean; detail?: string; retryAfterMs?: number } = {}) {
    super(message);
    this.name = 'GeneratorError';
    this.retryable = options.retryable ?? false;
    if (options.detail) this.detail = options.detail;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

export function chatCompletionsUrl(baseUrl: string): string {
  const base = baseUrl.trim().replace(/\/+$/, '');
  return base.endsWith('/chat/completions') ? base : `${base}/chat/completions`;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const first = (x: unknown) => (isRecord(x) && Array.isArray(x.choices) && isRecord(x.choices[0]) ? x.choices[0] : undefined);

/** Text of one streamed chunk (`delta.content`), or of a whole completion (`message.content`). */
export function chunkText(payload: unknown): string {
  const choice = first(payload);
  const part = isRecord(choice?.delta) ? choice.delta.content : isRecord(choice?.message) ? choice.message.content : undefined;
  return typeof part === 'string' ? part : '';
}

function errorMessageIn(payload: unknown): string | undefined {
  if (!isRecord(payload) || payload.error === undefined) return undefined;
  const e = payload.error;
  return (isRecord(e) && typeof e.message === 'string' ? e.message : typeof e === 'string' ? e : JSON.stringify(e)).slice(0, 300);
}

async function httpError(res: Response): Promise<GeneratorError> {
  const body = await res.text().catch(() => '');
  let detail = body.slice(0, 300);
  try {
    detail = errorMessageIn(JSON.parse(body)) ?? detail;
  } catch {
    // not JSON: keep the text
  }
  const header = res.headers.get('retry-after');
  const after = header === null || header.trim() === '' ? NaN : Number(header);
  return new GeneratorError(`the LLM endpoint answered HTTP ${res.status}`, {
    retryable: res.status >= 500 || res.status === 429,
    detail,
    ...(Number.isFinite(after) && after >= 0 ? { retryAfterMs: after * 1000 } : {}),
  });
}

/** Waits as the server asked, but never long: the reader is waiting and the extractive answer is ready. */
const MAX_RETRY_WAIT_MS = 2000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function createOpenAiGenerator(options: OpenAiGeneratorOptions): Generator {
  const url = chatCompletionsUrl(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? 20_000;
  const doFetch = options.fetch ?? fetch;
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'text/event-stream, application/json' };
  if (options.apiKey) headers.Authorization = `Bearer ${options.apiKey}`;

  /** One attempt; `onText` learns whether any text was produced before a failure. */
  async function* attempt(body: string, signal: AbortSignal, onText: () => void): AsyncIterable<string> {
    let res: Response;
    try {
      res = await doFetch(url, { method: 'POST', headers, body, signal });
    } catch (err) {
      if (signal.aborted) throw err;
      const cause = isRecord(err) && isRecord(err.cause) && typeof err.cause.code === 'string' ? err.cause.code : err instanceof Error ? err.message : String(err);
      throw new GeneratorError('could not connect to the LLM endpoint', { retryable: true, detail: cause });
    }
    if (!res.ok) throw await httpError(res);
    if ((res.headers.get('content-type') ?? '').includes('application/json')) {
      const payload: unknown = await res.json().catch(() => undefined);
      const failure = errorMessageIn(payload);
      if (failure) throw new GeneratorError('the LLM endpoint reported an error', { retryable: true, detail: failure });
      const text = chunkText(payload);
      if (!text) throw new GeneratorError('the LLM endpoint returned no answer', { detail: JSON.stringify(payload)?.slice(0, 300) });
      onText();
      yield text;
      return;
    }
    if (!res.body) throw new GeneratorError('the LLM endpoint returned an empty response', { retryable: true });
    let malformed = 0;
    let produced = false;
    try {
      for await (const payload of sseJson(res.body, signal, () => malformed++)) {
        const failure = errorMessageIn(payload);
        if (failure) throw new GeneratorError('the LLM endpoint reported an error mid-stream', { retryable: !produced, detail: failure });
        const text = chunkText(payload);
        if (!text) continue;
        produced = true;
        onText();
        yield text;
      }
    } catch (err) {
      if (signal.aborted || err instanceof GeneratorError) throw err;
      throw new GeneratorError('the LLM stream broke off', { retryable: !produced, detail: err instanceof Error ? err.message : String(err) });
    }
    if (malformed > 0) console.warn(`[report-chat] skipped ${malformed} malformed chunk(s) from ${url}`);
    if (!produced) throw new GeneratorError(malformed > 0 ? `the LLM stream held ${malformed} malformed chunk(s) and no answer` : 'the LLM endpoint returned an empty answer');
  }

  return {
    id: `openai:${options.model}`,
    async *generate(request: GenerationRequest) {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
      const body = JSON.stringify({
        model: options.model,
        messages: buildMessages(request),
        stream: true,
        temperature: options.temperature ?? 0.2,
        max_tokens: options.maxTokens ?? 800,
      });
      let produced = false;
      for (let round = 0; ; round++) {
        try {
          yield* attempt(body, signal, () => (produced = true));
          return;
        } catch (err) {
          if (request.signal?.aborted) throw request.signal.reason ?? err;
          if (timeout.aborted) throw new GeneratorError(`no answer from the LLM within ${timeoutMs} ms`);
          const e = err instanceof GeneratorError ? err : new GeneratorError('the LLM request failed', { detail: err instanceof Error ? err.message : String(err) });
          if (round > 0 || produced || !e.retryable) throw e;
          try {
            await sleep(Math.min(e.retryAfterMs ?? options.retryDelayMs ?? 250, MAX_RETRY_WAIT_MS), signal);
          } catch (abort) {
            if (request.signal?.aborted) throw request.signal.reason ?? abort;
            throw new GeneratorError(`no answer from the LLM within ${timeoutMs} ms`);
          }
        }
      }
    },
  };
}
