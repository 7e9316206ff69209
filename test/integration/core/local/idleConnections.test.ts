// Idle connections cannot starve the local server: a silent socket is closed after the idle timeout, and past the
// connection cap the longest-idle one makes room, so an SDK's event still gets through a crowd of idle sockets.
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { startLocalSentry, type LocalSentry } from '../../../../src/core/local/localSentry';
import { envelopePath, eventEnvelope, send } from './localHttp';

function openIdle(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

/** Resolves true once the socket closes, false if it is still open after `ms`. */
function closesWithin(socket: Socket, ms: number): Promise<boolean> {
  if (socket.destroyed) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

describe('idle connections', () => {
  let server: LocalSentry;
  const sockets: Socket[] = [];
  before(async () => {
    server = await startLocalSentry({ connectionLimits: { maxConnections: 20, idleTimeoutMs: 500 } });
  });
  after(async () => {
    for (const socket of sockets) socket.destroy();
    await server.close();
  });

  test('closes a connection that sends nothing', async () => {
    const idle = await openIdle(server.port);
    sockets.push(idle);
    assert.equal(await closesWithin(idle, 10_000), true);
  });

  test('takes an event while 200 idle sockets crowd the server, keeping at most the cap open', async () => {
    for (let index = 0; index < 200; index++) sockets.push(await openIdle(server.port));
    const answer = await send(server.port, {
      path: envelopePath('1'),
      body: eventEnvelope({ event_id: 'e'.repeat(32), message: 'through the crowd' }),
    });
    assert.equal(answer.status, 200);
    // Closing is asynchronous: give the closes a moment to reach this side, boundedly.
    for (let round = 0; round < 50 && sockets.filter((socket) => !socket.destroyed).length > 20; round++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(sockets.filter((socket) => !socket.destroyed).length <= 20);
  });
});
