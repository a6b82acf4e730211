/**
 * A Generator over any OpenAI-compatible chat completions endpoint (OpenAI, DeepSeek, Ollama,
 * vLLM, llama.cpp …): POST {baseUrl}/chat/completions with `stream: true`.
 *
 * - The stream is read as SSE (`data: {"choices":[{"delta":{"content":…}}]}` … `data: [DONE]`);
 *   a server that ignores `stream` and answers with one JSON completion is accepted too. Both are
 *   read within the LLM stream limits (64 KiB a line, 4 MiB a response).
 * - A malformed chunk is skipped, not fatal: one garbled keep-alive or vendor extension must not
 *   discard a good answer, and the answer is checked against the passages afterwards anyway. A
 *   stream that yields no text at all fails, saying how many chunks were malformed.
 * - Time budget, retry and error messages: see generator-retry.ts, shared with Workers AI.
 */
import { buildMessages } from '../core/answer/prompt';
import { GeneratorError, generateWithRetry, messageOf, streamFailure } from '../core/answer/generator-retry';
import type { GenerationRequest, Generator } from '../core/ports';
import { defaults } from '../core/settings';
import { StreamLimitError } from '../core/sse';
import { LLM_STREAM_LIMITS, readBoundedText, sseJson } from '../core/sse-data';

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

/** How much of an error response is read for the log. */
const ERROR_BODY_BYTES = 16 * 1024;

async function httpError(res: Response): Promise<GeneratorError> {
  const body = await readBoundedText(res.body, ERROR_BODY_BYTES).catch(() => '');
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

/** One whole (non-streamed) completion, read within the response limit. */
async function wholeCompletion(res: Response, signal: AbortSignal): Promise<unknown> {
  try {
    return JSON.parse(await readBoundedText(res.body, LLM_STREAM_LIMITS.maxResponseBytes, signal));
  } catch (err) {
    if (signal.aborted) throw err;
    if (err instanceof StreamLimitError) throw new GeneratorError('the LLM response was larger than allowed', { detail: err.message });
    return undefined;
  }
}

export function createOpenAiGenerator(options: OpenAiGeneratorOptions): Generator {
  const url = chatCompletionsUrl(options.baseUrl);
  const doFetch = options.fetch ?? fetch;
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'text/event-stream, application/json' };
  if (options.apiKey) headers.Authorization = `Bearer ${options.apiKey}`;

  async function* attempt(body: string, signal: AbortSignal): AsyncIterable<string> {
    let res: Response;
    try {
      res = await doFetch(url, { method: 'POST', headers, body, signal });
    } catch (err) {
      if (signal.aborted) throw err;
      const cause = isRecord(err) && isRecord(err.cause) && typeof err.cause.code === 'string' ? err.cause.code : messageOf(err);
      throw new GeneratorError('could not connect to the LLM endpoint', { retryable: true, detail: cause });
    }
    if (!res.ok) throw await httpError(res);
    if ((res.headers.get('content-type') ?? '').includes('application/json')) {
      const payload = await wholeCompletion(res, signal);
      const failure = errorMessageIn(payload);
      if (failure) throw new GeneratorError('the LLM endpoint reported an error', { retryable: true, detail: failure });
      const text = chunkText(payload);
      if (!text) throw new GeneratorError('the LLM endpoint returned no answer', { detail: JSON.stringify(payload)?.slice(0, 300) });
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
        yield text;
      }
    } catch (err) {
      if (signal.aborted) throw err;
      throw streamFailure(err, produced, 'the LLM stream');
    }
    if (malformed > 0) console.warn(`[report-chat] skipped ${malformed} malformed chunk(s) from ${url}`);
    if (!produced) throw new GeneratorError(malformed > 0 ? `the LLM stream held ${malformed} malformed chunk(s) and no answer` : 'the LLM endpoint returned an empty answer');
  }

  return {
    id: `openai:${options.model}`,
    generate(request: GenerationRequest) {
      const body = JSON.stringify({
        model: options.model,
        messages: buildMessages(request),
        stream: true,
        temperature: options.temperature ?? 0.2,
        max_tokens: options.maxTokens ?? 800,
      });
      return generateWithRetry((signal) => attempt(body, signal), {
        source: 'the LLM',
        failure: 'the LLM request failed',
        timeoutMs: options.timeoutMs ?? defaults.llmTimeoutMs,
        ...(options.retryDelayMs !== undefined ? { retryDelayMs: options.retryDelayMs } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      });
    },
  };
}
