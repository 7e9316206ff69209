// Sends an error event to the local Sentry a window serves, as an SDK would: one envelope POSTed to the local DSN.
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { waitFor } from '../harness';

export interface LocalErrorEvent {
  /** The workspace file (`/`-separated) and 1-based line the error raised on. */
  readonly file: string;
  readonly line: number;
  readonly functionName: string;
  readonly type: string;
  readonly value: string;
  readonly release?: string;
  readonly environment?: string;
}

/** The envelope of one JavaScript error event raised on `event.line` of `event.file` (an `app:///` frame). */
export function errorEnvelope(event: LocalErrorEvent): string {
  const eventId = randomUUID().replace(/-/g, '');
  const frame = {
    filename: `app:///${event.file}`,
    abs_path: `app:///${event.file}`,
    function: event.functionName,
    lineno: event.line,
    colno: 3,
    in_app: true,
  };
  const body = {
    event_id: eventId,
    platform: 'javascript',
    level: 'error',
    timestamp: Date.now() / 1000,
    ...(event.release ? { release: event.release } : {}),
    ...(event.environment ? { environment: event.environment } : {}),
    exception: {
      values: [
        {
          type: event.type,
          value: event.value,
          stacktrace: { frames: [frame] },
          mechanism: { type: 'onerror', handled: false },
        },
      ],
    },
  };
  return `${JSON.stringify({ event_id: eventId, sent_at: new Date().toISOString() })}\n{"type":"event"}\n${JSON.stringify(body)}\n`;
}

/** Posts an envelope to the local DSN; resolves with the HTTP status, rejects when nothing listens. */
export function postEnvelope(port: number, envelope: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/1/envelope/?sentry_key=local&sentry_version=7',
        headers: { Connection: 'close', 'Content-Type': 'application/x-sentry-envelope' },
        timeout: 10_000,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('timed out')));
    outgoing.on('error', reject);
    outgoing.end(envelope);
  });
}

/** Sends the envelope once the local Sentry on `port` accepts it (the window may still be starting it), within a minute. */
export async function sendWhenServed(port: number, envelope: () => string): Promise<void> {
  await waitFor(async () => ((await postEnvelope(port, envelope()).catch(() => 0)) === 200 ? true : undefined), {
    what: `the local Sentry on ${port} to accept an event`,
    timeoutMs: 60_000,
    intervalMs: 500,
  });
}
