// The record of every request the fake received, so tests assert what the client sent.
import { IncomingHttpHeaders } from 'node:http';
import { sharedNow } from '../roundTrips';
import { JsonValue } from './json';

export interface RecordedRequest {
  method: string;
  /** Path as sent (percent-encoded), without the query. */
  path: string;
  /** Each query parameter with all its values in order. */
  query: Record<string, string[]>;
  /** The raw `?...` part, empty when there was none. */
  search: string;
  headers: IncomingHttpHeaders;
  hasAuthorization: boolean;
  /** The Authorization header as sent (tests use fake tokens only). */
  authorization: string | undefined;
  body: string;
  /** The body parsed as JSON, when it is JSON. */
  json: JsonValue | undefined;
  /** The status answered; unset while in flight or when the fake dropped the connection. */
  status?: number;
  /** When the request came and when its answer was sent (`sharedNow`): tests count round trips from them. */
  startedAt: number;
  endedAt?: number;
}

export function recordRequest(
  method: string,
  url: URL,
  headers: IncomingHttpHeaders,
  body: string,
  startedAt: number,
): RecordedRequest {
  const query: Record<string, string[]> = {};
  for (const [key, value] of url.searchParams) (query[key] ??= []).push(value);
  return {
    method,
    path: url.pathname,
    query,
    search: url.search,
    headers,
    hasAuthorization: headers.authorization !== undefined,
    authorization: headers.authorization,
    body,
    json: parseJson(body),
    startedAt,
  };
}

function parseJson(body: string): JsonValue | undefined {
  if (body === '') return undefined;
  try {
    return JSON.parse(body) as JsonValue;
  } catch {
    return undefined;
  }
}
