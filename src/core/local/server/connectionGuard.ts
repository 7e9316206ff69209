// Keeps idle connections from starving the local server: a connection idle for longer than the idle timeout is
// closed, and past the connection cap the connection idle the longest makes room for the newcomer (one with a request
// in flight is never chosen), so a crowd of silent sockets cannot block ingest.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  readonly maxConnections: number;
  /** Closes a connection that neither sends nor receives for this long. */
  readonly idleTimeoutMs: number;
  /** A request's headers must arrive within this (slow-loris). */
  readonly headersTimeoutMs: number;
  /** A whole request must arrive within this. */
  readonly requestTimeoutMs: number;
  /** A kept-alive connection is closed this long after its last answer. */
  readonly keepAliveTimeoutMs: number;
}

export const defaultConnectionLimits: ConnectionLimits = {
  maxConnections: 256,
  idleTimeoutMs: 15_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
};

export function guardConnections(server: Server, limits: ConnectionLimits): void {
  server.timeout = limits.idleTimeoutMs;
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // Sockets without a request in flight, the longest idle first (a Map keeps insertion order).
  const idle = new Map<Socket, true>();
  const busy = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    idle.set(socket, true);
    socket.once('close', () => {
      idle.delete(socket);
      busy.delete(socket);
    });
    if (idle.size + busy.size <= limits.maxConnections) return;
    const longestIdle = [...idle.keys()].find((candidate) => candidate !== socket);
    (longestIdle ?? socket).destroy();
  });
  server.on(
    'request',
    (request: { socket: Socket }, response: { once(event: 'close', listener: () => void): unknown }) => {
      const socket = request.socket;
      idle.delete(socket);
      busy.add(socket);
      response.once('close', () => {
        busy.delete(socket);
        if (!socket.destroyed) idle.set(socket, true);
      });
    },
  );
}
