// The workspace as event processing sees it: each folder's file index, walked once and kept current by a file watcher
// (the editor's, or serve's own), a reader confined to the folders, their source maps and the frame resolver, all kept
// for the server's life. A watcher's event drops only what it makes stale (that file's text, its parsed map, the debug
// IDs when a map moved), so nothing is walked or reread on a timer.
import { stat } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import type { Logger } from '../../log';
import { CombinedFileIndex } from '../../resolve/combinedFileIndex';
import { DebugIdIndex } from '../../resolve/debugIdIndex';
import type { WorkspaceFolder } from '../../resolve/frame';
import { FrameResolver } from '../../resolve/frameResolver';
import { SourceMapLoader } from '../../resolve/sourceMapLoader';
import type { FileEvent, WatchedFileIndex } from '../../resolve/watchedFileIndex';
import { insidePath } from '../../resolve/pathConfinement';
import type { FileLookup } from '../../resolve/workspaceFileIndex';
import { WorkspaceFileReader } from '../../resolve/workspaceFileReader';
import type { Unsubscribe } from '../../state/listeners';
import type { UploadedMap } from '../uploads/artifactBundles';

export interface WorkspaceSnapshot {
  /**
   * Changes whenever what frames symbolicate against may have: a file reported by a watcher, a file added to the index,
   * a bundle uploaded. Work kept from events of one version (PreparedStacks) is not used for another.
   */
  readonly version: string;
  readonly folders: readonly WorkspaceFolder[];
  readonly files: FileLookup;
  readonly reader: WorkspaceFileReader;
  readonly sourceMaps: SourceMapLoader;
  readonly resolver: FrameResolver;
  /** Source maps uploaded to the server (artifact bundles), for scripts whose maps are not in the workspace. */
  readonly uploadedMaps?: UploadedMapSource;
  /**
   * Called with a frame's script path (as sent) the file index lacks. An absolute path to a file that exists in a
   * folder is one the watcher has not reported yet (a build wrote it an instant before the app ran) or could not (past
   * its bounds): it is added to the index, and the event is processed again, so that an app's first events are
   * symbolicated, and grouped, like the ones after them.
   */
  readonly noteUnindexed?: (absolutePath: string) => Promise<void>;
}

export interface UploadedMapSource {
  mapFor(debugId: string | undefined, scriptPaths: readonly string[]): UploadedMap | undefined;
  /** Changes whenever a bundle is added or dropped. */
  readonly version: number;
}

export interface WorkspaceSourcesOptions {
  /** One index per folder, kept current by whoever watches the folder; the folders are theirs, in this order. */
  readonly indexes: readonly WatchedFileIndex[];
  readonly log: Logger;
  readonly uploadedMaps?: UploadedMapSource;
}

/** Paths the index refused even when told of them (ignored folders, too many files), so they are not looked at again. */
const maxUnindexable = 1_000;

/** What every event's snapshot shares. */
interface SharedSources {
  readonly files: FileLookup;
  readonly reader: WorkspaceFileReader;
  readonly sourceMaps: SourceMapLoader;
  readonly debugIds: DebugIdIndex;
  readonly resolver: FrameResolver;
}

export class WorkspaceSources {
  private shared: Promise<SharedSources | undefined> | undefined;
  /** The shared parts once built, for the watcher's events to drop stale entries from. */
  private built: SharedSources | undefined;
  private readonly unindexable = new Set<string>();
  /** Snapshots that missed a file that exists (see noteUnindexed): their event is processed again. */
  private readonly outdated = new WeakSet<WorkspaceSnapshot>();
  private readonly subscriptions: Unsubscribe[];
  /** Counts the changes that may change a frame's symbolication (see WorkspaceSnapshot.version). */
  private changes = 0;

  constructor(private readonly options: WorkspaceSourcesOptions) {
    this.subscriptions = options.indexes.map((index) => index.onDidChange((event) => this.forget(event)));
  }

  get folders(): readonly WorkspaceFolder[] {
    return this.options.indexes.map((index) => index.folder);
  }

  /**
   * The snapshot to process an event with, with every file event reported so far applied. The first call walks the
   * folders (unless their indexes were walked already); later calls reuse everything. Undefined when the folders
   * cannot be read: events are then stored as sent rather than refused.
   */
  async snapshot(): Promise<WorkspaceSnapshot | undefined> {
    this.shared ??= this.build().catch((error: unknown) => {
      this.options.log.warn(`local server: cannot index the workspace, frames stay as sent: ${String(error)}`);
      // The next event tries again.
      this.shared = undefined;
      return undefined;
    });
    const shared = await this.shared;
    if (shared === undefined) return undefined;
    await Promise.all(this.options.indexes.map((index) => index.index()));
    const snapshot: WorkspaceSnapshot = {
      version: `${this.changes}:${this.options.uploadedMaps?.version ?? 0}`,
      folders: this.folders,
      files: shared.files,
      reader: shared.reader,
      sourceMaps: shared.sourceMaps,
      resolver: shared.resolver,
      uploadedMaps: this.options.uploadedMaps,
      noteUnindexed: (absolutePath) => this.noteUnindexed(snapshot, absolutePath),
    };
    return snapshot;
  }

  /** Whether `snapshot` missed a file that exists (see noteUnindexed); the next snapshot() has it. */
  isOutdated(snapshot: WorkspaceSnapshot | undefined): boolean {
    return snapshot !== undefined && this.outdated.has(snapshot);
  }

  /** Stops following the indexes' events. */
  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private async build(): Promise<SharedSources> {
    const { indexes, log } = this.options;
    const folders = this.folders;
    const files = new CombinedFileIndex(folders, await Promise.all(indexes.map((index) => index.index())));
    const reader = new WorkspaceFileReader(folders, { log });
    const debugIds = new DebugIdIndex(files, reader, { log });
    const sourceMaps = new SourceMapLoader(reader, debugIds, log);
    const resolver = new FrameResolver({ folders, files, log, reader, sourceMaps });
    this.built = { files, reader, sourceMaps, debugIds, resolver };
    return this.built;
  }

  /** A watcher's event: what it makes stale is dropped now, before the next event is processed. */
  private forget(event: FileEvent): void {
    this.changes++;
    this.unindexable.delete(event.path);
    const built = this.built;
    if (built === undefined) return;
    // A path that appeared or went away may be a directory: everything under it goes too.
    const tree = event.kind !== 'changed';
    built.reader.forget(event.path, tree);
    built.sourceMaps.forget(event.path, tree);
    if (mayHoldMaps(event)) built.debugIds.forget();
  }

  private async noteUnindexed(snapshot: WorkspaceSnapshot, absolutePath: string): Promise<void> {
    if (this.outdated.has(snapshot) || this.unindexable.has(absolutePath) || !isAbsolute(absolutePath)) return;
    const index = this.options.indexes.find((candidate) => insidePath(candidate.folder.path, absolutePath));
    const path = index === undefined ? undefined : insidePath(index.folder.path, absolutePath);
    if (index === undefined || path === undefined || !(await isFile(absolutePath))) return;
    index.created(absolutePath);
    this.changes++;
    if ((await index.index()).get(index.folder, path) !== undefined) this.outdated.add(snapshot);
    else if (this.unindexable.size < maxUnindexable) this.unindexable.add(absolutePath);
  }
}

/** A map file, or what may be a directory of them (a name without an extension), appeared, changed or went away. */
function mayHoldMaps(event: FileEvent): boolean {
  return event.path.endsWith('.map') || (event.kind !== 'changed' && !basename(event.path).includes('.'));
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
