/**
 * Stopping the Node server without hanging and without cutting answers short. `server.close()`
 * alone stops accepting connections but waits for every open one to end — and Node stops its
 * request-timeout checks once the server is closed, so a client that sent half its headers (or
 * holds an idle keep-alive connection) would keep the process alive indefinitely.
 *
 * `shutdown(graceMs)`: stop accepting; end at once every connection with no response in progress
 * (idle keep-alive, headers half sent, nothing sent at all); let responses in progress (an answer
 * being written or streamed) finish, closing each connection as its response ends; and after
 * `graceMs`, end whatever is still open. Resolves when every connection is gone.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface ShutdownResult {
  /** Connections still busy when the grace period ran out, ended anyway. */
  forced: number;
}

export interface ConnectionTracker {
  shutdown(graceMs: number): Promise<ShutdownResult>;
}

/** Ends a connection once what was written to it has gone out (a response just finished may still be in its buffer). */
function closeWhenFlushed(socket: Socket): void {
  if (socket.destroyed) return;
  if (!socket.writable || socket.writableFinished) {
    socket.destroy();
    return;
  }
  socket.once('finish', () => socket.destroy());
  socket.end();
}

/** Starts tracking `server`'s connections and the responses in progress on each; call before it serves. */
export function trackConnections(server: Server): ConnectionTracker {
  /** Open connections, each with its number of responses not yet finished. */
  const busy = new Map<Socket, number>();
  let stopping = false;

  server.on('connection', (socket: Socket) => {
    busy.set(socket, 0);
    socket.once('close', () => busy.delete(socket));
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    // While stopping, the response tells the client not to send another request on this connection.
    if (stopping && !res.headersSent) res.setHeader('Connection', 'close');
    res.once('close', () => {
      const left = (busy.get(socket) ?? 1) - 1;
      if (!busy.has(socket)) return;
      busy.set(socket, left);
      if (stopping && left === 0) closeWhenFlushed(socket);
    });
  });

  return {
    shutdown(graceMs) {
      stopping = true;
      return new Promise((resolve) => {
        let forced = 0;
        let timer: NodeJS.Timeout | undefined;
        server.close(() => {
          if (timer) clearTimeout(timer);
          resolve({ forced });
        });
        for (const [socket, responses] of busy) if (responses === 0) closeWhenFlushed(socket);
        timer = setTimeout(() => {
          forced = busy.size;
          for (const socket of busy.keys()) socket.destroy();
        }, graceMs);
        timer.unref();
      });
    },
  };
}
