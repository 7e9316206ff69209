// The workspace as event processing sees it: its file index, a reader confined to its folders, its source maps and the
// frame resolver, rebuilt when older than a few seconds so that files created while the server runs are found (parsed
// source maps are kept across rebuilds while their files do not change).
import { stat } from 'node:fs/promises';
import { sep } from 'node:path';
import type { Logger } from '../../log';
import { DebugIdIndex } from '../../resolve/debugIdIndex';
import type { WorkspaceFolder } from '../../resolve/frame';
import { FrameResolver } from '../../resolve/frameResolver';
import { SourceMapLoader } from '../../resolve/sourceMapLoader';
import { SourceMapStore } from '../../resolve/sourceMapStore';
import { WorkspaceFileIndex } from '../../resolve/workspaceFileIndex';
import { WorkspaceFileReader } from '../../resolve/workspaceFileReader';
import type { UploadedMap } from '../uploads/artifactBundles';

export interface WorkspaceSnapshot {
  readonly folders: readonly WorkspaceFolder[];
  readonly files: WorkspaceFileIndex;
  readonly reader: WorkspaceFileReader;
  readonly sourceMaps: SourceMapLoader;
  readonly resolver: FrameResolver;
  /** Source maps uploaded to the server (artifact bundles), for scripts whose maps are not in the workspace. */
  readonly uploadedMaps?: UploadedMapSource;
  /**
   * Called with a frame's script path (as sent) the file index lacks. An absolute path to a file that exists in a folder makes the snapshot
   * outdated (a build wrote it after the walk): the event is processed again on a fresh one, so that an app's first
   * events are symbolicated, and grouped, like the ones after them.
   */
  readonly noteUnindexed?: (absolutePath: string) => Promise<void>;
}

export interface UploadedMapSource {
  mapFor(debugId: string | undefined, scriptPaths: readonly string[]): UploadedMap | undefined;
}

export interface WorkspaceSourcesOptions {
  readonly folders: readonly WorkspaceFolder[];
  readonly log: Logger;
  readonly uploadedMaps?: UploadedMapSource;
  /** A snapshot older than this is rebuilt before the next event is processed. Default 10 s. */
  readonly maxAgeMs?: number;
  readonly now?: () => number;
}

/** Paths a fresh walk still did not index (ignored folders, too many files), so that they cause no rebuild again. */
const maxUnindexable = 1_000;

interface CurrentSnapshot {
  snapshot: Promise<WorkspaceSnapshot | undefined>;
  readonly builtAt: number;
  /** A file in the folders exists that this snapshot's index lacks. */
  outdated: boolean;
}

export class WorkspaceSources {
  private current: CurrentSnapshot | undefined;
  private readonly unindexable = new Set<string>();
  private readonly builtFor = new WeakMap<WorkspaceSnapshot, CurrentSnapshot>();
  /** Parsed source maps outlive the snapshots: a rebuilt one reuses every map that did not change on disk. */
  private readonly maps = new SourceMapStore();

  constructor(private readonly options: WorkspaceSourcesOptions) {}

  get folders(): readonly WorkspaceFolder[] {
    return this.options.folders;
  }

  /**
   * The snapshot to process an event with; files changed since it was built are seen after at most `maxAgeMs`.
   * Undefined when the folders cannot be read: events are then stored as sent rather than refused.
   */
  snapshot(): Promise<WorkspaceSnapshot | undefined> {
    const now = (this.options.now ?? Date.now)();
    const current = this.current;
    if (current === undefined || current.outdated || now - current.builtAt > (this.options.maxAgeMs ?? 10_000)) {
      const next: CurrentSnapshot = { snapshot: Promise.resolve(undefined), builtAt: now, outdated: false };
      next.snapshot = this.build(next, current !== undefined && current.outdated).catch((error: unknown) => {
        this.options.log.warn(`local server: cannot index the workspace, frames stay as sent: ${String(error)}`);
        return undefined;
      });
      this.current = next;
      return next.snapshot;
    }
    return current.snapshot;
  }

  /** Whether `snapshot` missed a file that exists (see noteUnindexed); the next snapshot() is then a fresh one. */
  isOutdated(snapshot: WorkspaceSnapshot | undefined): boolean {
    return snapshot !== undefined && this.builtFor.get(snapshot)?.outdated === true;
  }

  /** Forgets the snapshot, e.g. after the files changed. */
  invalidate(): void {
    this.current = undefined;
  }

  private async noteUnindexed(owner: CurrentSnapshot, absolutePath: string): Promise<void> {
    if (owner.outdated || this.unindexable.has(absolutePath)) return;
    const inFolder = this.options.folders.some((folder) => absolutePath.startsWith(`${folder.path}${sep}`));
    if (!inFolder || !(await isFile(absolutePath))) return;
    owner.outdated = true;
  }

  /** `afterMiss`: built because the last one lacked a file; what this one still lacks is not worth another walk. */
  private async build(owner: CurrentSnapshot, afterMiss: boolean): Promise<WorkspaceSnapshot> {
    const { folders, log } = this.options;
    const files = await WorkspaceFileIndex.build(folders, { log });
    const reader = new WorkspaceFileReader(folders, { log });
    const sourceMaps = new SourceMapLoader(reader, new DebugIdIndex(files, reader, { log }), log, this.maps);
    const resolver = new FrameResolver({ folders, files, log, reader, sourceMaps });
    const noteUnindexed = async (absolutePath: string): Promise<void> => {
      if (afterMiss) {
        if (this.unindexable.size < maxUnindexable) this.unindexable.add(absolutePath);
        return;
      }
      await this.noteUnindexed(owner, absolutePath);
    };
    const snapshot: WorkspaceSnapshot = {
      folders,
      files,
      reader,
      sourceMaps,
      resolver,
      uploadedMaps: this.options.uploadedMaps,
      noteUnindexed,
    };
    this.builtFor.set(snapshot, owner);
    return snapshot;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
