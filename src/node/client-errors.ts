/**
 * Requests Node's HTTP parser refuses before the app sees them — a URL or headers larger than
 * Node's limit, a malformed request line or header, a request that took too long to arrive — get
 * the API's JSON error envelope, with the same security headers as every other response, instead
 * of Node's empty 400/431. The connection is closed afterwards: its framing cannot be trusted.
 */
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorCodes, type ErrorCode } from '../core/errors';
import { NON_PAGE_POLICY, REFERRER_POLICY } from '../http/middleware/security-headers';
import { errorBody } from '../http/respond';

const REASONS: Partial<Record<number, string>> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/** The error code and message for what the parser reported. */
export function clientErrorReply(err: NodeJS.ErrnoException): { code: ErrorCode; message: string } {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return { code: 'headers_too_large', message: 'the request line and headers are larger than the server accepts (16 KB); send a shorter URL or fewer headers' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { code: 'request_timeout', message: 'the request did not arrive in time' };
    default:
      return { code: 'bad_request', message: 'the request is not valid HTTP' };
  }
}

/** The whole HTTP/1.1 response for a client error, as bytes to write to the socket. */
export function clientErrorResponse(err: NodeJS.ErrnoException): string {
  const { code, message } = clientErrorReply(err);
  const status = errorCodes[code];
  const body = JSON.stringify(errorBody(code, message));
  return [
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}`,
    'Content-Type: application/json; charset=UTF-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'X-Content-Type-Options: nosniff',
    `Referrer-Policy: ${REFERRER_POLICY}`,
    `Content-Security-Policy: ${NON_PAGE_POLICY}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** Answers the parser's refusals on `server` in the JSON envelope. */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // A reset or a client already gone: nobody to answer.
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(clientErrorResponse(err));
  });
}
