/**
 * A small OpenAI-compatible chat completions server on loopback for tests: each request takes
 * the next scripted reply (streamed, whole JSON, an HTTP error, silence, raw bytes, a dropped
 * connection), or the default reply, which quotes the prompt's first passages with citations.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FakeRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: { model?: string; stream?: boolean; messages?: { role: string; content: string }[]; [k: string]: unknown };
}

type Text = string | ((request: FakeRequest) => string);

export type FakeReply =
  /** SSE chunks of `text`, one delta per `deltaChars` characters, written `byteChunk` bytes at a time. */
  | { kind: 'stream'; text: Text; deltaChars?: number; byteChunk?: number; crlf?: boolean; dropAfter?: number; delayMs?: number }
  /** One non-streaming completion, as a server that ignores `stream` sends it. */
  | { kind: 'json'; text: Text }
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  /** Accepts the request and never answers. */
  | { kind: 'hang' }
  /** These exact bytes as an event stream, `byteChunk` bytes at a time (a Buffer is sent as it is, with no work per request). */
  | { kind: 'raw'; body: Text | Buffer; byteChunk?: number };

export interface FakeLlm {
  /** Base URL, like https://api.openai.com/v1. */
  url: string;
  requests: FakeRequest[];
  /** Replies for the next requests, in order. */
  script(...replies: FakeReply[]): void;
  close(): Promise<void>;
}

/** The passages of the prompt's last user message, inside <passages>: "[n] (section, p. N)\ntext". */
export function promptPassages(request: FakeRequest): { ref: number; text: string }[] {
  const user = [...(request.body.messages ?? [])].reverse().find((m) => m.role === 'user')?.content ?? '';
  const out: { ref: number; text: string }[] = [];
  const block = /<passages>\n([\s\S]*?)\n<\/passages>/.exec(user)?.[1] ?? '';
  for (const m of block.matchAll(/^\[(\d+)\][^\n]*\n([\s\S]*?)(?=\n\n\[\d+\]|$(?![\s\S]))/gm)) out.push({ ref: Number(m[1]), text: m[2]! });
  return out;
}

const firstSentence = (text: string) => /^[^。]*。/.exec(text)?.[0] ?? text;

/** A good answer: the first sentence of passages [1] and [2], each cited. */
export const quoteFirstPassages = (request: FakeRequest) =>
  promptPassages(request)
    .slice(0, 2)
    .map((p) => `${firstSentence(p.text)}[${p.ref}]`)
    .join('');

/** The event stream a chat completions endpoint sends for `content`, one delta per `deltaChars` characters. */
export function streamBody(content: string, options: { deltaChars?: number; crlf?: boolean } = {}): string {
  const eol = options.crlf ? '\r\n' : '\n';
  const step = options.deltaChars ?? 6;
  const events = [': keep-alive', `data: ${JSON.stringify({ choices: [{ index: 0, delta: { role: 'assistant' } }] })}`];
  for (let i = 0; i < content.length; i += step) events.push(`data: ${chunkJson(content.slice(i, i + step))}`);
  events.push(`data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}`, 'data: [DONE]');
  return events.map((e) => e + eol + eol).join('');
}

export const chunkJson = (content: string) => JSON.stringify({ id: 'fake', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content }, finish_reason: null }] });

async function writeSlowly(res: ServerResponse, bytes: Buffer, size: number, dropAfter?: number): Promise<void> {
  for (let i = 0; i < bytes.length; i += size) {
    if (dropAfter !== undefined && i >= dropAfter) {
      res.socket?.destroy();
      return;
    }
    res.write(bytes.subarray(i, i + size));
    // Give the socket a turn, so the client really sees separate chunks.
    await new Promise((r) => setImmediate(r));
  }
  res.end();
}

export async function startFakeLlm(defaultReply: FakeReply = { kind: 'stream', text: quoteFirstPassages }): Promise<FakeLlm> {
  const queue: FakeReply[] = [];
  const requests: FakeRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const request: FakeRequest = { path: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : {} };
    requests.push(request);
    const reply = queue.shift() ?? defaultReply;
    const text = (t: Text) => (typeof t === 'function' ? t(request) : t);
    switch (reply.kind) {
      case 'hang':
        return;
      case 'status':
        res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers }).end(reply.body ?? JSON.stringify({ error: { message: `scripted ${reply.status}` } }));
        return;
      case 'json':
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: 'fake', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: text(reply.text) }, finish_reason: 'stop' }] }));
        return;
      case 'raw':
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        return writeSlowly(res, Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(text(reply.body)), reply.byteChunk ?? 64);
      case 'stream': {
        const body = streamBody(text(reply.text), { ...(reply.deltaChars ? { deltaChars: reply.deltaChars } : {}), ...(reply.crlf ? { crlf: true } : {}) });
        // A slow model: nothing but the status line until delayMs has passed.
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
        if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
        return writeSlowly(res, Buffer.from(body), reply.byteChunk ?? 4096, reply.dropAfter);
      }
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...replies) => void queue.push(...replies),
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}
