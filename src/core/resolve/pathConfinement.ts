// Decides whether a path leads to a regular file really inside a workspace folder (symlinks followed), remembering each
// directory's real path for a short while so that thousands of frames in the same few directories cost one lstat each.
import type { Stats } from 'node:fs';
import { lstat, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { Logger } from '../log';
import { BoundedCache } from './boundedCache';
import type { WorkspaceFolder } from './frame';

/** The file system calls confinement makes; tests count them. */
export interface ConfinementFileSystem {
  readonly realpath: (path: string) => Promise<string>;
  readonly lstat: (path: string) => Promise<Stats>;
  readonly stat: (path: string) => Promise<Stats>;
}

const nodeFileSystem: ConfinementFileSystem = { realpath, lstat, stat };

export interface PathConfinementOptions {
  /** Larger files are refused. */
  readonly maxFileBytes: number;
  /** A directory's real path is looked up again after this long, so a directory replaced on disk is noticed. Default 10 s. */
  readonly maxAgeMs?: number;
  /** Directories remembered at once. Default 4,096. */
  readonly maxDirectories?: number;
  readonly now?: () => number;
  readonly fileSystem?: ConfinementFileSystem;
  readonly log?: Logger;
}

/** A confined file: its real path, and the size and modification time that tell one version of it from another. */
export interface ConfinedFile {
  readonly real: string;
  readonly size: number;
  readonly mtimeMs: number;
}

interface DirectoryVerdict {
  /** The directory's real path when it lies inside a workspace folder (or is one), else undefined. */
  readonly real: Promise<string | undefined>;
  readonly checkedAt: number;
}

export class PathConfinement {
  private folderRealPaths: Promise<string[]> | undefined;
  private readonly directories: BoundedCache<string, DirectoryVerdict>;
  private readonly fs: ConfinementFileSystem;

  constructor(
    private readonly folders: readonly WorkspaceFolder[],
    private readonly options: PathConfinementOptions,
  ) {
    this.directories = new BoundedCache(options.maxDirectories ?? 4_096);
    this.fs = options.fileSystem ?? nodeFileSystem;
  }

  /**
   * The real path when the file exists, is a regular file no larger than the limit, and really lies inside a workspace
   * folder; else undefined. The directory's real path comes from the cache; the file itself is lstat'ed every time,
   * and a symlinked file is followed to its target, which must be inside too.
   */
  async confine(absolutePath: string): Promise<string | undefined> {
    return (await this.confineFile(absolutePath))?.real;
  }

  /** As confine(), with the file's size and modification time. */
  async confineFile(absolutePath: string): Promise<ConfinedFile | undefined> {
    const name = basename(absolutePath);
    if (name === '' || name === '.' || name === '..') return undefined;
    const directory = await this.realDirectory(dirname(absolutePath));
    if (directory === undefined) return undefined;
    const candidate = join(directory, name);
    let info: Stats;
    try {
      info = await this.fs.lstat(candidate);
    } catch {
      return undefined;
    }
    if (info.isSymbolicLink()) return this.confineLink(absolutePath, candidate);
    return this.regularFile(candidate, info);
  }

  /** Forgets every directory verdict, for when files moved on disk. */
  clear(): void {
    this.directories.clear();
  }

  private realDirectory(directory: string): Promise<string | undefined> {
    const now = (this.options.now ?? Date.now)();
    const cached = this.directories.get(directory);
    if (cached !== undefined && now - cached.checkedAt <= (this.options.maxAgeMs ?? 10_000)) return cached.real;
    const real = this.checkDirectory(directory);
    this.directories.set(directory, { real, checkedAt: now });
    return real;
  }

  private async checkDirectory(directory: string): Promise<string | undefined> {
    let real: string;
    try {
      real = await this.fs.realpath(directory);
    } catch {
      return undefined;
    }
    if (await this.isInside(real, true)) return real;
    this.options.log?.debug(`resolver: ${directory} leads outside the workspace (${real}); not used`);
    return undefined;
  }

  /** A symlinked file: rare, so followed without caching. */
  private async confineLink(absolutePath: string, link: string): Promise<ConfinedFile | undefined> {
    try {
      const real = await this.fs.realpath(link);
      if (!(await this.isInside(real, false))) {
        this.options.log?.debug(`resolver: ${absolutePath} leads outside the workspace (${real}); not used`);
        return undefined;
      }
      return this.regularFile(real, await this.fs.stat(real));
    } catch {
      return undefined;
    }
  }

  private regularFile(real: string, info: Stats): ConfinedFile | undefined {
    return info.isFile() && info.size <= this.options.maxFileBytes
      ? { real, size: info.size, mtimeMs: info.mtimeMs }
      : undefined;
  }

  /** Whether a real path lies inside a real folder path; a directory may also be the folder itself. */
  private async isInside(real: string, mayBeFolder: boolean): Promise<boolean> {
    const roots = await this.realFolderPaths();
    return roots.some((root) => (mayBeFolder && root === real) || insidePath(root, real) !== undefined);
  }

  private realFolderPaths(): Promise<string[]> {
    this.folderRealPaths ??= Promise.all(
      this.folders.map((folder) => this.fs.realpath(folder.path).catch(() => undefined)),
    ).then((paths) => paths.filter((path): path is string => path !== undefined));
    return this.folderRealPaths;
  }
}

/** The `/`-separated path of `target` relative to `root` when it lies strictly inside it, else undefined. */
export function insidePath(root: string, target: string): string | undefined {
  const path = relative(root, target);
  if (path === '' || isAbsolute(path) || path === '..' || path.startsWith(`..${sep}`)) return undefined;
  return path.split(sep).join('/');
}
