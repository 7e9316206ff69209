// Finds the Web API token of a local Sentry that another process serves (another window, `sentry-insight serve`):
// each candidate store folder's `local-api-token` is offered to the server's API index, whose scopes say whether that
// token allows changes there. Only loopback servers are asked, each with a bounded request.
import { join } from 'node:path';
import { z } from 'zod';
import { readApiToken } from './apiToken';

/** Where `sentry-insight serve` keeps its store (and so its token) without `--store`. */
export function defaultServeStore(home: string): string {
  return join(home, '.sentry-insight', 'local-store');
}

const apiIndexScopes = z.object({
  auth: z
    .object({ scopes: z.array(z.string()).max(100) })
    .nullable()
    .optional(),
});
const PROBE_TIMEOUT_MS = 2_000;

/** The first candidate folder's token that the server at `url` (`http://127.0.0.1:<port>`) accepts for changes. */
export async function findLocalApiToken(url: string, storeDirectories: readonly string[]): Promise<string | undefined> {
  for (const directory of new Set(storeDirectories)) {
    const token = await readApiToken(directory);
    if (token !== undefined && (await allowsChanges(url, token))) return token;
  }
  return undefined;
}

async function allowsChanges(url: string, token: string): Promise<boolean> {
  try {
    const answer = await fetch(`${url}/api/0/`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    const text = await answer.text();
    if (!answer.ok || text.length > 10_000) return false;
    const parsed = apiIndexScopes.safeParse(JSON.parse(text));
    return parsed.success && (parsed.data.auth?.scopes.includes('event:write') ?? false);
  } catch {
    return false;
  }
}
