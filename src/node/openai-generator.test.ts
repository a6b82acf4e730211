import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chunkJson, startFakeLlm, type FakeLlm } from '../../test/helpers/fake-llm';
import type { GenerationRequest } from '../core/ports';
import { GeneratorError } from '../core/answer/generator-retry';
import { chatCompletionsUrl, chunkText, createOpenAiGenerator } from './openai-generator';

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterAll(async () => {
  await fake.close();
  vi.restoreAllMocks();
});

const request = (signal?: AbortSignal): GenerationRequest => ({
  question: 'DeepSeekの開発費は？',
  lang: 'ja',
  history: [],
  passages: [
    { ref: 1, text: '開発コスト（600万ドル以下）は、トレーニングにかかるコストのみである。', section: '2――米中対立下', page: 2 },
    { ref: 2, text: '中国が 56.3％と対象国の中で最も高い。', section: '2――米中対立下', page: 3 },
  ],
  ...(signal ? { signal } : {}),
});

async function run(generator: ReturnType<typeof createOpenAiGenerator>, signal?: AbortSignal): Promise<{ deltas: string[]; error?: unknown }> {
  const deltas: string[] = [];
  try {
    for await (const d of generator.generate(request(signal))) deltas.push(d);
    return { deltas };
  } catch (error) {
    return { deltas, error };
  }
}

const generator = (extra: Partial<Parameters<typeof createOpenAiGenerator>[0]> = {}) =>
  createOpenAiGenerator({ baseUrl: fake.url, model: 'fake', timeoutMs: 2000, retryDelayMs: 10, ...extra });

function since(n: number) {
  return fake.requests.slice(n);
}

