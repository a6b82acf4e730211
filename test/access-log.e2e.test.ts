/**
 * Access logs from the real Node server: one JSON line per request on standard output, with no
 * reader's words in them unless the operator opts in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from './helpers/server';

const QUESTION = 'ジニ係数は最近どうなっているか？';

let server: StartedServer;
beforeAll(async () => {
  server = await startServer({ env: { ACCESS_LOG: '1', RATE_LIMIT_PER_MINUTE: '0' } });
});
afterAll(async () => {
  await server?.stop();
});

const logLines = (output: string) => output.split('\n').filter((l) => l.startsWith('{'));

describe('access logs on the real server', () => {
  it('writes one JSON line per request, without the question', async () => {
    const before = logLines(server.output()).length;
    await (await fetch(`${server.url}/health`)).text();
    await (await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: QUESTION }) })).text();
    await (await fetch(`${server.url}/api/search?q=${encodeURIComponent(QUESTION)}`)).text();
    await new Promise((r) => setTimeout(r, 300)); // lines are written within 100 ms
    const lines = logLines(server.output()).slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.method, l.route, l.status])).toEqual([
      ['GET', '/health', 200],
      ['POST', '/api/chat', 200],
      ['GET', '/api/search', 200],
    ]);
    for (const l of lines) expect(Object.keys(l).sort()).toEqual(['client', 'method', 'ms', 'route', 'status', 'time']);
    expect(lines[0]!.client).toMatch(/^[0-9a-f]{16}$/);
    expect(lines[0]!.client).not.toContain('127');
    expect(server.output()).not.toContain(QUESTION);
  });

  it('logs the question only with ACCESS_LOG_QUESTIONS=1', async () => {
    const open = await startServer({ env: { ACCESS_LOG: '1', ACCESS_LOG_QUESTIONS: '1', RATE_LIMIT_PER_MINUTE: '0' } });
    try {
      await (await fetch(`${open.url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: QUESTION }) })).text();
      await new Promise((r) => setTimeout(r, 300)); // lines are written within 100 ms
      const last = JSON.parse(logLines(open.output()).at(-1)!) as { question?: string };
      expect(last.question).toBe(QUESTION);
    } finally {
      await open.stop();
    }
  });

  it('is quiet when turned off, as the test servers are by default', async () => {
    const quiet = await startServer();
    try {
      await (await fetch(`${quiet.url}/health`)).text();
      await new Promise((r) => setTimeout(r, 300)); // lines are written within 100 ms
      expect(logLines(quiet.output())).toEqual([]);
    } finally {
      await quiet.stop();
    }
  });
});
