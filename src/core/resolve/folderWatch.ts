// Follows a workspace folder's files with node:fs watchers and reports what appeared, changed or went away to a sink
// (the folder's WatchedFileIndex), so that `serve` keeps its index and caches current without walking again. One
// recursive watcher where the platform has a native one (macOS, Windows); elsewhere one watcher per directory, never in
// the directories the index skips (Node's recursive mode on Linux would watch every directory, node_modules included),
// and at most `maxDirectories` of them: a script in a directory past that is still found when a frame names it.
import { watch, type FSWatcher } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../log';
import type { FileEventSink } from './watchedFileIndex';
import { SKIPPED_DIRECTORIES } from './workspaceDirectories';
import { within } from './workspaceFileReader';

export interface FolderWatchOptions {
  readonly log: Logger;
  /** Directories watched at once in the per-directory mode. Default 8,192 (Linux allows 8,192 inotify watches at least). */
  readonly maxDirectories?: number;
  /** Default: `recursive` on macOS and Windows, `perDirectory` elsewhere. */
  readonly mode?: 'recursive' | 'perDirectory';
}

export interface FolderWatch {
  /** Resolves once every directory that will be watched from the start is watched. */
  readonly ready: Promise<void>;
  /** Directories watched now (1 in the recursive mode). */
  readonly watchedDirectories: number;
  dispose(): void;
}

const DEFAULT_MAX_DIRECTORIES = 8_192;
/** Directories listed at once while adding watchers, so that a large tree does not open thousands of handles. */
const PARALLEL_READS = 16;

export function watchFolder(root: string, sink: FileEventSink, options: FolderWatchOptions): FolderWatch {
  const native = process.platform === 'darwin' || process.platform === 'win32';
  const watchers = new FolderWatchers(root, sink, options);
  if ((options.mode ?? (native ? 'recursive' : 'perDirectory')) === 'recursive' && watchers.watchRecursively())
    return watchers;
  watchers.watchEachDirectory();
  return watchers;
}

class FolderWatchers implements FolderWatch {
  /** The watchers: one for the whole tree (recursive mode), or one per directory. */
  private readonly watchers = new Map<string, FSWatcher>();
  private recursive = false;
  /** Events are handled one after another, in the order they came, so a quick create-then-delete ends deleted. */
  private handling: Promise<void> = Promise.resolve();
  private disposed = false;
  private warnedFull = false;
  private started: Promise<void> = Promise.resolve();

  constructor(
    private readonly root: string,
    private readonly sink: FileEventSink,
    private readonly options: FolderWatchOptions,
  ) {}

  get ready(): Promise<void> {
    return this.started;
  }

  get watchedDirectories(): number {
    return this.watchers.size;
  }

  /** One native watcher for the tree; false when the platform refuses it (the caller then watches per directory). */
  watchRecursively(): boolean {
    try {
      const native = watch(this.root, { recursive: true, persistent: false }, (type, name) => {
        if (name !== null) this.report(type, join(this.root, name), name.split(/[\\/]/));
      });
      native.on('error', (error) => this.options.log.warn(`file watch: ${this.root}: ${String(error)}`));
      this.watchers.set(this.root, native);
      this.recursive = true;
      return true;
    } catch (error) {
      this.options.log.debug(`file watch: no recursive watcher for ${this.root} (${String(error)}); one per directory`);
      return false;
    }
  }

  /** Watches the folder directory by directory; `ready` is when all of them are watched. */
  watchEachDirectory(): void {
    this.started = this.watchTree(this.root);
  }

  dispose(): void {
    this.disposed = true;
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  /** The directory and those under it, breadth first, skipping what the index skips and symlinked directories. */
  private async watchTree(top: string): Promise<void> {
    let level = [top];
    while (level.length > 0 && !this.disposed) {
      const next: string[] = [];
      for (let start = 0; start < level.length; start += PARALLEL_READS) {
        const batch = level.slice(start, start + PARALLEL_READS);
        const listings = await Promise.all(batch.map((directory) => this.watchDirectory(directory)));
        for (const listing of listings) next.push(...listing);
      }
      level = next;
    }
  }

  /** Watches one directory; its subdirectories to watch next. */
  private async watchDirectory(directory: string): Promise<string[]> {
    if (this.disposed || this.watchers.has(directory)) return [];
    if (this.watchers.size >= (this.options.maxDirectories ?? DEFAULT_MAX_DIRECTORIES)) {
      this.full(directory);
      return [];
    }
    try {
      const watcher = watch(directory, { persistent: false }, (type, name) => {
        // Without a name the directory itself is all there is to go on: it is looked at again as a whole.
        if (name === null) this.report('rename', directory, []);
        else this.report(type, join(directory, name), [name]);
      });
      watcher.on('error', () => this.unwatch(directory));
      this.watchers.set(directory, watcher);
      const entries = await readdir(directory, { withFileTypes: true });
      return entries
        .filter((entry) => entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name))
        .map((entry) => join(directory, entry.name));
    } catch (error) {
      this.unwatch(directory);
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC') this.full(directory);
      else this.options.log.debug(`file watch: cannot watch ${directory}: ${String(error)}`);
      return [];
    }
  }

  /** No more watchers (our bound, or the system's): said once, with what still works. */
  private full(directory: string): void {
    if (this.warnedFull) return;
    this.warnedFull = true;
    this.options.log.warn(
      `file watch: ${this.watchers.size} directories of ${this.root} are watched and ${directory} cannot be ` +
        "(the limit, or the system's inotify limit fs.inotify.max_user_watches, is reached): " +
        'scripts created there are found when a frame names them, other files after a restart',
    );
  }

  private unwatch(directory: string): void {
    const under = within(directory);
    for (const [path, watcher] of this.watchers)
      if (path === directory || under(path)) {
        watcher.close();
        this.watchers.delete(path);
      }
  }

  /** `segments`: the path's segments below the watched directory, to leave out what is in a skipped directory. */
  private report(type: string, path: string, segments: readonly string[]): void {
    if (this.disposed || segments.some((segment) => SKIPPED_DIRECTORIES.has(segment))) return;
    this.handling = this.handling
      .then(() => this.handle(type, path))
      .catch((error: unknown) => this.options.log.debug(`file watch: ${path}: ${String(error)}`));
  }

  private async handle(type: string, path: string): Promise<void> {
    if (this.disposed) return;
    if (type === 'change') {
      this.sink.changed(path);
      return;
    }
    // 'rename' says only that the name came or went: the disk tells which.
    const found = await lstat(path).catch(() => undefined);
    if (this.disposed) return;
    if (found === undefined) {
      this.sink.deleted(path);
      if (!this.recursive) this.unwatch(path);
      return;
    }
    // A new directory is watched before the index walks it, so that a file written into it meanwhile is not missed.
    if (found.isDirectory() && !this.recursive) await this.watchTree(path);
    this.sink.created(path);
  }
}
