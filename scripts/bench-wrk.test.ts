import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { luaString, runWrk, wrkVersion } from './bench-wrk';

describe('luaString', () => {
  it('escapes quotes, backslashes and control bytes, and writes other UTF-8 bytes as decimal escapes', () => {
    expect(luaString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(luaString('x\ny\r\0')).toBe('"x\\010y\\013\\000"');
    expect(luaString('中')).toBe('"\\228\\184\\173"');
  });
});

describe.runIf(wrkVersion())('runWrk', () => {
  it('sends every request of the list, bodies byte for byte, and reads its summary', async () => {
    const seen = new Set<string>();
    const server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        seen.add(`${req.method} ${req.url} ${req.headers['content-type'] ?? ''} ${body}`);
        res.writeHead(req.url === '/missing' ? 404 : 200).end('ok');
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const body = JSON.stringify({ question: 'R1の価格は？ "quoted" \\ back' });
      const summary = await runWrk({
        label: 'probe',
        url,
        connections: 2,
        durationSeconds: 1,
        requests: [
          { method: 'POST', path: '/api/chat', headers: { 'Content-Type': 'application/json' }, body },
          { method: 'GET', path: '/health' },
          { method: 'GET', path: '/missing' },
        ],
      });
      expect(seen).toEqual(new Set([`POST /api/chat application/json ${body}`, 'GET /health  ', 'GET /missing  ']));
      expect(summary.requests).toBeGreaterThan(30);
      expect(summary.errors).toBe(0);
      expect(summary.non2xx).toBeGreaterThan(0);
      expect(summary.p99Ms).toBeGreaterThan(0);
    } finally {
      server.close();
    }
  });
});
