// Raw HTTP to the local server for integration tests: any method, headers (Host and Origin included) and body bytes.
import { request } from 'node:http';

export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  json(): unknown;
}

export interface RawRequest {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: Buffer | string;
}

/** Sends one request to 127.0.0.1:`port`; resolves with the answer (a reset before the answer rejects). */
export function send(port: number, raw: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        method: raw.method ?? 'POST',
        path: raw.path,
        headers: { Host: `127.0.0.1:${port}`, ...raw.headers },
        timeout: 20_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text,
            json: () => JSON.parse(text) as unknown,
          });
        });
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('request timed out')));
    outgoing.on('error', reject);
    outgoing.end(raw.body);
  });
}

export const envelopePath = (projectId = '1', key = 'test'): string =>
  `/api/${projectId}/envelope/?sentry_key=${key}&sentry_version=7`;

/** An envelope with one event item, newline-delimited as the JavaScript SDKs send it. */
export function eventEnvelope(event: Record<string, unknown>): string {
  return `${JSON.stringify({ event_id: event['event_id'], sent_at: new Date().toISOString() })}\n{"type":"event"}\n${JSON.stringify(event)}\n`;
}
