import { describe, expect, it } from 'vitest';
import { ChatError, parseRetryAfter, sendChat, toChatResponse } from './chat-client';
import { errorMessage } from './error-text';
import { stringsFor } from './i18n';
import type { ChatMeta } from './api-types';

const citation = { ref: 1, id: 'p-12', text: '開発コスト（600万ドル以下）は、トレーニングにかかるコストのみ', section: '2――米中対立下', page: 2, footnotes: [2], quote: '開発コスト（600万ドル以下）は、トレーニングにかかるコストのみ' };
const footnote = { n: 2, text: 'DeepSeekが発表した開発コスト', urls: ['https://36kr.jp/328412/'] };
const done = { answer: '600万ドル以下とされる[1]。', status: 'answered', grounded: true, lang: 'ja', citations: [citation], footnotes: [footnote] };

function sse(events: [string, unknown][]): string {
  return events.map(([e, d]) => `event: ${e}\ndata: ${JSON.stringify(d)}\n\n`).join('');
}

/** A fetch that records its request and answers with `body`, cut into small chunks. */
function fakeFetch(body: string, init: ResponseInit = {}, calls: { url: string; init: RequestInit }[] = []): typeof fetch {
  return (async (url: string | URL | Request, req?: RequestInit) => {
    calls.push({ url: String(url), init: req ?? {} });
    const bytes = new TextEncoder().encode(body);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 7) c.enqueue(bytes.slice(i, i + 7));
        c.close();
      },
    });
    return new Response(stream, init);
  }) as typeof fetch;
}

const sseInit = { headers: { 'Content-Type': 'text/event-stream' } };

describe('sendChat', () => {
  it('posts the question and history, streams meta and deltas, resolves with the done answer', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const body = sse([
      ['meta', { lang: 'ja', status: 'answered', grounded: true, citations: [citation], footnotes: [footnote] }],
      ['delta', { text: '600万ドル以下' }],
      ['delta', { text: 'とされる[1]。' }],
      ['done', done],
    ]);
    const metas: ChatMeta[] = [];
    const deltas: string[] = [];
    const history = [{ role: 'user' as const, content: 'q' }, { role: 'assistant' as const, content: 'a' }];
    const answer = await sendChat('https://api.example', { question: '開発費は？', history }, { onMeta: (m) => metas.push(m), onDelta: (t) => deltas.push(t) }, { fetch: fakeFetch(body, sseInit, calls) });

    expect(calls[0]?.url).toBe('https://api.example/api/chat');
    expect(calls[0]?.init.method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ question: '開発費は？', history });
    expect(new Headers(calls[0]?.init.headers).get('Accept')).toContain('text/event-stream');
    expect(metas).toEqual([{ lang: 'ja', status: 'answered', grounded: true, citations: [citation], footnotes: [footnote] }]);
    expect(deltas.join('')).toBe(done.answer);
    expect(answer).toEqual(done);
  });

  it('accepts a plain JSON answer from a server that does not stream', async () => {
    const deltas: string[] = [];
    const answer = await sendChat('https://a', { question: 'q' }, { onDelta: (t) => deltas.push(t) }, { fetch: fakeFetch(JSON.stringify(done), { headers: { 'Content-Type': 'application/json' } }) });
    expect(answer.answer).toBe(done.answer);
    expect(deltas).toEqual([done.answer]);
  });

  it('turns an error event into a ChatError with the server code', async () => {
    const body = sse([['meta', { lang: 'ja', grounded: true, citations: [], footnotes: [] }], ['error', { error: { code: 'internal', message: 'internal error' } }]]);
    const err = await sendChat('https://a', { question: 'q' }, {}, { fetch: fakeFetch(body, sseInit) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChatError);
    expect(err).toMatchObject({ kind: 'stream', code: 'internal', message: 'internal error' });
  });

  it('reports a stream that ends before done as cut off', async () => {
    const body = sse([['delta', { text: 'half' }]]);
    await expect(sendChat('https://a', { question: 'q' }, {}, { fetch: fakeFetch(body, sseInit) })).rejects.toMatchObject({ kind: 'stream', code: undefined });
  });

  it('reads status, code, message and Retry-After from an HTTP error', async () => {
    const body = JSON.stringify({ error: { code: 'rate_limited', message: 'slow down' } });
    const err = await sendChat('https://a', { question: 'q' }, {}, { fetch: fakeFetch(body, { status: 429, headers: { 'Retry-After': '12' } }) }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'http', status: 429, code: 'rate_limited', message: 'slow down', retryAfter: 12 });
    expect(errorMessage(err, stringsFor('ja'))).toContain('12秒');
    expect(errorMessage(err, stringsFor('en'))).toContain('12 seconds');
  });

  it('survives an error page that is not JSON', async () => {
    const err = await sendChat('https://a', { question: 'q' }, {}, { fetch: fakeFetch('<html>bad gateway</html>', { status: 502 }) }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'http', status: 502, message: 'HTTP 502' });
    expect(errorMessage(err, stringsFor('en'))).toBe(stringsFor('en').errorServer);
  });

  it('reports an unreachable server as a network error', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const err = await sendChat('https://a', { question: 'q' }, {}, { fetch: failing }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'network' });
    expect(errorMessage(err, stringsFor('ja'))).toBe(stringsFor('ja').errorNetwork);
  });

  it('explains a 413 as a conversation too long to send, unless there was no history to leave out', () => {
    const err = new ChatError('http', 'request body is larger than 65536 bytes', 413, 'payload_too_large');
    expect(errorMessage(err, stringsFor('ja'))).toBe(stringsFor('ja').errorTooLarge);
    expect(errorMessage(err, stringsFor('en'))).toContain('Retry sends it without the oldest exchanges');
    expect(errorMessage(err, stringsFor('en'), false)).toBe('The question could not be accepted. (request body is larger than 65536 bytes)');
  });

  it('shows the server explanation for a rejected question', () => {
    const err = new ChatError('http', 'question must be at most 2000 characters', 400, 'validation_failed');
    expect(errorMessage(err, stringsFor('en'))).toBe('The question could not be accepted. (question must be at most 2000 characters)');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores junk', () => {
    const now = Date.parse('2025-03-01T00:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Sat, 01 Mar 2025 00:00:45 GMT', now)).toBe(45);
    expect(parseRetryAfter('Fri, 28 Feb 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('toChatResponse', () => {
  it('keeps well-formed parts and drops malformed citations and footnotes', () => {
    const r = toChatResponse({ ...done, citations: [citation, { ref: 'x' }, null], footnotes: [footnote, { n: 3 }], suggestions: ['次は？', 4] });
    expect(r.citations).toEqual([citation]);
    expect(r.footnotes).toEqual([footnote]);
    expect(r.suggestions).toEqual(['次は？']);
  });

  it('rejects an answer without text', () => {
    expect(() => toChatResponse({ grounded: true })).toThrow(ChatError);
  });
});

describe('library-wide answers', () => {
  it('keeps the report an answer and each citation came from', () => {
    const c = { ref: 1, id: 'p1-000-abcdef', text: 't', section: 's', page: 1, footnotes: [], quote: 't', report: 'steel' };
    const parsed = toChatResponse({ answer: 'a [1]', status: 'answered', grounded: true, lang: 'ja', citations: [c, { ...c, ref: 2, report: 7 }], footnotes: [], report: 'steel' });
    expect(parsed.report).toBe('steel');
    expect(parsed.citations.map((x) => x.report)).toEqual(['steel', undefined]);
  });
});
