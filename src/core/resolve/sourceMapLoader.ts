// Finds and loads the source map of a compiled workspace script: by debug ID, sourceMappingURL comment, or `<file>.map`.
import { dirname, resolve } from 'node:path';
import type { Logger } from '../log';
import { BoundedCache } from './boundedCache';
import type { DebugIdIndex } from './debugIdIndex';
import { debugIdOf, inlineSourceMapText, sourceMappingUrlOf } from './sourceMapComments';
import { parseSourceMap, type ParsedSourceMap } from './sourceMapJson';
import type { FileText, WorkspaceFileReader, WorkspacePath } from './workspaceFileReader';

export interface LoadedSourceMap {
  readonly parsed: ParsedSourceMap;
  /** Absolute directory that the map's relative sources are resolved against: the map's own, or the script's if inline. */
  readonly baseDirectory: string;
  /** Where the map came from, for the log. */
  readonly origin: string;
}

export interface DebugIdSourceMap {
  readonly loaded: LoadedSourceMap;
  /** The compiled script beside the map (its `file`, else the map's name without `.map`), when it is in the workspace. */
  readonly script: string;
}

/** Parsed maps kept in memory, weighed by the length of their JSON text. */
const MAX_CACHED_MAPS = 16;
const MAX_CACHED_MAP_CHARS = 200_000_000;
const MAX_REMEMBERED_MISSES = 4_096;

export class SourceMapLoader {
  private readonly cache = new BoundedCache<string, LoadedSourceMap>(MAX_CACHED_MAPS, MAX_CACHED_MAP_CHARS);
  /** Maps looked for and not found or not valid, so that a missing `.map` is not looked for again on every frame. */
  private readonly misses = new BoundedCache<string, true>(MAX_REMEMBERED_MISSES);

  constructor(
    private readonly reader: WorkspaceFileReader,
    private readonly debugIds: DebugIdIndex,
    private readonly log?: Logger,
  ) {}

  /**
   * The map for a compiled script, most trustworthy first: the event's debug ID for this frame or the script's own
   * `//# debugId=` (both name the exact build), then the script's sourceMappingURL (inline or a relative file), then
   * `<script>.map` beside it. A map URL with a host is never fetched.
   */
  async forScript(script: WorkspacePath, text: FileText, frameDebugId: string | undefined): Promise<LoadedSourceMap | undefined> {
    for (const debugId of [frameDebugId, debugIdOf(text.text)]) {
      const map = debugId === undefined ? undefined : await this.debugIds.mapWithId(debugId);
      const loaded = map === undefined ? undefined : await this.loadFile(this.reader.absolutePath(map));
      if (loaded !== undefined) return loaded;
    }
    const scriptPath = this.reader.absolutePath(script);
    const url = sourceMappingUrlOf(text.text);
    if (url !== undefined) {
      const loaded = await this.fromUrl(url, scriptPath);
      if (loaded !== undefined) return loaded;
    }
    return this.loadFile(`${scriptPath}.map`);
  }

  /** The map with this debug ID, for a frame whose script is not in the workspace under the name the frame gives. */
  async forDebugId(debugId: string): Promise<DebugIdSourceMap | undefined> {
    const map = await this.debugIds.mapWithId(debugId);
    if (map === undefined) return undefined;
    const mapPath = this.reader.absolutePath(map);
    const loaded = await this.loadFile(mapPath);
    if (loaded === undefined) return undefined;
    const script = loaded.parsed.file ? resolve(dirname(mapPath), loaded.parsed.file) : mapPath.replace(/\.map$/, '');
    return { loaded, script };
  }

  private async fromUrl(url: string, scriptPath: string): Promise<LoadedSourceMap | undefined> {
    const key = `inline:${scriptPath}`;
    const inlineText = inlineSourceMapText(url);
    if (inlineText !== undefined) return this.cached(key, inlineText.length, async () => inlineText, dirname(scriptPath));
    if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url) || url.startsWith('/')) {
      this.log?.debug(`resolver: source map URL ${url} of ${scriptPath} is not a relative file; not followed`);
      return undefined;
    }
    const relativePath = safeDecode(url.replace(/[?#].*$/s, ''));
    return this.loadFile(resolve(dirname(scriptPath), relativePath));
  }

  private loadFile(mapPath: string): Promise<LoadedSourceMap | undefined> {
    return this.cached(mapPath, undefined, () => this.reader.readOnce(mapPath), dirname(mapPath));
  }

  private async cached(key: string, knownWeight: number | undefined, readText: () => Promise<string | undefined>, baseDirectory: string): Promise<LoadedSourceMap | undefined> {
    const hit = this.cache.get(key);
    if (hit !== undefined || this.misses.has(key)) return hit;
    const text = await readText();
    const parsed = text === undefined ? undefined : parseSourceMap(text);
    if (text === undefined || parsed === undefined) {
      if (text !== undefined) this.log?.debug(`resolver: ${key} is not a valid source map`);
      this.misses.set(key, true);
      return undefined;
    }
    const loaded = { parsed, baseDirectory, origin: key };
    this.cache.set(key, loaded, knownWeight ?? text.length);
    return loaded;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
