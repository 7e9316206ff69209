// Reads the `name@version` release that Sentry's docs suggest for JavaScript projects from a folder's package.json.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { err, ok, type Result } from '../result';

/** Only the two fields we use; anything else in package.json is none of our business. */
const packageFields = z.object({ name: z.unknown(), version: z.unknown() }).partial();

/** `name@version`, or the reason there is none. A scoped name loses its scope, because Sentry forbids `/` in versions. */
export async function readPackageRelease(dir: string): Promise<Result<string, string>> {
  const path = join(dir, 'package.json');
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return err(`no readable ${path}`);
  const fields = parseFields(text);
  if (fields === undefined) return err(`${path} is not a JSON object`);
  const name = typeof fields.name === 'string' ? unscoped(fields.name.trim()) : '';
  const version = typeof fields.version === 'string' ? fields.version.trim() : '';
  if (name === '' || version === '') return err(`${path} has no string name and version`);
  return ok(`${name}@${version}`);
}

function parseFields(text: string): z.infer<typeof packageFields> | undefined {
  try {
    const parsed = packageFields.safeParse(JSON.parse(text.replace(/^\uFEFF/, '')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function unscoped(name: string): string {
  return name.startsWith('@') && name.includes('/') ? name.slice(name.indexOf('/') + 1) : name;
}
