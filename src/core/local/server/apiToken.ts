// The local Web API's per-install secret: 32 random bytes in hex, kept beside the store (owner-only file) so that the
// editor and `sentry-insight serve` find the same one after every restart; a server without a store gets a fresh one.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const API_TOKEN_FILE = 'local-api-token';

const TOKEN_PATTERN = /^[0-9a-f]{64}$/;

export interface ApiToken {
  readonly token: string;
  /** Where it is kept; undefined for a server without a store. */
  readonly file: string | undefined;
}

/** The token kept in `directory`, created on first use; a random one when there is no directory. */
export async function loadOrCreateApiToken(directory: string | undefined): Promise<ApiToken> {
  if (directory === undefined) return { token: newToken(), file: undefined };
  const file = join(directory, API_TOKEN_FILE);
  const existing = await readApiToken(directory);
  if (existing !== undefined) return { token: existing, file };
  try {
    // `wx`: of two processes creating it at once, one wins and the other reads the winner's token below.
    await writeFile(file, `${newToken()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const token = await readApiToken(directory);
  if (token === undefined)
    throw new Error(`${file} does not hold a local Sentry token; delete it to have a new one made`);
  return { token, file };
}

/** The token kept in `directory`, if there is one: a window using another window's server reads it from there. */
export async function readApiToken(directory: string): Promise<string | undefined> {
  try {
    const text = (await readFile(join(directory, API_TOKEN_FILE), 'utf8')).trim();
    return TOKEN_PATTERN.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** Compares in constant time, so that answer times do not leak how much of a guess was right. */
export function isSameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function newToken(): string {
  return randomBytes(32).toString('hex');
}
