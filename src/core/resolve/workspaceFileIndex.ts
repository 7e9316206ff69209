// An index of the workspace folders' files that finds the file a frame path names by its longest matching suffix.
import type { WorkspaceFolder } from './frame';
import { indexedFile, isBuildOutput, type IndexedFile } from './indexedFile';
import { normalizeFramePath } from './paths';
import {
  compareMatches,
  isAcceptedMatch,
  matchedTrailingSegments,
  namesBuildOutput,
  type SuffixMatch,
} from './suffixMatch';
import { SKIPPED_DIRECTORIES } from './workspaceDirectories';
import { walkWorkspaceFolder, type WorkspaceWalkOptions } from './workspaceWalk';

export type { IndexedFile } from './indexedFile';

export interface WorkspaceFileIndexOptions extends WorkspaceWalkOptions {
  /** At most this many files over all folders; deeper files are dropped first. Default 200,000. */
  readonly maxFiles?: number;
}

export interface FindOptions {
  /** Leave build output out entirely: used for a source map's original sources. */
  readonly originalSourcesOnly?: boolean;
  /**
   * Only accept a file when one of the two paths is a whole suffix of the other (the rule Sentry's code mappings
   * use): a mapped path names the file's directories, so two shared segments under other directories are not enough.
   */
  readonly wholeSuffix?: boolean;
  /**
   * The file name alone is not enough: the paths must share a directory too. For a frame that names an absolute path
   * outside the workspace (`/usr/lib/python3.11/json/__init__.py`), where a bare `__init__.py` would match any package.
   */
  readonly sharedDirectory?: boolean;
}

export const DEFAULT_MAX_FILES = 200_000;

/** What frame lookups need of a file index: one folder's (WorkspaceFileIndex) or several folders' (CombinedFileIndex). */
export interface FileLookup {
  find(framePath: string, options?: FindOptions): IndexedFile | undefined;
  /** Every indexed file whose name ends with `suffix` (`.map`), in folder then path order. */
  filesEndingWith(suffix: string): IndexedFile[];
}

export class WorkspaceFileIndex implements FileLookup {
  private readonly byName = new Map<string, IndexedFile[]>();
  private readonly byFolderAndPath = new Map<string, IndexedFile>();

  private constructor(
    readonly folders: readonly WorkspaceFolder[],
    files: readonly IndexedFile[],
    /** The walk stopped at `maxFiles`: some files are missing. */
    readonly truncated: boolean,
  ) {
    for (const file of files) this.add(file);
  }

  /** Walks the folders on disk, skipping dependency and VCS directories and never entering a symlinked directory. */
  static async build(
    folders: readonly WorkspaceFolder[],
    options: WorkspaceFileIndexOptions = {},
  ): Promise<WorkspaceFileIndex> {
    let budget = options.maxFiles ?? DEFAULT_MAX_FILES;
    let truncated = false;
    const files: IndexedFile[] = [];
    for (const [rank, folder] of folders.entries()) {
      const walk = await walkWorkspaceFolder(folder.path, budget, options);
      files.push(...walk.paths.map((path) => indexedFile(folder, rank, path)));
      budget -= walk.paths.length;
      truncated ||= walk.truncated;
    }
    if (truncated)
      options.log?.warn(
        `file index: stopped at ${files.length} files; frames in the remaining files will not be found`,
      );
    return new WorkspaceFileIndex(folders, files, truncated);
  }

  /** An index of the given relative paths, for tests and callers that already know the files. Invalid paths are ignored. */
  static fromPaths(
    folders: readonly WorkspaceFolder[],
    entries: readonly { readonly folder: WorkspaceFolder; readonly path: string }[],
  ): WorkspaceFileIndex {
    const files: IndexedFile[] = [];
    for (const entry of entries) {
      const rank = folders.findIndex((folder) => folder.path === entry.folder.path);
      const folder = folders[rank];
      const path = entry.path.replace(/\\/g, '/');
      if (folder !== undefined && isPlainRelativePath(path)) files.push(indexedFile(folder, rank, path));
    }
    return new WorkspaceFileIndex(folders, files, false);
  }

  get size(): number {
    return this.byFolderAndPath.size;
  }

  /**
   * The workspace file a frame path names, or undefined: the best of the files with the same name whose trailing
   * segments match (see suffixMatch.ts for what counts and how ties break). Build output competes only when the frame
   * path names its build directory (`dist/bundle.js`); otherwise it is a fallback when no original source matches.
   * Cost depends on how many files share the name, not on the size of the workspace.
   */
  find(framePath: string, options: FindOptions = {}): IndexedFile | undefined {
    const { preferred, fallback } = this.bestMatches(framePath, options);
    return (preferred ?? fallback)?.file;
  }

