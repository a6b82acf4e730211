import { describe, expect, it } from 'vitest';
import { realEngine } from '../../../test/helpers/real-engine';
import { createApp } from '../app';
import type { AccessLogEntry, AccessLogOptions } from './access-log';

const QUESTION = 'R1の価格は？';

async function appLogging(options: Partial<AccessLogOptions> = {}) {
  const lines: string[] = [];
  const app = createApp({
    engine: await realEngine(),
    report: { title: 't', publisher: '', suggestions: { ja: [], en: [] } },
    rateLimit: { perMinute: 60, burst: 3 },
    clientKey: (c) => c.req.header('x-test-client'),
    accessLog: { write: (line) => lines.push(line), hashClient: (key) => `h(${key.length})`, ...options },
  });
  const entries = () => lines.map((l) => JSON.parse(l) as AccessLogEntry);
  return { app, lines, entries };
}

const chat = (headers: Record<string, string> = {}) => ({ method: 'POST', headers: { 'Content-Type': 'application/json', 'x-test-client': 'client-a', ...headers }, body: JSON.stringify({ question: QUESTION }) });

describe('access logs', () => {
  it('writes one JSON line per request: time, method, route pattern, status, ms and a client hash', async () => {
    const { app, lines, entries } = await appLogging();
    await app.request('/health');
    await app.request('/api/passages/no-such-passage');
    await app.request('/nowhere/at/all');
    await app.request('/health', { method: 'DELETE' });
    await (await app.request('/api/chat', chat())).text();
    await (await app.request('/api/chat', chat({ Accept: 'text/event-stream' }))).text();
    expect(lines).toHaveLength(6);
    expect(entries().map((e) => [e.method, e.route, e.status])).toEqual([
      ['GET', '/health', 200],
      ['GET', '/api/passages/:id', 404],
      ['GET', null, 404],
      ['DELETE', null, 405],
      ['POST', '/api/chat', 200],
      ['POST', '/api/chat', 200],
    ]);
    for (const e of entries()) {
      expect(Number.isNaN(Date.parse(e.time))).toBe(false);
      expect(e.ms).toBeGreaterThanOrEqual(0);
    }
    expect(entries()[0]!.client).toBeNull();
    expect(entries()[4]!.client).toBe('h(8)');
  });

  it('logs refusals by the rate limit and the body limit under their route', async () => {
    const { app, entries } = await appLogging();
    for (let i = 0; i < 4; i++) await (await app.request('/api/search?q=R1', { headers: { 'x-test-client': 'b' } })).text();
    await (await app.request('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': '999999', 'x-test-client': 'c' }, body: '{}' })).text();
    expect(entries().map((e) => [e.route, e.status])).toEqual([
      ['/api/search', 200],
      ['/api/search', 200],
      ['/api/search', 200],
      ['/api/search', 429],
      ['/api/chat', 413],
    ]);
  });

  it('leaves out what readers asked unless the operator opts in', async () => {
    const quiet = await appLogging();
    await (await quiet.app.request('/api/chat', chat())).text();
    await (await quiet.app.request(`/api/search?q=${encodeURIComponent('ジニ係数')}`)).text();
    expect(quiet.lines.join('\n')).not.toMatch(/R1の価格|ジニ係数|question/);

    const open = await appLogging({ includeQuestions: true });
    await (await open.app.request('/api/chat', chat())).text();
    await (await open.app.request(`/api/search?q=${encodeURIComponent('ジニ係数')}`)).text();
    await (await open.app.request(`/api/search?q=${encodeURIComponent('"quoted"\n\\ and </script>')}`)).text();
    expect(open.entries().map((e) => e.question)).toEqual([QUESTION, 'ジニ係数', '"quoted"\n\\ and </script>']);
    expect(open.lines.every((l) => !l.includes('\n'))).toBe(true);
  });
});
