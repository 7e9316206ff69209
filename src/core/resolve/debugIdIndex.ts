// Finds the workspace source map that carries a given Sentry debug ID, scanning the indexed `.map` files once, lazily.
import type { Logger } from '../log';
import type { IndexedFile } from './indexedFile';
import { normalizeDebugId } from './sourceMapComments';
import type { FileLookup } from './workspaceFileIndex';
import type { WorkspaceFileReader } from './workspaceFileReader';

export interface DebugIdIndexOptions {
  /** At most this many `.map` files are looked at. Default 5,000. */
  readonly maxMapFiles?: number;
  /** Bytes read at each end of a map: tools add the ID as a top-level key, first or last. Default 64 KiB. */
  readonly probeBytes?: number;
  readonly log?: Logger;
}

/** `"debugId": "..."` or `"debug_id": "..."` as a JSON key, not inside an escaped string (`\"debugId\"`). */
const DEBUG_ID_KEY = /(?<!\\)"debug_?[iI]d"\s*:\s*"([0-9a-fA-F-]{32,40})"/;
const PARALLEL_READS = 8;

export class DebugIdIndex {
  private byId: Promise<Map<string, IndexedFile>> | undefined;

  constructor(
    private readonly files: FileLookup,
    private readonly reader: WorkspaceFileReader,
    private readonly options: DebugIdIndexOptions = {},
  ) {}

  /** The map with this debug ID; the first in folder then path order when several share it. */
  async mapWithId(debugId: string): Promise<IndexedFile | undefined> {
    this.byId ??= this.scan();
    return (await this.byId).get(normalizeDebugId(debugId));
  }

  /** Forgets the scan, for when a `.map` file appeared, changed or went away: the next lookup scans again. */
  forget(): void {
    this.byId = undefined;
  }

  private async scan(): Promise<Map<string, IndexedFile>> {
    const maps = this.files.filesEndingWith('.map').slice(0, this.options.maxMapFiles ?? 5_000);
    const byId = new Map<string, IndexedFile>();
    for (let start = 0; start < maps.length; start += PARALLEL_READS) {
      const batch = maps.slice(start, start + PARALLEL_READS);
      const ids = await Promise.all(batch.map((file) => this.debugIdOf(file)));
      for (const [index, id] of ids.entries()) {
        const file = batch[index];
        if (id !== undefined && file !== undefined && !byId.has(id)) byId.set(id, file);
      }
    }
    this.options.log?.debug(`resolver: ${byId.size} of ${maps.length} source maps carry a debug ID`);
    return byId;
  }

  private async debugIdOf(file: IndexedFile): Promise<string | undefined> {
    const text = await this.reader.readEnds(this.reader.absolutePath(file), this.options.probeBytes ?? 65_536);
    const id = text === undefined ? undefined : DEBUG_ID_KEY.exec(text)?.[1];
    return id === undefined ? undefined : normalizeDebugId(id);
  }
}
