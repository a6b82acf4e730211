/**
 * A Generator over the Workers AI binding (`env.AI`): `run(model, { messages, stream: true })`
 * answers with a ReadableStream of SSE lines `data: {"response":"…"}` … `data: [DONE]`; a
 * non-streamed result `{ response: "…" }` and OpenAI-shaped chunks (`choices[0].delta.content`,
 * sent by some newer models) are read too. Same rules as the OpenAI-compatible generator: the
 * whole call is bounded by `timeoutMs` and the caller's signal, a failure before any text is
 * retried once, malformed chunks are skipped, and messages are fit for readers (`detail` holds
 * what the platform said, for the log).
 */
import type { GenerationRequest, Generator } from '../core/ports';
import { buildMessages } from '../core/answer/prompt';
import { sseJson } from '../core/sse-data';

/** The part of the Workers AI binding this uses. */
export interface WorkersAiBinding {
  run(model: string, input: Record<string, unknown>): Promise<unknown>;
}

export interface WorkersAiOptions {
  timeoutMs?: number;
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

class WorkersAiError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'WorkersAiError';
  }
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 300);

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
  const timeoutMs = options.timeoutMs ?? 20_000;

  async function* attempt(input: Record<string, unknown>, signal: AbortSignal, onText: () => void): AsyncIterable<string> {
    let result: unknown;
    try {
      result = await abortable(binding.run(model, input), signal);
    } catch (err) {
      if (signal.aborted) throw err;
      throw new WorkersAiError('Workers AI failed', true, messageOf(err));
    }
    if (!(result instanceof ReadableStream)) {
      const text = workersAiText(result);
      if (!text) throw new WorkersAiError('Workers AI returned no answer', false);
      onText();
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
        onText();
        yield text;
      }
    } catch (err) {
      if (signal.aborted) throw err;
      throw new WorkersAiError('the Workers AI stream broke off', !produced, messageOf(err));
    }
    if (!produced) throw new WorkersAiError(malformed ? `the Workers AI stream held ${malformed} malformed chunk(s) and no answer` : 'Workers AI returned an empty answer', false);
  }

  return {
    id: `workers-ai:${model}`,
    async *generate(request: GenerationRequest) {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
      const input = { messages: buildMessages(request), stream: true, max_tokens: options.maxTokens ?? 800, temperature: options.temperature ?? 0.2 };
      let produced = false;
      for (let round = 0; ; round++) {
        try {
          yield* attempt(input, signal, () => (produced = true));
          return;
        } catch (err) {
          if (request.signal?.aborted) throw request.signal.reason ?? err;
          if (timeout.aborted) throw new WorkersAiError(`no answer from Workers AI within ${timeoutMs} ms`, false);
          const e = err instanceof WorkersAiError ? err : new WorkersAiError('Workers AI failed', false, messageOf(err));
          if (round > 0 || produced || !e.retryable) throw e;
        }
      }
    },
  };
}
