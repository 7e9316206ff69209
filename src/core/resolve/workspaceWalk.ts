// Lists a workspace folder's files breadth first, in a fixed order, without entering skipped or symlinked directories.
import type { Dirent } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../log';
import { SKIPPED_DIRECTORIES } from './workspaceDirectories';

export interface WorkspaceWalkOptions {
  /** Directory names never entered. Defaults to SKIPPED_DIRECTORIES. */
  readonly skipDirectories?: ReadonlySet<string>;
  readonly signal?: AbortSignal;
  readonly log?: Logger;
}

export interface WalkResult {
  /** Relative paths with `/` separators, shallow before deep, each directory's entries in code-unit order. */
  readonly paths: string[];
  /** The walk stopped at the file budget. */
  readonly truncated: boolean;
}

/** Directories read at once; bounded so that a huge workspace does not open thousands of handles. */
const PARALLEL_READS = 16;

/**
 * Breadth first so that, when the budget runs out, the files dropped are the deepest ones; each level is read in
 * parallel but collected in a sorted order, so the same disk always gives the same list.
 * Symlinked directories are never entered (they could lead out of the workspace or into a cycle); symlinked files are
 * listed, and the resolver checks where they really point before it reads or returns them.
 */
export async function walkWorkspaceFolder(
  root: string,
  budget: number,
  options: WorkspaceWalkOptions = {},
): Promise<WalkResult> {
  const skip = options.skipDirectories ?? SKIPPED_DIRECTORIES;
  const paths: string[] = [];
  let level: string[] = [''];
  while (level.length > 0) {
    options.signal?.throwIfAborted();
    const listings = await readLevel(root, level, options.log);
    const nextLevel: string[] = [];
    for (const [index, entries] of listings.entries()) {
      const directory = level[index] ?? '';
      for (const entry of entries) {
        const path = directory === '' ? entry.name : `${directory}/${entry.name}`;
        const kind = await entryKind(root, path, entry);
        if (kind === 'directory' && !skip.has(entry.name)) nextLevel.push(path);
        if (kind !== 'file') continue;
        if (paths.length >= budget) return { paths, truncated: true };
        paths.push(path);
      }
    }
    level = nextLevel;
  }
  return { paths, truncated: false };
}

async function readLevel(root: string, directories: readonly string[], log: Logger | undefined): Promise<Dirent[][]> {
  const listings: Dirent[][] = [];
  for (let start = 0; start < directories.length; start += PARALLEL_READS) {
    const batch = directories.slice(start, start + PARALLEL_READS);
    listings.push(...(await Promise.all(batch.map((directory) => readSorted(join(root, directory), log)))));
  }
  return listings;
}

async function readSorted(directory: string, log: Logger | undefined): Promise<Dirent[]> {
  try {
    const entries = await readdir(directory, { withFileTypes: true });
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    log?.debug(`file index: cannot read ${directory}: ${String(error)}`);
    return [];
  }
}

async function entryKind(root: string, path: string, entry: Dirent): Promise<'file' | 'directory' | 'other'> {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  if (!entry.isSymbolicLink()) return 'other';
  return linkKind(join(root, path));
}

/**
 * What the walk makes of the path: a file (a symlink to one too), a directory it enters (never a symlinked one), or
 * neither. For paths that appear after the walk, so that they are taken by the walk's own rule.
 */
export async function walkKindOf(path: string): Promise<'file' | 'directory' | 'other'> {
  try {
    const info = await lstat(path);
    if (info.isFile()) return 'file';
    if (info.isDirectory()) return 'directory';
    return info.isSymbolicLink() ? await linkKind(path) : 'other';
  } catch {
    return 'other';
  }
}

async function linkKind(path: string): Promise<'file' | 'other'> {
  try {
    return (await stat(path)).isFile() ? 'file' : 'other';
  } catch {
    return 'other';
  }
}
