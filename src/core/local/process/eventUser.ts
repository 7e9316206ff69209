// The event's user in the Web API's shape, and the key that tells users apart for counts: id, else e-mail, else
// username, else IP address (Sentry's `user` tag: `id:42`, `email:a@b`, `username:x`, `ip:1.2.3.4`).
import { boundedObject } from './freeFormJson';

export interface EventUser {
  readonly json: Record<string, unknown> | null;
  /** `id:42`-style tag value, or undefined when the event names no user. */
  readonly key: string | undefined;
}

const KNOWN = new Set(['id', 'email', 'username', 'ip_address', 'name', 'geo', 'data', 'segment']);

export function eventUserOf(raw: Record<string, unknown> | undefined, clientIp: string | undefined): EventUser {
  if (raw === undefined) return { json: null, key: undefined };
  const id = textOf(raw['id']);
  const email = textOf(raw['email']);
  const username = textOf(raw['username']);
  // `{{auto}}` asks the server to fill in the sender's address (browser SDKs with sendDefaultPii).
  const ipRaw = textOf(raw['ip_address']);
  const ip = ipRaw === '{{auto}}' ? clientIp : ipRaw;
  const extra = Object.fromEntries(Object.entries(raw).filter(([key]) => !KNOWN.has(key)));
  const data = { ...(boundedObject(raw['data']) ?? {}), ...(boundedObject(extra) ?? {}) };
  const json = {
    id: id ?? null,
    email: email ?? null,
    username: username ?? null,
    ip_address: ip ?? null,
    name: textOf(raw['name']) ?? null,
    geo: boundedObject(raw['geo']),
    data: Object.keys(data).length > 0 ? data : null,
  };
  const key =
    id !== undefined
      ? `id:${id}`
      : email !== undefined
        ? `email:${email}`
        : username !== undefined
          ? `username:${username}`
          : ip !== undefined
            ? `ip:${ip}`
            : undefined;
  return { json, key };
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed.slice(0, 256);
}

/** `id:42` → the search query Sentry puts on the tag, `user.id:42`. */
export function userTagQuery(key: string): string {
  const at = key.indexOf(':');
  return `user.${key.slice(0, at)}:${key.slice(at + 1)}`;
}
