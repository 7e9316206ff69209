// The workspace as event processing sees it: its file index, a reader confined to its folders, its source maps and the
// frame resolver, rebuilt when older than a few seconds so that files created while the server runs are found (parsed
// source maps are kept across rebuilds while their files do not change).
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

export class WorkspaceSources {
  private current: { snapshot: Promise<WorkspaceSnapshot | undefined>; builtAt: number } | undefined;
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
    if (this.current === undefined || now - this.current.builtAt > (this.options.maxAgeMs ?? 10_000)) {
      this.current = {
        snapshot: this.build().catch((error: unknown) => {
          this.options.log.warn(`local server: cannot index the workspace, frames stay as sent: ${String(error)}`);
          return undefined;
        }),
        builtAt: now,
      };
    }
    return this.current.snapshot;
  }

  /** Forgets the snapshot, e.g. after the files changed. */
  invalidate(): void {
    this.current = undefined;
  }

  private async build(): Promise<WorkspaceSnapshot> {
    const { folders, log } = this.options;
    const files = await WorkspaceFileIndex.build(folders, { log });
    const reader = new WorkspaceFileReader(folders, { log });
    const sourceMaps = new SourceMapLoader(reader, new DebugIdIndex(files, reader, { log }), log, this.maps);
    const resolver = new FrameResolver({ folders, files, log, reader, sourceMaps });
    return { folders, files, reader, sourceMaps, resolver, uploadedMaps: this.options.uploadedMaps };
  }
}
