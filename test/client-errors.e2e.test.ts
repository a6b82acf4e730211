/**
 * Requests refused before the app sees them, and content negotiation, against the real Node
 * server over raw sockets: every refusal is the JSON error envelope, never Node's empty reply.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../src/core/errors';
import { startServer, type StartedServer } from './helpers/server';

let server: StartedServer;
beforeAll(async () => {
  server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
});
afterAll(async () => {
  await server?.stop();
});

interface RawReply {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/** Sends these exact bytes and reads the reply until the server closes or a whole response has come. */
function raw(request: string): Promise<RawReply> {
  const { hostname, port } = new URL(server.url);
  return new Promise((ok, fail) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => (text += d));
    socket.on('error', fail);
    socket.on('close', () => {
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = new Map(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      ok({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no reply; got ${text.slice(0, 200)}`)));
  });
}

function expectEnvelope(reply: RawReply, status: number, code: string) {
  expect(reply.status).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
  expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
  const body = JSON.parse(reply.body) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  expect(errorCodes[code as keyof typeof errorCodes]).toBe(status);
}

describe('requests Node refuses before the app', () => {
  it('answers an oversized URL or header with 431 in the JSON envelope', async () => {
    expectEnvelope(await raw(`GET /api/search?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`), 431, 'headers_too_large');
    expectEnvelope(await raw(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`), 431, 'headers_too_large');
  });

  it('answers a malformed request with 400 in the JSON envelope', async () => {
    expectEnvelope(await raw('NOT A REQUEST\r\n\r\n'), 400, 'bad_request');
    expectEnvelope(await raw('GET /health HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n'), 400, 'bad_request');
    expectEnvelope(await raw('POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'), 400, 'bad_request');
  });

  it('still serves afterwards', async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});

describe('Accept with quality values', () => {
  const ask = (accept: string) =>
    fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: accept }, body: JSON.stringify({ question: 'R1の価格は？' }) });

  it('streams only when text/event-stream is named and preferred', async () => {
    for (const [accept, type] of [
      ['text/event-stream', /^text\/event-stream/],
      ['text/event-stream, application/json', /^text\/event-stream/],
      ['text/event-stream;q=0', /^application\/json/],
      ['application/json, text/event-stream;q=0.5', /^application\/json/],
      ['*/*', /^application\/json/],
    ] as const) {
      const res = await ask(accept);
      expect(res.headers.get('content-type'), accept).toMatch(type);
      await res.arrayBuffer();
    }
  });
});