describe('OpenAI-compatible generator', () => {
  it('posts the prompt with stream: true and streams the content deltas', async () => {
    const n = fake.requests.length;
    const { deltas, error } = await run(generator({ apiKey: 'sk-test' }));
    expect(error).toBeUndefined();
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe('開発コスト（600万ドル以下）は、トレーニングにかかるコストのみである。[1]中国が 56.3％と対象国の中で最も高い。[2]');
    const [req] = since(n);
    expect(req!.path).toBe('/v1/chat/completions');
    expect(req!.headers.authorization).toBe('Bearer sk-test');
    expect(req!.body).toMatchObject({ model: 'fake', stream: true });
    expect(req!.body.messages!.map((m) => m.role)).toEqual(['system', 'user']);
    expect(generator().id).toBe('openai:fake');
  });

  it('sends no Authorization header without a key (Ollama)', async () => {
    const n = fake.requests.length;
    await run(generator());
    expect(since(n)[0]!.headers.authorization).toBeUndefined();
  });

  it('reads the stream whatever its chunk boundaries and line endings', async () => {
    for (const byteChunk of [1, 3, 7]) {
      fake.script({ kind: 'stream', text: '中国は56.3％[2]。', deltaChars: 2, byteChunk, crlf: true });
      expect((await run(generator())).deltas.join(''), `bytes ${byteChunk}`).toBe('中国は56.3％[2]。');
    }
  });

  it('skips malformed chunks and comments, and fails clearly when nothing valid arrives', async () => {
    const body = [': ping', `data: ${chunkJson('開発費は')}`, 'data: {"choices":[{"delta":{"content":"壊れ', `data: ${chunkJson('600万ドル以下[1]。')}`, 'data: [DONE]'].join('\n\n') + '\n\n';
    fake.script({ kind: 'raw', body, byteChunk: 5 });
    expect((await run(generator())).deltas.join('')).toBe('開発費は600万ドル以下[1]。');
    fake.script({ kind: 'raw', body: 'data: {oops\n\ndata: not json\n\ndata: [DONE]\n\n' });
    const { error } = await run(generator());
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as Error).message).toBe('the LLM stream held 2 malformed chunk(s) and no answer');
  });

  it('accepts a non-streaming completion from a server that ignores stream', async () => {
    fake.script({ kind: 'json', text: '開発費は600万ドル以下とされる[1]。' });
    expect((await run(generator())).deltas).toEqual(['開発費は600万ドル以下とされる[1]。']);
  });

  it('retries once after a 500 or a 429, and no more', async () => {
    let n = fake.requests.length;
    fake.script({ kind: 'status', status: 500 }, { kind: 'json', text: '回復した[1]。' });
    expect((await run(generator())).deltas).toEqual(['回復した[1]。']);
    expect(since(n)).toHaveLength(2);

    n = fake.requests.length;
    fake.script({ kind: 'status', status: 429, headers: { 'Retry-After': '0' } }, { kind: 'json', text: '待った[1]。' });
    expect((await run(generator())).deltas).toEqual(['待った[1]。']);
    expect(since(n)).toHaveLength(2);

    n = fake.requests.length;
    fake.script({ kind: 'status', status: 502 }, { kind: 'status', status: 503 });
    const { error } = await run(generator());
    expect((error as Error).message).toBe('the LLM endpoint answered HTTP 503');
    expect(since(n)).toHaveLength(2);
  });

  it('does not retry a client error, and keeps what the server said out of the message', async () => {
    const n = fake.requests.length;
    fake.script({ kind: 'status', status: 401, body: JSON.stringify({ error: { message: 'Incorrect API key provided: sk-te**' } }) });
    const { error } = await run(generator({ apiKey: 'sk-test' }));
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toBe('the LLM endpoint answered HTTP 401');
    expect((error as GeneratorError).detail).toBe('Incorrect API key provided: sk-te**');
    expect(since(n)).toHaveLength(1);
  });

  it('gives up after timeoutMs when the server never answers, without a retry', async () => {
    const n = fake.requests.length;
    fake.script({ kind: 'hang' });
    const started = performance.now();
    const { error } = await run(generator({ timeoutMs: 200 }));
    expect((error as Error).message).toBe('no answer from the LLM within 200 ms');
    // It waited for the timeout, and not for anything much longer (the server never answers at all).
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
    expect(performance.now() - started).toBeLessThan(200 * 50);
    expect(since(n)).toHaveLength(1);
  });

  it('retries a connection failure once, then reports it', async () => {
    const closed = await new Promise<number>((ok) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const port = (s.address() as { port: number }).port;
        s.close(() => ok(port));
      });
    });
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    const { error } = await run(createOpenAiGenerator({ baseUrl: `http://127.0.0.1:${closed}/v1`, model: 'x', retryDelayMs: 10, fetch: counting }));
    expect((error as Error).message).toBe('could not connect to the LLM endpoint');
    expect((error as GeneratorError).detail).toBe('ECONNREFUSED');
    expect(calls).toBe(2);
  });

  it('does not retry a stream that breaks after text arrived', async () => {
    const n = fake.requests.length;
    fake.script({ kind: 'stream', text: 'とても長い回答がここに続いていく予定だった[1]。', deltaChars: 3, byteChunk: 40, dropAfter: 400 });
    const { deltas, error } = await run(generator());
    expect(deltas.length).toBeGreaterThan(0);
    expect((error as Error).message).toBe('the LLM stream broke off');
    expect(since(n)).toHaveLength(1);
  });

  it('refuses an event-stream line past 64 KiB without a retry, and a whole completion past 4 MiB', async () => {
    let n = fake.requests.length;
    fake.script({ kind: 'raw', body: `data: ${chunkJson('x'.repeat(100_000))}\n\ndata: [DONE]\n\n`, byteChunk: 1024 });
    const streamed = await run(generator());
    expect(streamed.error).toMatchObject({ message: 'the LLM stream was larger than allowed', retryable: false });
    expect(since(n)).toHaveLength(1);
    n = fake.requests.length;
    fake.script({ kind: 'json', text: 'あ'.repeat(1_500_000) });
    const whole = await run(generator());
    expect(whole.error).toMatchObject({ message: 'the LLM response was larger than allowed' });
    expect(since(n)).toHaveLength(1);
  });

  it('reports an error the server sends inside the stream', async () => {
    fake.script(
      { kind: 'raw', body: 'data: {"error":{"message":"overloaded"}}\n\n' },
      { kind: 'raw', body: `data: ${chunkJson('ok[1]')}\n\ndata: {"error":{"message":"context length exceeded"}}\n\n` },
    );
    const { deltas, error } = await run(generator());
    expect(deltas).toEqual(['ok[1]']);
    expect((error as GeneratorError).detail).toBe('context length exceeded');
  });

  it('stops with the caller’s abort, not a generator error', async () => {
    fake.script({ kind: 'hang' });
    const abort = new AbortController();
    setTimeout(() => abort.abort(new Error('reader left')), 50);
    const { error } = await run(generator(), abort.signal);
    expect((error as Error).message).toBe('reader left');
    expect(error).not.toBeInstanceOf(GeneratorError);
  });
});

describe('helpers', () => {
  it('accepts a base URL with or without /chat/completions and trailing slashes', () => {
    expect(chatCompletionsUrl('https://api.deepseek.com/')).toBe('https://api.deepseek.com/chat/completions');
    expect(chatCompletionsUrl('http://localhost:11434/v1')).toBe('http://localhost:11434/v1/chat/completions');
    expect(chatCompletionsUrl('https://api.openai.com/v1/chat/completions')).toBe('https://api.openai.com/v1/chat/completions');
  });

  it('reads streamed deltas and whole messages, and nothing else', () => {
    expect(chunkText({ choices: [{ delta: { content: 'a' } }] })).toBe('a');
    expect(chunkText({ choices: [{ message: { content: 'b' } }] })).toBe('b');
    expect(chunkText({ choices: [{ delta: { reasoning_content: 'thinking' } }] })).toBe('');
    expect(chunkText({ choices: [] })).toBe('');
    expect(chunkText(null)).toBe('');
  });
});