  /**
   * What find() chooses from: the best match that may win outright, and the best build output that is a fallback when
   * none does (never with `originalSourcesOnly`). For choosing among several folders' indexes (CombinedFileIndex).
   */
  bestMatches(framePath: string, options: FindOptions = {}): { preferred?: SuffixMatch; fallback?: SuffixMatch } {
    const normalized = normalizeFramePath(framePath);
    if (normalized === undefined) return {};
    const segments = normalized.split('/');
    const name = segments[segments.length - 1] ?? '';
    const preferred: SuffixMatch[] = [];
    const fallback: SuffixMatch[] = [];
    for (const file of this.byName.get(name) ?? []) {
      const matched = matchedTrailingSegments(segments, file.segments);
      if (!isAcceptedMatch(matched, segments.length, file.segments.length, options)) continue;
      const match = { file, matched };
      if (!isBuildOutput(file) || namesBuildOutput(match)) preferred.push(match);
      else fallback.push(match);
    }
    if (options.originalSourcesOnly)
      return { preferred: bestMatch(preferred.filter((match) => !isBuildOutput(match.file))) };
    return { preferred: bestMatch(preferred), fallback: bestMatch(fallback) };
  }

  /** The file at exactly this relative path of this folder, if indexed. */
  get(folder: WorkspaceFolder, path: string): IndexedFile | undefined {
    return this.byFolderAndPath.get(folderKey(folder, path));
  }

  /** Every indexed file whose name ends with `suffix` (`.map`), in folder then path order. */
  filesEndingWith(suffix: string): IndexedFile[] {
    const found: IndexedFile[] = [];
    for (const [name, files] of this.byName) if (name.endsWith(suffix)) found.push(...files);
    return found.sort((a, b) => a.folderRank - b.folderRank || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /**
   * A file that appeared since the walk (a file watcher saw it), under the walk's rules: a path through a skipped
   * directory, outside the folders or past the file cap is not added. True when it was added.
   */
  addPath(folder: WorkspaceFolder, path: string): boolean {
    const rank = this.folders.findIndex((candidate) => candidate.path === folder.path);
    const known = this.folders[rank];
    if (
      known === undefined ||
      !isPlainRelativePath(path) ||
      path
        .split('/')
        .slice(0, -1)
        .some((segment) => SKIPPED_DIRECTORIES.has(segment))
    )
      return false;
    if (this.byFolderAndPath.size >= DEFAULT_MAX_FILES || this.byFolderAndPath.has(folderKey(known, path)))
      return false;
    this.add(indexedFile(known, rank, path));
    return true;
  }

  /** A file or a whole directory that went away: every indexed file at or under `path`. How many were removed. */
  removePath(folder: WorkspaceFolder, path: string): number {
    const key = folderKey(folder, path);
    // A file is found by its key; only a directory needs the walk over every key (a build folder's thousands of
    // deleted files come one event each, and each must not cost the whole index).
    const file = this.byFolderAndPath.get(key);
    if (file !== undefined) {
      this.remove(key, file);
      return 1;
    }
    const prefix = `${key}/`;
    const gone = [...this.byFolderAndPath.entries()].filter(([candidate]) => candidate.startsWith(prefix));
    for (const [under, removed] of gone) this.remove(under, removed);
    return gone.length;
  }

  private remove(key: string, file: IndexedFile): void {
    this.byFolderAndPath.delete(key);
    const name = file.segments[file.segments.length - 1] ?? '';
    const sameName = (this.byName.get(name) ?? []).filter((candidate) => candidate !== file);
    if (sameName.length > 0) this.byName.set(name, sameName);
    else this.byName.delete(name);
  }

  private add(file: IndexedFile): void {
    const key = folderKey(file.folder, file.path);
    if (this.byFolderAndPath.has(key)) return;
    this.byFolderAndPath.set(key, file);
    const name = file.segments[file.segments.length - 1] ?? '';
    const sameName = this.byName.get(name);
    if (sameName) sameName.push(file);
    else this.byName.set(name, [file]);
  }
}

/** The best of the matches by compareMatches, or undefined when there are none. */
export function bestMatch<M extends SuffixMatch>(matches: readonly M[]): M | undefined {
  let winner: M | undefined;
  for (const match of matches) if (winner === undefined || compareMatches(match, winner) < 0) winner = match;
  return winner;
}

function isPlainRelativePath(path: string): boolean {
  return path !== '' && path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

function folderKey(folder: WorkspaceFolder, path: string): string {
  return `${folder.path}\0${path}`;
}
