import { describe, expect, it } from 'vitest';
import type { GenerationRequest } from '../core/ports';
import { createWorkersAiGenerator, workersAiText, type WorkersAiBinding } from './workers-ai-generator';

const MODEL = '@cf/meta/llama-3.1-8b-instruct';

const request = (signal?: AbortSignal): GenerationRequest => ({
  question: 'What was the development cost?',
  lang: 'en',
  history: [],
  passages: [{ ref: 1, text: '開発コスト（600万ドル以下）は、トレーニングにかかるコストのみである。', section: '2――米中対立下', page: 2 }],
  ...(signal ? { signal } : {}),
});

/** The stream Workers AI returns for `stream: true`, cut into `size`-byte chunks. */
function sseStream(lines: string[], size = 5): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(lines.map((l) => `${l}\n\n`).join(''));
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
      controller.close();
    },
  });
}

function binding(replies: (() => Promise<unknown>)[]): WorkersAiBinding & { calls: { model: string; input: Record<string, unknown> }[] } {
  const calls: { model: string; input: Record<string, unknown> }[] = [];
  return {
    calls,
    run(model, input) {
      calls.push({ model, input });
      const next = replies.shift();
      if (!next) throw new Error('no scripted reply');
      return next();
    },
  };
}

async function run(gen: ReturnType<typeof createWorkersAiGenerator>, signal?: AbortSignal) {
  const deltas: string[] = [];
  try {
    for await (const d of gen.generate(request(signal))) deltas.push(d);
    return { deltas, error: undefined as unknown };
  } catch (error) {
    return { deltas, error };
  }
}

describe('Workers AI generator', () => {
  it('calls the binding with chat messages and stream: true, and reads the streamed responses', async () => {
    const ai = binding([async () => sseStream(['data: {"response":"The cost was "}', 'data: {"response":"under $6 million [1]."}', 'data: {"response":"","usage":{"total_tokens":9}}', 'data: [DONE]'])]);
    const gen = createWorkersAiGenerator(ai, MODEL);
    expect(gen.id).toBe(`workers-ai:${MODEL}`);
    const { deltas, error } = await run(gen);
    expect(error).toBeUndefined();
    expect(deltas.join('')).toBe('The cost was under $6 million [1].');
    expect(ai.calls[0]!.model).toBe(MODEL);
    expect(ai.calls[0]!.input.stream).toBe(true);
    const messages = ai.calls[0]!.input.messages as { role: string; content: string }[];
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(messages[1]!.content).toContain('[1] (2――米中対立下, p. 2)\n開発コスト（600万ドル以下）');
  });

  it('accepts a non-streamed result and OpenAI-shaped chunks', async () => {
    expect((await run(createWorkersAiGenerator(binding([async () => ({ response: 'Whole answer [1].' })]), MODEL))).deltas).toEqual(['Whole answer [1].']);
    const openAiShaped = binding([async () => sseStream(['data: {"choices":[{"delta":{"content":"Hi "}}]}', 'data: {"choices":[{"delta":{"content":"[1]"}}]}', 'data: [DONE]'])]);
    expect((await run(createWorkersAiGenerator(openAiShaped, MODEL))).deltas.join('')).toBe('Hi [1]');
  });

  it('retries once when the binding fails before any text, then reports the failure', async () => {
    const flaky = binding([() => Promise.reject(new Error('3040: Capacity temporarily exceeded')), async () => ({ response: 'ok [1]' })]);
    expect((await run(createWorkersAiGenerator(flaky, MODEL, { retryDelayMs: 10 }))).deltas).toEqual(['ok [1]']);
    const down = binding([() => Promise.reject(new Error('3040')), () => Promise.reject(new Error('3040: still'))]);
    const { error } = await run(createWorkersAiGenerator(down, MODEL, { retryDelayMs: 10 }));
    expect((error as Error).message).toBe('Workers AI failed');
    expect((error as { detail?: string }).detail).toBe('3040: still');
    expect(down.calls).toHaveLength(2);
  });

  it('skips malformed chunks, and times out a binding that never answers', async () => {
    const messy = binding([async () => sseStream(['data: {"response":"a"', 'data: {"response":"b"}', 'data: [DONE]'], 3)]);
    expect((await run(createWorkersAiGenerator(messy, MODEL))).deltas).toEqual(['b']);
    const silent = binding([() => new Promise(() => {})]);
    const { error } = await run(createWorkersAiGenerator(silent, MODEL, { timeoutMs: 50 }));
    expect((error as Error).message).toBe('no answer from Workers AI within 50 ms');
    expect(silent.calls).toHaveLength(1);
  });

  it('stops with the caller’s abort', async () => {
    const abort = new AbortController();
    const silent = binding([() => new Promise(() => {})]);
    setTimeout(() => abort.abort(new Error('reader left')), 20);
    expect(((await run(createWorkersAiGenerator(silent, MODEL), abort.signal)).error as Error).message).toBe('reader left');
  });

  it('reads text from either payload shape only', () => {
    expect(workersAiText({ response: 'x' })).toBe('x');
    expect(workersAiText({ choices: [{ message: { content: 'y' } }] })).toBe('y');
    expect(workersAiText({ usage: {} })).toBe('');
    expect(workersAiText('nope')).toBe('');
  });
});
