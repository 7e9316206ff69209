// Reads workspace files for the resolver, only after checking that their real path (symlinks followed) is inside a folder.
import { open, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Logger } from '../log';
import { BoundedCache } from './boundedCache';
import type { WorkspaceFolder } from './frame';
import { insidePath, PathConfinement, type ConfinedFile } from './pathConfinement';

export interface WorkspaceFileReaderOptions {
  /**
   * Files kept in memory at once. Default 2,048: a large release's frames touch hundreds of files, and reading one again
   * costs far more than keeping it (the character limit below bounds the memory).
   */
  readonly maxCachedFiles?: number;
  /** Characters kept in memory over all cached files. Default 64 million (about 128 MB). */
  readonly maxCachedChars?: number;
  /** Larger files are never read. Default 64 MB: minified bundles and their maps can be tens of megabytes. */
  readonly maxFileBytes?: number;
  readonly log?: Logger;
}

/** How long isWorkspaceFile trusts an answer: as long as a directory's real path is trusted (PathConfinement). */
const recentlyConfinedMs = 10_000;

/** A file's text and, computed once when first asked for, its lines. */
export class FileText {
  private lineCache: readonly string[] | undefined;

  constructor(readonly text: string) {}

  get lines(): readonly string[] {
    this.lineCache ??= this.text.split(/\r\n|\r|\n/);
    return this.lineCache;
  }
}

/** Where an absolute path lies in the workspace, by its text alone (no disk access). */
export interface WorkspacePath {
  readonly folder: WorkspaceFolder;
  /** Relative to the folder with `/` separators; never empty, never `..`. */
  readonly path: string;
}

export class WorkspaceFileReader {
  private readonly confinement: PathConfinement;
  private readonly texts: BoundedCache<string, FileText>;
  private readonly pending = new Map<string, Promise<FileText | undefined>>();
  /** Counts forget() calls: a read that began before one is not cached, as it may hold the text the change replaced. */
  private forgotten = 0;
  /** Recent answers of isWorkspaceFile: a release's frames name the same few files thousands of times. */
  private readonly recentlyConfined = new BoundedCache<
    string,
    { readonly inside: Promise<boolean>; readonly at: number }
  >(8_192);

  constructor(
    private readonly folders: readonly WorkspaceFolder[],
    private readonly options: WorkspaceFileReaderOptions = {},
  ) {
    this.texts = new BoundedCache(options.maxCachedFiles ?? 2_048, options.maxCachedChars ?? 64_000_000);
    this.confinement = new PathConfinement(folders, {
      maxFileBytes: options.maxFileBytes ?? 64_000_000,
      log: options.log,
    });
  }

  /** The absolute path of a folder-relative path. The relative path must come from the index or from locate(). */
  absolutePath(location: WorkspacePath): string {
    return resolve(location.folder.path, ...location.path.split('/'));
  }

  /** The folder (the innermost, when folders nest) that lexically contains the absolute path. */
  locate(absolutePath: string): WorkspacePath | undefined {
    let found: WorkspacePath | undefined;
    for (const folder of this.folders) {
      const path = insidePath(folder.path, absolutePath);
      if (path !== undefined && (found === undefined || path.length < found.path.length)) found = { folder, path };
    }
    return found;
  }

  /** The real path when the file exists, is a regular file, and really lies inside a workspace folder; else undefined. */
  confine(absolutePath: string): Promise<string | undefined> {
    return this.confinement.confine(absolutePath);
  }

  /**
   * Whether the path is a file inside the workspace, as confine() says, remembered for a few seconds (an lstat per frame
   * was a quarter of a frame's CPU). Only for choosing among candidate paths: reading goes through confine() again.
   */
  isWorkspaceFile(absolutePath: string, now = Date.now()): Promise<boolean> {
    const recent = this.recentlyConfined.get(absolutePath);
    if (recent !== undefined && now - recent.at <= recentlyConfinedMs) return recent.inside;
    const inside = this.confine(absolutePath).then((real) => real !== undefined);
    this.recentlyConfined.set(absolutePath, { inside, at: now });
    return inside;
  }

  /** As confine(), with the size and modification time that identify this version of the file. */
  version(absolutePath: string): Promise<ConfinedFile | undefined> {
    return this.confinement.confineFile(absolutePath);
  }

  /** The file's text, from the cache when read before; undefined when it is missing, too large or outside the workspace. */
  async read(absolutePath: string): Promise<FileText | undefined> {
    const cached = this.texts.get(absolutePath);
    if (cached !== undefined) return cached;
    const inFlight = this.pending.get(absolutePath);
    if (inFlight !== undefined) return inFlight;
    const reading = this.readAndCache(absolutePath).finally(() => this.pending.delete(absolutePath));
    this.pending.set(absolutePath, reading);
    return reading;
  }

  /** The file's text without keeping it: for source maps, which are kept parsed instead. */
  async readOnce(absolutePath: string): Promise<string | undefined> {
    const real = await this.confine(absolutePath);
    if (real === undefined) return undefined;
    try {
      return await readFile(real, 'utf8');
    } catch (error) {
      this.options.log?.debug(`resolver: cannot read ${absolutePath}: ${String(error)}`);
      return undefined;
    }
  }

  /** The first and last `bytes` bytes of the file as text, uncached: enough to find a source map's debug ID. */
  async readEnds(absolutePath: string, bytes: number): Promise<string | undefined> {
    const real = await this.confine(absolutePath);
    if (real === undefined) return undefined;
    try {
      const handle = await open(real, 'r');
      try {
        const { size } = await handle.stat();
        if (size <= 2 * bytes) return (await handle.readFile()).toString('utf8');
        const head = Buffer.alloc(bytes);
        const tail = Buffer.alloc(bytes);
        await handle.read(head, 0, bytes, 0);
        await handle.read(tail, 0, bytes, size - bytes);
        return `${head.toString('utf8')}\n${tail.toString('utf8')}`;
      } finally {
        await handle.close();
      }
    } catch {
      return undefined;
    }
  }

  /**
   * Forgets what is known of a path a file watcher reported, so the next read sees the disk: its text and whether it
   * is a file; with `tree` (it appeared or went away, and may be a directory) everything under it and every directory
   * verdict too.
   */
  forget(absolutePath: string, tree: boolean): void {
    this.forgotten++;
    this.texts.delete(absolutePath);
    this.pending.delete(absolutePath);
    this.recentlyConfined.delete(absolutePath);
    if (!tree) return;
    const under = within(absolutePath);
    this.texts.deleteWhere(under);
    this.recentlyConfined.deleteWhere(under);
    for (const path of [...this.pending.keys()]) if (under(path)) this.pending.delete(path);
    this.confinement.clear();
  }

  /** Forgets cached texts and directory checks, for when files changed on disk. */
  clear(): void {
    this.texts.clear();
    this.recentlyConfined.clear();
    this.confinement.clear();
  }

  private async readAndCache(absolutePath: string): Promise<FileText | undefined> {
    const forgottenBefore = this.forgotten;
    const text = await this.readOnce(absolutePath);
    if (text === undefined) return undefined;
    const file = new FileText(text);
    if (this.forgotten === forgottenBefore) this.texts.set(absolutePath, file, text.length);
    return file;
  }
}

/** A test for paths strictly under `directory` (with either separator, as paths on Windows may come). */
export function within(directory: string): (path: string) => boolean {
  const prefixes = [`${directory}/`, `${directory}\\`];
  return (path) => prefixes.some((prefix) => path.startsWith(prefix));
}
