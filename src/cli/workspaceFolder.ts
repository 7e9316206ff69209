// Which folder `scan` and `compare` read: the one `--workspace` names (it must be a folder with files in it), else the
// project root found upwards from where the command runs, as sentry-cli finds its `.sentryclirc`.
import { readdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { err, ok, type Result } from '../core/result';

/**
 * The files that mark a project's root, strongest first: the nearest folder holding the first of them wins, so a
 * monorepo's `.sentryclirc` at the top beats a package's own `package.json` below it.
 */
export const projectRootMarkers = ['.sentryclirc', 'sentry.properties', 'package.json', '.git'] as const;

/** The folder to read, or one sentence saying why there is none. */
export async function workspaceFolder(
  raw: string | undefined,
  cwd: string,
  home: string | undefined,
): Promise<Result<string, string>> {
  if (raw !== undefined) return explicitWorkspace(raw, cwd);
  const root = await findProjectRoot(cwd, home);
  if (await isEmptyFolder(root)) {
    return err(
      `${root} is empty and no folder above it holds ${projectRootMarkers.join(', ')}: run in your checkout or pass --workspace`,
    );
  }
  return ok(root);
}

/** `--workspace DIR` resolved against `cwd`, or why it cannot be read: missing, not a folder, or empty. */
async function explicitWorkspace(raw: string, cwd: string): Promise<Result<string, string>> {
  const path = resolve(cwd, raw);
  let entries: string[];
  try {
    if (!(await stat(path)).isDirectory())
      return err(`--workspace ${path} is a file, not a folder: name the folder of your checkout`);
    entries = await readdir(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      return err(`--workspace ${path} does not exist: name the folder of your checkout`);
    return err(`--workspace ${path} cannot be read (${code ?? 'unknown error'})`);
  }
  if (entries.length === 0) return err(`--workspace ${path} is an empty folder: name the folder of your checkout`);
  return ok(path);
}

/**
 * The nearest folder at or above `cwd` holding the strongest marker, else `cwd` itself. The home folder is never a
 * project root: its `.sentryclirc` is the user's global configuration, and a dotfiles `.git` there is not a project.
 */
export async function findProjectRoot(cwd: string, home: string | undefined): Promise<string> {
  const folders = foldersUpFrom(resolve(cwd)).filter((folder) => home === undefined || folder !== resolve(home));
  for (const marker of projectRootMarkers) {
    for (const folder of folders) {
      if (await exists(resolve(folder, marker))) return folder;
    }
  }
  return resolve(cwd);
}

function foldersUpFrom(start: string): string[] {
  const folders = [start];
  for (let parent = dirname(start); parent !== folders.at(-1); parent = dirname(parent)) folders.push(parent);
  return folders;
}

async function isEmptyFolder(path: string): Promise<boolean> {
  try {
    return (await readdir(path)).length === 0;
  } catch {
    return false;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
