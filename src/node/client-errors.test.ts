import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { answerClientErrors, clientErrorResponse } from './client-errors';

const error = (code: string) => Object.assign(new Error(code), { code });

describe('client errors', () => {
  it('maps the parser’s refusals to the envelope: 431 for size, 408 for time, 400 for the rest', () => {
    const status = (code: string) => Number(clientErrorResponse(error(code)).split(' ')[1]);
    expect(status('HPE_HEADER_OVERFLOW')).toBe(431);
    expect(status('ERR_HTTP_REQUEST_TIMEOUT')).toBe(408);
    expect(status('HPE_INVALID_METHOD')).toBe(400);
    const response = clientErrorResponse(error('HPE_INVALID_HEADER_TOKEN'));
    const [head, body] = response.split('\r\n\r\n') as [string, string];
    expect(head).toContain('Connection: close');
    expect(head).toContain(`Content-Length: ${Buffer.byteLength(body)}`);
    expect(JSON.parse(body)).toEqual({ error: { code: 'bad_request', message: 'the request is not valid HTTP' } });
  });

  it('answers on the socket and closes it', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    answerClientErrors(server);
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const reply = await new Promise<string>((ok) => {
        const socket = connect((server.address() as AddressInfo).port, '127.0.0.1', () => socket.write('BOGUS\r\n\r\n'));
        let text = '';
        socket.on('data', (d) => (text += d));
        socket.on('close', () => ok(text));
      });
      expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(reply).toContain('"code":"bad_request"');
    } finally {
      server.close();
    }
  });
});
