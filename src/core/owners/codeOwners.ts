// The code owners of a workspace file: the repository's CODEOWNERS file, found where GitHub looks for it (`.github/`,
// then the root, then `docs/`; the first that exists is the only one read), parsed once per file state and cached.
// Reading it runs no program, so this works in untrusted workspaces too.
import { open, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileState } from '../fileState';
import { BoundedCache } from '../resolve/boundedCache';
import { ownersOfPath, parseCodeowners, type CodeownersRule, type PathOwners } from './codeownersFile';

/** Where GitHub looks for the file, in its order of precedence. */
export const codeownersLocations = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

/** GitHub ignores a CODEOWNERS file over 3 MB; so do we. */
const maxFileBytes = 3 * 1024 * 1024;
/** How far up from a workspace folder the repository root (the folder holding `.git`) is looked for. */
const maxRootDepth = 32;

export interface FileOwners extends PathOwners {
  /** The CODEOWNERS file that decided, relative to the repository root (`.github/CODEOWNERS`). */
  readonly source: string;
}

export class CodeOwners {
  private readonly rules = new BoundedCache<string, Promise<CodeownersRule[]>>(64);
  private readonly roots = new BoundedCache<string, Promise<string>>(64);

  /** The owners of `file` (`/`-separated, relative to `folder`); undefined when no CODEOWNERS rule names it. */
  async of(folder: string, file: string): Promise<FileOwners | undefined> {
    const root = await this.rootOf(folder);
    const path = relative(root, join(folder, file)).split(sep).join('/');
    for (const location of codeownersLocations) {
      const state = await fileState(join(root, location));
      if (state === undefined) continue;
      const key = `${join(root, location)}\u0000${state}`;
      let rules = this.rules.get(key);
      if (!rules) this.rules.set(key, (rules = readRules(join(root, location))));
      const owners = ownersOfPath(await rules, path);
      return owners ? { ...owners, source: location } : undefined;
    }
    return undefined;
  }

  /** The nearest folder at or above `folder` holding `.git`; the folder itself when there is none. */
  private rootOf(folder: string): Promise<string> {
    let root = this.roots.get(folder);
    if (!root) this.roots.set(folder, (root = findRoot(folder)));
    return root;
  }
}

async function findRoot(folder: string): Promise<string> {
  let current = folder;
  for (let depth = 0; depth < maxRootDepth; depth++) {
    if ((await stat(join(current, '.git')).catch(() => undefined)) !== undefined) return current;
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return folder;
}

async function readRules(path: string): Promise<CodeownersRule[]> {
  const file = await open(path, 'r').catch(() => undefined);
  if (!file) return [];
  try {
    const buffer = Buffer.alloc(maxFileBytes + 1);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    return bytesRead > maxFileBytes ? [] : parseCodeowners(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await file.close();
  }
}
