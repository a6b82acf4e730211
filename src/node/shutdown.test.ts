import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { trackConnections } from './shutdown';

let server: Server | undefined;
const sockets: Socket[] = [];
afterEach(() => {
  for (const s of sockets.splice(0)) s.destroy();
  server?.close();
  server = undefined;
});

/** A server whose /slow answers after `slowMs`, tracked; and a raw-socket opener. */
async function start(slowMs: number) {
  server = createServer((req, res) => {
    if (req.url === '/slow') setTimeout(() => res.end('slow done'), slowMs);
    else res.end('ok');
  });
  const tracker = trackConnections(server);
  await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const open = async (bytes: string) => {
    const socket = connect({ port, host: '127.0.0.1' });
    sockets.push(socket);
    let data = '';
    socket.on('data', (d) => (data += d));
    socket.on('error', () => {});
    const closed = new Promise<void>((ok) => socket.once('close', () => ok()));
    await new Promise<void>((ok) => socket.once('connect', ok));
    socket.write(bytes);
    return { received: () => data, closed };
  };
  return { tracker, open };
}

const settle = () => new Promise((r) => setTimeout(r, 100));

describe('shutdown', () => {
  it('ends idle and half-sent connections at once, without waiting for the grace period', async () => {
    const { tracker, open } = await start(0);
    const idle = await open('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    const half = await open('GET / HTTP/1.1\r\nHost: x\r\nX-Half: ');
    await settle();
    expect(idle.received()).toMatch(/ok$/);
    const started = performance.now();
    const result = await tracker.shutdown(60_000);
    await Promise.all([idle.closed, half.closed]);
    expect(result.forced).toBe(0);
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it('lets a response in progress finish, closes its connection after it, and forces what outlasts the grace period', async () => {
    const { tracker, open } = await start(300);
    const slow = await open('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
    await settle();
    expect(await tracker.shutdown(10_000)).toEqual({ forced: 0 });
    await slow.closed;
    expect(slow.received()).toMatch(/^HTTP\/1\.1 200[\s\S]*slow done$/);

    const late = await start(60_000);
    const stuck = await late.open('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
    await settle();
    expect(await late.tracker.shutdown(200)).toEqual({ forced: 1 });
    await stuck.closed;
  });
});
