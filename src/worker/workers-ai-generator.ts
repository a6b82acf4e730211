/**
 * A Generator over the Workers AI binding (`env.AI`): `run(model, { messages, stream: true })`
 * answers with a ReadableStream of SSE lines `data: {"response":"…"}` … `data: [DONE]`; a
 * non-streamed result `{ response: "…" }` and OpenAI-shaped chunks (`choices[0].delta.content`,
 * sent by some newer models) are read too. Same rules as the OpenAI-compatible generator, from
 * the same loop (generator-retry.ts): the whole call is bounded by `timeoutMs` and the caller's
 * signal, a failure before any text is retried once, malformed chunks are skipped, streams are
 * read within the LLM stream limits, and messages are fit for readers (`detail` holds what the
 * platform said, for the log).
 */
import { buildMessages } from '../core/answer/prompt';
import { GeneratorError, generateWithRetry, messageOf, streamFailure } from '../core/answer/generator-retry';
import type { GenerationRequest, Generator } from '../core/ports';
import { defaults } from '../core/settings';
import { sseJson } from '../core/sse-data';

/** The part of the Workers AI binding this uses. */
export interface WorkersAiBinding {
  run(model: string, input: Record<string, unknown>): Promise<unknown>;
}

export interface WorkersAiOptions {
  /** Budget for the whole call, retry included. */
  timeoutMs?: number;
  /** Pause before the retry. */
  retryDelayMs?: number;
  maxTokens?: number;
  temperature?: number;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** Text of one chunk or result: `response`, or an OpenAI-shaped `choices[0].delta|message.content`. */
export function workersAiText(payload: unknown): string {
  if (!isRecord(payload)) return '';
  if (typeof payload.response === 'string') return payload.response;
  const choice = Array.isArray(payload.choices) && isRecord(payload.choices[0]) ? payload.choices[0] : undefined;
  const part = isRecord(choice?.delta) ? choice.delta.content : isRecord(choice?.message) ? choice.message.content : undefined;
  return typeof part === 'string' ? part : '';
}

/** Settles with `promise`, or rejects when `signal` aborts first (the binding takes no signal). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export function createWorkersAiGenerator(binding: WorkersAiBinding, model: string, options: WorkersAiOptions = {}): Generator {
  async function* attempt(input: Record<string, unknown>, signal: AbortSignal): AsyncIterable<string> {
    let result: unknown;
    try {
      result = await abortable(binding.run(model, input), signal);
    } catch (err) {
      if (signal.aborted) throw err;
      throw new GeneratorError('Workers AI failed', { retryable: true, detail: messageOf(err) });
    }
    if (!(result instanceof ReadableStream)) {
      const text = workersAiText(result);
      if (!text) throw new GeneratorError('Workers AI returned no answer');
      yield text;
      return;
    }
    let produced = false;
    let malformed = 0;
    try {
      for await (const payload of sseJson(result as ReadableStream<Uint8Array>, signal, () => malformed++)) {
        const text = workersAiText(payload);
        if (!text) continue;
        produced = true;
        yield text;
      }
    } catch (err) {
      if (signal.aborted) throw err;
      throw streamFailure(err, produced, 'the Workers AI stream');
    }
    if (!produced) throw new GeneratorError(malformed ? `the Workers AI stream held ${malformed} malformed chunk(s) and no answer` : 'Workers AI returned an empty answer');
  }

  return {
    id: `workers-ai:${model}`,
    generate(request: GenerationRequest) {
      const input = { messages: buildMessages(request), stream: true, max_tokens: options.maxTokens ?? 800, temperature: options.temperature ?? 0.2 };
      return generateWithRetry((signal) => attempt(input, signal), {
        source: 'Workers AI',
        timeoutMs: options.timeoutMs ?? defaults.llmTimeoutMs,
        ...(options.retryDelayMs !== undefined ? { retryDelayMs: options.retryDelayMs } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      });
    },
  };
}
