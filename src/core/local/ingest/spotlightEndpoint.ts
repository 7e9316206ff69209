// `POST /stream`, Spotlight's sidecar protocol: what SDKs send with `spotlight: true` or `SENTRY_SPOTLIGHT`. The body is
// an envelope in any content type (browser SDKs may send text/plain), possibly gzip/deflate/br-encoded, without a DSN
// key; its events are ingested like the DSN's, into the project the envelope's `dsn` header names, else project 1.
import type { IncomingMessage } from 'node:http';
import { parseEnvelope } from '../envelope/envelopeParser';
import type { IngestLimits } from '../envelope/ingestLimits';
import { ingestEnvelopeItems, rejection, type IngestAnswer } from './ingestEndpoint';
import type { IngestService } from './ingestService';
import { readRequestBody } from './requestBody';

export const SPOTLIGHT_PATH = '/stream';
/** The project of envelopes that name no DSN (an SDK set up for Spotlight alone). */
export const SPOTLIGHT_DEFAULT_PROJECT = '1';

export async function answerSpotlight(
  request: IncomingMessage,
  service: IngestService,
  limits: IngestLimits,
): Promise<IngestAnswer> {
  const body = await readRequestBody(request, limits);
  if (!body.ok) return rejection(body.error);
  const envelope = parseEnvelope(body.value, limits);
  if (!envelope.ok) return rejection(envelope.error);
  const result = await ingestEnvelopeItems(
    envelope.value,
    projectOfDsn(envelope.value.headers['dsn']),
    service,
    request.socket.remoteAddress,
  );
  return result.ok ? { status: 200, body: result.value } : rejection(result.error);
}

/** `https://key@o1.ingest.sentry.io/4509` → `4509`: the app keeps its project's id locally. */
export function projectOfDsn(dsn: unknown): string {
  if (typeof dsn !== 'string') return SPOTLIGHT_DEFAULT_PROJECT;
  try {
    const last =
      new URL(dsn).pathname
        .split('/')
        .filter((part) => part !== '')
        .pop() ?? '';
    return /^[1-9]\d{0,18}$/.test(last) ? last : SPOTLIGHT_DEFAULT_PROJECT;
  } catch {
    return SPOTLIGHT_DEFAULT_PROJECT;
  }
}
