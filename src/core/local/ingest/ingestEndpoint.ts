// `POST /api/<project>/envelope/` and `/api/<project>/store/`: reads and decompresses the body, checks the DSN key,
// parses the envelope (or the bare event), hands events to ingest and counts every other item. Answers like Relay:
// `{"id": "<event id>"}` on success, `{"detail": "..."}` with 400/401/413/415 otherwise.
import type { IncomingMessage } from 'node:http';
import { inflateSync } from 'node:zlib';
import { err, ok, type Result } from '../../result';
import { parseEnvelope, type Envelope } from '../envelope/envelopeParser';
import type { IngestLimits } from '../envelope/ingestLimits';
import { malformed, tooLarge, type IngestRejection } from '../envelope/ingestRejection';
import { dsnKeyOf, keyFromDsn } from './dsnKey';
import type { IngestService } from './ingestService';
import { readRequestBody } from './requestBody';

export type IngestAnswer = { readonly status: number; readonly body: Record<string, unknown> };

const missingKey: IngestRejection = {
  status: 401,
  detail: 'missing authorization information: send X-Sentry-Auth or the sentry_key query parameter',
};

export async function answerIngest(
  request: IncomingMessage,
  query: URLSearchParams,
  endpoint: 'envelope' | 'store',
  projectId: string,
  service: IngestService,
  limits: IngestLimits,
): Promise<IngestAnswer> {
  const body = await readRequestBody(request, limits);
  if (!body.ok) return rejection(body.error);
  const clientIp = request.socket.remoteAddress;
  const headerKey = dsnKeyOf(request.headers, query);
  const result =
    endpoint === 'store'
      ? await ingestStoreBody(body.value, headerKey, projectId, service, limits, clientIp)
      : await ingestEnvelope(body.value, headerKey, projectId, service, limits, clientIp);
  return result.ok ? { status: 200, body: result.value } : rejection(result.error);
}

async function ingestEnvelope(
  body: Buffer,
  headerKey: string | undefined,
  projectId: string,
  service: IngestService,
  limits: IngestLimits,
  clientIp: string | undefined,
): Promise<Result<Record<string, unknown>, IngestRejection>> {
  const envelope = parseEnvelope(body, limits);
  if (!envelope.ok) return envelope;
  if ((headerKey ?? keyFromDsn(envelope.value.headers['dsn'])) === undefined) return err(missingKey);
  return ingestEnvelopeItems(envelope.value, projectId, service, clientIp);
}

/** Stores the envelope's events in the project and counts its other items; the answer names the envelope's event. */
export async function ingestEnvelopeItems(
  envelope: Envelope,
  projectId: string,
  service: IngestService,
  clientIp: string | undefined,
): Promise<Result<Record<string, unknown>, IngestRejection>> {
  const headerEventId = envelope.headers['event_id'];
  let eventId = typeof headerEventId === 'string' ? headerEventId : undefined;
  for (const item of envelope.items) {
    service.countItem(item.type);
    if (item.type !== 'event') continue;
    const payload = parseJson(item.payload);
    if (payload === undefined) return err(malformed('invalid envelope: the event item is not JSON'));
    const stored = await service.ingestEvent(projectId, payload, clientIp);
    if (!stored.ok) return stored;
    eventId ??= stored.value.eventId;
  }
  return ok(eventId === undefined ? {} : { id: eventId });
}

async function ingestStoreBody(
  body: Buffer,
  headerKey: string | undefined,
  projectId: string,
  service: IngestService,
  limits: IngestLimits,
  clientIp: string | undefined,
): Promise<Result<Record<string, unknown>, IngestRejection>> {
  if (headerKey === undefined) return err(missingKey);
  const json = storeJson(body, limits.maxEventBytes);
  if (!json.ok) return json;
  service.countItem('event');
  const stored = await service.ingestEvent(projectId, json.value, clientIp);
  return stored.ok ? ok({ id: stored.value.eventId }) : stored;
}

/** The store endpoint's JSON, plain or (old SDKs) base64 of zlib-deflated JSON. */
function storeJson(body: Buffer, maxBytes: number): Result<unknown, IngestRejection> {
  if (body.length > maxBytes) return err(tooLarge(`event is ${body.length} bytes; the limit is ${maxBytes}`));
  const plain = parseJson(body);
  if (plain !== undefined) return ok(plain);
  const text = body.toString('latin1').trim();
  if (!/^[A-Za-z0-9+/=\s]+$/.test(text)) return err(malformed('the body is not a JSON event'));
  try {
    const inflated = inflateSync(Buffer.from(text, 'base64'), { maxOutputLength: maxBytes });
    const json = parseJson(inflated);
    return json === undefined ? err(malformed('the body is not a JSON event')) : ok(json);
  } catch (error) {
    return err(
      error instanceof RangeError
        ? tooLarge(`decompressed event exceeds ${maxBytes} bytes`)
        : malformed('the body is not a JSON event'),
    );
  }
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export function rejection(rejected: IngestRejection): IngestAnswer {
  return { status: rejected.status, body: { detail: rejected.detail } };
}
