/**
 * The real Node server stopping on SIGTERM: idle keep-alive connections and a client that sent
 * half its headers are ended at once (they once kept the process alive indefinitely), an answer in
 * progress is finished and delivered before the process exits, and one that does not finish within
 * SHUTDOWN_TIMEOUT_MS is ended so the process exits anyway. Also: a request without Host gets the
 * API's JSON 400 with security headers, like every other malformed request.
 */
import { connect, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chatOut } from '../src/http/schemas';
import { quoteFirstPassages, startFakeLlm, type FakeLlm } from './helpers/fake-llm';
import { repoRoot, startServer, type StartedServer } from './helpers/server';

const DATA_DIR = resolve(repoRoot, '.tmp/e2e-shutdown-data');
/** How long a shutdown may take in these tests: many times what ending a few connections costs. */
const EXIT_BOUND_MS = 8000;

let server: StartedServer | undefined;
let fake: FakeLlm | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await server?.stop();
  await fake?.close();
  server = fake = undefined;
});

const address = (url: string) => {
  const { hostname, port } = new URL(url);
  return { host: hostname, port: Number(port) };
};

/** A raw TCP connection to the server, its received bytes collected, resolving `closed` when the server ends it. */
async function rawConnection(url: string): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  const socket = connect(address(url));
  sockets.push(socket);
  let data = '';
  socket.on('data', (d) => (data += d));
  socket.on('error', () => {});
  const closed = new Promise<void>((ok) => socket.once('close', () => ok()));
  await new Promise<void>((ok, fail) => socket.once('connect', ok).once('error', fail));
  return { socket, received: () => data, closed };
}

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Sends SIGTERM and resolves with the exit code and how long the process took to exit. */
function terminate(s: StartedServer): Promise<{ code: number | null; ms: number }> {
  const started = performance.now();
  const exited = new Promise<{ code: number | null; ms: number }>((ok) => s.proc.once('exit', (code) => ok({ code, ms: performance.now() - started })));
  s.proc.kill('SIGTERM');
  return exited;
}

const within = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([p, new Promise<never>((_, fail) => setTimeout(() => fail(new Error(`${what} took longer than ${ms} ms`)), ms).unref())]);

describe('a request without Host', () => {
  it('gets the JSON 400 with security headers', async () => {
    server = await startServer({ env: { DATA_DIR } });
    const c = await rawConnection(server.url);
    c.socket.write('GET /health HTTP/1.1\r\nAccept: application/json\r\n\r\n');
    await until(() => /\r\n\r\n\{.*\}\}$/s.test(c.received()), 'the response');
    const [head, body] = c.received().split('\r\n\r\n') as [string, string];
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/^content-type: application\/json/im);
    expect(head).toMatch(/^x-content-type-options: nosniff$/im);
    expect(head).toMatch(/^content-security-policy: default-src 'none'/im);
    expect(JSON.parse(body)).toEqual({ error: { code: 'bad_request', message: expect.stringContaining('Host') } });
  });
});

describe('SIGTERM', () => {
  it('ends idle and half-sent connections at once and exits', async () => {
    // A long grace period: only ending those connections at once lets the process exit in time.
    server = await startServer({ env: { DATA_DIR, SHUTDOWN_TIMEOUT_MS: '60000' } });
    const idle = await rawConnection(server.url);
    idle.socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    await until(() => /"status":"ok"/.test(idle.received()), 'the keep-alive answer');
    const half = await rawConnection(server.url);
    half.socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: ');
    await new Promise((r) => setTimeout(r, 200));
    const exit = await within(terminate(server), EXIT_BOUND_MS, 'exiting');
    expect(exit.code).toBe(0);
    await within(Promise.all([idle.closed, half.closed]), 1000, 'the connections closing');
  });

  it('finishes an answer in progress, delivers it, then exits', async () => {
    fake = await startFakeLlm();
    fake.script({ kind: 'stream', text: quoteFirstPassages, delayMs: 1500 });
    server = await startServer({ env: { DATA_DIR, LLM_BASE_URL: fake.url, LLM_MODEL: 'fake', RATE_LIMIT_PER_MINUTE: '0' } });
    const url = server.url;
    const answer = fetch(`${url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: 'DeepSeekとは何か？' }) });
    await until(() => fake!.requests.length === 1, 'the model to be asked');
    const exit = terminate(server);
    const res = await answer;
    expect(res.status).toBe(200);
    const body = chatOut.parse(await res.json());
    expect(body.generator).toBe('openai:fake');
    expect(body.grounded).toBe(true);
    expect((await within(exit, EXIT_BOUND_MS, 'exiting')).code).toBe(0);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  it('ends an answer that outlasts SHUTDOWN_TIMEOUT_MS and exits', async () => {
    fake = await startFakeLlm({ kind: 'hang' });
    server = await startServer({ env: { DATA_DIR, LLM_BASE_URL: fake.url, LLM_MODEL: 'fake', LLM_TIMEOUT_MS: '60000', SHUTDOWN_TIMEOUT_MS: '1000', RATE_LIMIT_PER_MINUTE: '0' } });
    const answer = fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: 'DeepSeekとは何か？' }) }).then(
      (r) => r.status,
      () => 'ended',
    );
    await until(() => fake!.requests.length === 1, 'the model to be asked');
    const exit = await within(terminate(server), EXIT_BOUND_MS, 'exiting');
    expect(exit.code).toBe(0);
    expect(exit.ms).toBeGreaterThanOrEqual(900);
    expect(await answer).toBe('ended');
    expect(server.output()).toMatch(/1 connection was still busy/);
  });
});
