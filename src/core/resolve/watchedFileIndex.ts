// One workspace folder's file index, walked once and then kept current from a file watcher's events (created, changed,
// deleted), so that loads, updates and frame lookups share it and never walk the folder again. Whoever keeps file
// texts or parsed maps of the folder listens to the same events to drop what they make stale.
import { isAbsolute, relative, sep } from 'node:path';
import type { Logger } from '../log';
import { Listeners, type Unsubscribe } from '../state/listeners';
import type { WorkspaceFolder } from './frame';
import { DEFAULT_MAX_FILES, WorkspaceFileIndex } from './workspaceFileIndex';
import { SKIPPED_DIRECTORIES } from './workspaceDirectories';
import { walkKindOf, walkWorkspaceFolder } from './workspaceWalk';

/** What a watcher saw at an absolute path: a file or directory appeared, a file's content changed, or either went away. */
export interface FileEvent {
  readonly kind: 'created' | 'changed' | 'deleted';
  readonly path: string;
}

/** What a watcher reports to; WatchedFileIndex is one, and tests stand in for it. */
export interface FileEventSink {
  created(absolutePath: string): void;
  changed(absolutePath: string): void;
  deleted(absolutePath: string): void;
}

export class WatchedFileIndex implements FileEventSink {
  private built: Promise<WorkspaceFileIndex> | undefined;
  /** Events apply one after another, in the order they came, after the walk. */
  private applying: Promise<void> = Promise.resolve();
  private walks = 0;
  private readonly events = new Listeners<FileEvent>();

  constructor(
    readonly folder: WorkspaceFolder,
    private readonly log: Logger,
  ) {}

  /** How many times the folder was walked whole: once, however many loads ask. */
  get wholeWalks(): number {
    return this.walks;
  }

  /** Every event as it is reported, before the index applies it, so that caches drop stale entries at once. */
  readonly onDidChange = (listener: (event: FileEvent) => void): Unsubscribe => this.events.subscribe(listener);

  /** The index with every event reported so far applied; the first call walks the folder. */
  async index(): Promise<WorkspaceFileIndex> {
    const index = await this.start();
    await this.applying;
    return index;
  }

  /** A file or directory appeared (absolute path). */
  created(absolutePath: string): void {
    this.report({ kind: 'created', path: absolutePath });
  }

  /** A file's content changed (absolute path): the index stays as it is, its listeners forget the old text. */
  changed(absolutePath: string): void {
    this.report({ kind: 'changed', path: absolutePath });
  }

  /** A file or directory went away (absolute path). */
  deleted(absolutePath: string): void {
    this.report({ kind: 'deleted', path: absolutePath });
  }

  private start(): Promise<WorkspaceFileIndex> {
    if (this.built === undefined) {
      this.walks++;
      this.built = WorkspaceFileIndex.build([this.folder], { log: this.log });
    }
    return this.built;
  }

  private report(event: FileEvent): void {
    // What happens in a directory the index skips (.git on every commit, node_modules) concerns neither the index nor
    // the sources and maps that follow these events.
    const path = this.relativePath(event.path);
    if (path?.split('/').some((segment) => SKIPPED_DIRECTORIES.has(segment))) return;
    this.events.fire(event);
    // Before the first walk there is nothing to update: the walk will see the folder as it is then.
    if (this.built === undefined || event.kind === 'changed') return;
    const built = this.built;
    this.applying = this.applying.then(async () => {
      try {
        await this.apply(await built, event);
      } catch (error) {
        this.log.debug(`file index: ${event.kind} ${event.path}: ${String(error)}`);
      }
    });
  }

  private async apply(index: WorkspaceFileIndex, event: FileEvent): Promise<void> {
    const path = this.relativePath(event.path);
    if (path === undefined) return;
    if (event.kind === 'deleted') {
      index.removePath(this.folder, path);
      return;
    }
    const kind = await walkKindOf(event.path);
    if (kind === 'file') index.addPath(this.folder, path);
    else if (kind === 'directory') {
      // A directory moved or copied in: its files, under the walk's rules (a bounded walk of the new part only).
      const walk = await walkWorkspaceFolder(event.path, DEFAULT_MAX_FILES - index.size, { log: this.log });
      for (const inner of walk.paths) index.addPath(this.folder, `${path}/${inner}`);
    }
  }

  /** `/`-separated and relative to the folder, or undefined outside it. */
  private relativePath(absolutePath: string): string | undefined {
    const path = relative(this.folder.path, absolutePath);
    if (path === '' || path.startsWith('..') || isAbsolute(path)) return undefined;
    return path.split(sep).join('/');
  }
}
