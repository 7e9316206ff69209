// Serves the change signal as server-sent events: the current version at once, then one `change` event per stored
// change naming the issues it touched. A comment line every few seconds keeps the connection from counting as idle
// (the connection guard closes idle sockets) and lets a reader notice a server that stopped answering.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Unsubscribe } from '../../state/listeners';
import type { StoreChange } from '../changeFeed';
import { changeVersion, type ChangeMessage } from '../changeSignal';

export interface ChangeStreamSource {
  readonly instance: string;
  readonly revision: () => number;
  readonly onDidCommit: (listener: (change: StoreChange) => void) => Unsubscribe;
}

export const heartbeatMs = 5_000;
/** Streams open at once; each window and each `serve` follower holds one, so this is many more than anyone needs. */
export const maxChangeStreams = 32;
/** A change naming more issues than this is sent without names: the reader then reloads everything, as it would anyway. */
const maxNamedIssues = 200;
/** Unsent bytes a stream may hold for a follower that stopped reading before it is let go (messages are ~100 bytes). */
export const maxUnreadBytes = 1024 * 1024;

/** One server's change streams. */
export class ChangeStreams {
  private open = 0;

  constructor(private readonly source: ChangeStreamSource) {}

  /** Answers a GET of the stream; the caller has already applied the Web API's rules (loopback Host, no page, token). */
  serve(request: IncomingMessage, response: ServerResponse): void {
    request.resume();
    if (request.method !== 'GET') {
      response
        .writeHead(405, { 'Content-Type': 'application/json', Allow: 'GET' })
        .end('{"detail":"the change stream answers GET only"}');
      return;
    }
    if (this.open >= maxChangeStreams) {
      response
        .writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '5' })
        .end(`{"detail":"the local Sentry already serves ${maxChangeStreams} change streams"}`);
      return;
    }
    this.open++;
    response.once('close', () => this.open--);
    follow(response, this.source);
  }
}

function follow(response: ServerResponse, source: ChangeStreamSource): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  const write = (text: string): void => {
    if (response.writableEnded) return;
    // A follower that stopped reading (a paused process) would have every message buffered for it without end: it is
    // let go instead, and on reconnecting it learns the current version and loads what it missed.
    if (response.writableLength > maxUnreadBytes) response.destroy();
    else response.write(text);
  };
  const send = (event: string, message: ChangeMessage): void =>
    write(`event: ${event}\ndata: ${JSON.stringify(message)}\n\n`);
  send('version', changeVersion(source.instance, source.revision()));
  const subscription = source.onDidCommit((change) => send('change', messageOf(source.instance, change)));
  const heartbeat = setInterval(() => write(': alive\n\n'), heartbeatMs);
  response.once('close', () => {
    clearInterval(heartbeat);
    subscription.dispose();
  });
}

function messageOf(instance: string, change: StoreChange): ChangeMessage {
  const named = change.issueIds.length <= maxNamedIssues ? { issueIds: [...change.issueIds] } : {};
  return {
    ...changeVersion(instance, change.revision),
    ...named,
    ...(change.releasesChanged ? { releasesChanged: true } : {}),
  };
}
