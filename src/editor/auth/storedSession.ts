// A signed-in Sentry server as kept in SecretStorage: URL, token, user and scopes, under a key made of the server's
// origin so that a token is only ever handed out for the exact host it was entered for. No vscode import.
import { z } from 'zod';
import { normalizeSentryUrl } from '../../core/config';
import { err, ok, type Result } from '../../core/result';

export const storedSessionSchema = z.object({
  /** The normalized server URL the token was verified against (may carry a path for a self-hosted Sentry). */
  url: z.string(),
  token: z.string().min(1),
  user: z.object({ id: z.string().optional(), email: z.string().optional(), name: z.string().optional() }).optional(),
  scopes: z.array(z.string()),
});
export type StoredSession = z.infer<typeof storedSessionSchema>;

export interface ServerAddress {
  /** `https://sentry.example.com/sentry`: what the API client is given. */
  readonly url: string;
  /** `https://sentry.example.com`: what the token is bound to. */
  readonly origin: string;
}

/** Validates a server URL as the settings do and gives the origin its token is bound to. */
export function serverAddress(raw: string): Result<ServerAddress, string> {
  const normalized = normalizeSentryUrl(raw);
  if (!normalized.ok) return normalized;
  return ok({ url: normalized.value, origin: new URL(normalized.value).origin });
}

const sessionKeyPrefix = 'sentryInsight.auth.session:';
/** The list of signed-in origins (SecretStorage cannot list its keys in every supported VS Code). */
export const sessionIndexKey = 'sentryInsight.auth.origins';

export function sessionKeyOf(origin: string): string {
  return `${sessionKeyPrefix}${origin}`;
}

export function isSessionKey(key: string): boolean {
  return key === sessionIndexKey || key.startsWith(sessionKeyPrefix);
}

/** `sentry.io`, or host and path for a Sentry served under a path: `example.com/sentry`. */
export function serverLabel(url: string): string {
  const parsed = new URL(url);
  return parsed.host + parsed.pathname.replace(/\/+$/, '');
}

/** `jane@example.com @ sentry.io`: the Accounts menu entry. */
export function sessionLabel(session: Pick<StoredSession, 'url' | 'user'>): string {
  const who = session.user?.email || session.user?.name || session.user?.id || 'token';
  return `${who} @ ${serverLabel(session.url)}`;
}

/** Parses a stored entry; one whose URL does not belong under the key's origin is refused, since the token is bound to it. */
export function parseStoredSession(text: string | undefined, origin: string): Result<StoredSession, string> {
  if (text === undefined) return err('missing');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err('not JSON');
  }
  const parsed = storedSessionSchema.safeParse(json);
  if (!parsed.success) return err('not a stored session');
  const address = serverAddress(parsed.data.url);
  if (!address.ok || address.value.origin !== origin) return err('stored under another host');
  return ok(parsed.data);
}

export function parseSessionIndex(text: string | undefined): string[] {
  if (text === undefined) return [];
  try {
    const parsed = z.array(z.string()).safeParse(JSON.parse(text));
    return parsed.success ? [...new Set(parsed.data)] : [];
  } catch {
    return [];
  }
}
