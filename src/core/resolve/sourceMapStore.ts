// Parsed source map files kept across workspace snapshots: each under its path, valid while the file keeps the size and
// modification time it was parsed at, so a rebuilt snapshot reuses every map that did not change on disk.
import { BoundedCache } from './boundedCache';
import type { ConfinedFile } from './pathConfinement';
import type { LoadedSourceMap } from './sourceMapLoader';

/** Parsed maps kept in memory, weighed by the length of their JSON text. */
const MAX_CACHED_MAPS = 16;
const MAX_CACHED_MAP_CHARS = 200_000_000;

interface StoredMap {
  readonly version: ConfinedFile;
  readonly loaded: LoadedSourceMap;
}

export class SourceMapStore {
  private readonly maps = new BoundedCache<string, StoredMap>(MAX_CACHED_MAPS, MAX_CACHED_MAP_CHARS);

  /** The map parsed from this version of the file, if kept; a kept map of another version is dropped. */
  get(mapPath: string, version: ConfinedFile): LoadedSourceMap | undefined {
    const stored = this.maps.get(mapPath);
    if (stored === undefined) return undefined;
    if (sameVersion(stored.version, version)) return stored.loaded;
    this.maps.delete(mapPath);
    return undefined;
  }

  set(mapPath: string, version: ConfinedFile, loaded: LoadedSourceMap, weight: number): void {
    this.maps.set(mapPath, { version, loaded }, weight);
  }
}

function sameVersion(a: ConfinedFile, b: ConfinedFile): boolean {
  return a.real === b.real && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
