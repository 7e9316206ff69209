// A tiny HTTP helper for the fake server's own tests: one request, the status, headers and parsed body.
import { DEFAULT_TOKEN, FakeSentry, JsonValue } from '../../support/fakeSentry';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body; `undefined` when it is not JSON. */
  body: JsonValue | undefined;
}

export interface RequestOptions {
  method?: string;
  /** `null` sends no Authorization header. */
  token?: string | null;
  body?: unknown;
  signal?: AbortSignal;
}

export async function call(fake: FakeSentry, path: string, options: RequestOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? DEFAULT_TOKEN : options.token;
  if (token !== null) headers['Authorization'] = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const init: RequestInit = { method: options.method ?? 'GET', headers };
  if (options.body !== undefined) init.body = JSON.stringify(options.body);
  if (options.signal) init.signal = options.signal;
  const response = await fetch(fake.url + path, init);
  const text = await response.text();
  let body: JsonValue | undefined;
  try {
    body = JSON.parse(text) as JsonValue;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** The body as an array of objects (fails the test otherwise). */
export function objects(reply: Reply): Array<Record<string, JsonValue>> {
  if (!Array.isArray(reply.body)) throw new Error(`expected a JSON array, got ${reply.text.slice(0, 200)}`);
  return reply.body.map((item) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw new Error('expected objects in the array');
    return item;
  });
}

export function object(reply: Reply): Record<string, JsonValue> {
  const body = reply.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new Error(`expected a JSON object, got ${reply.text.slice(0, 200)}`);
  return body;
}

/** The `cursor` attribute of the Link header's `rel` link and whether it has results. */
export function link(
  reply: Reply,
  rel: 'next' | 'previous',
): { url: string; results: boolean; cursor: string | undefined } {
  const header = reply.headers.get('link') ?? '';
  const pattern = new RegExp(`<([^>]*)>; rel="${rel}"; results="(true|false)"(?:; cursor="([^"]*)")?`);
  const match = pattern.exec(header);
  if (!match) throw new Error(`no ${rel} link in ${header}`);
  return { url: match[1] ?? '', results: match[2] === 'true', cursor: match[3] };
}
