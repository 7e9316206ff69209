// Finds and loads the source map of a compiled workspace script: by debug ID, sourceMappingURL comment, or `<file>.map`.
import { dirname, resolve } from 'node:path';
import type { Logger } from '../log';
import { BoundedCache } from './boundedCache';
import type { DebugIdIndex } from './debugIdIndex';
import { debugIdOf, inlineSourceMapText, sourceMappingUrlOf } from './sourceMapComments';
import type { ConfinedFile } from './pathConfinement';
import { parseSourceMap, type ParsedSourceMap } from './sourceMapJson';
import { SourceMapStore } from './sourceMapStore';
import { within, type FileText, type WorkspaceFileReader, type WorkspacePath } from './workspaceFileReader';

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

interface ScriptComments {
  readonly debugId: string | undefined;
  readonly sourceMappingUrl: string | undefined;
}

/** Inline maps (inside a script's text) kept for this loader's life, weighed by the length of their JSON text. */
const MAX_INLINE_MAPS = 16;
const MAX_INLINE_MAP_CHARS = 100_000_000;
const MAX_REMEMBERED_PATHS = 4_096;

/**
 * One loader serves one workspace snapshot. Every map is read and parsed once however many frames ask for it at once
 * (a load in progress is shared), map files are kept across snapshots in a SourceMapStore while they do not change on
 * disk, and each map file is checked against the disk once per loader.
 */
export class SourceMapLoader {
  private readonly inline = new BoundedCache<string, LoadedSourceMap>(MAX_INLINE_MAPS, MAX_INLINE_MAP_CHARS);
  /** Loads in progress, shared by every frame that asks meanwhile. */
  private readonly loading = new Map<string, Promise<LoadedSourceMap | undefined>>();
  /** The version of each map file as checked during this loader's life: the store's copy is used without a new stat. */
  private readonly checked = new BoundedCache<string, ConfinedFile>(MAX_REMEMBERED_PATHS);
  /** Maps looked for and not found or not valid, so that a missing `.map` is not looked for again on every frame. */
  private readonly misses = new BoundedCache<string, true>(MAX_REMEMBERED_PATHS);
  /** Each script text's comments: searching a large bundle's text for them once per frame cost more than the rest. */
  private readonly comments = new WeakMap<FileText, ScriptComments>();
  /** Counts forget() calls: a load that began before one does not vouch for the version it checked. */
  private forgotten = 0;

  constructor(
    private readonly reader: WorkspaceFileReader,
    private readonly debugIds: DebugIdIndex,
    private readonly log?: Logger,
    private readonly store: SourceMapStore = new SourceMapStore(),
  ) {}

  /**
   * The map for a compiled script, most trustworthy first: the event's debug ID for this frame or the script's own
   * `//# debugId=` (both name the exact build), then the script's sourceMappingURL (inline or a relative file), then
   * `<script>.map` beside it. A map URL with a host is never fetched.
   */
  async forScript(
    script: WorkspacePath,
    text: FileText,
    frameDebugId: string | undefined,
  ): Promise<LoadedSourceMap | undefined> {
    const comments = this.commentsOf(text);
    for (const debugId of [frameDebugId, comments.debugId]) {
      const map = debugId === undefined ? undefined : await this.debugIds.mapWithId(debugId);
      const loaded = map === undefined ? undefined : await this.loadFile(this.reader.absolutePath(map));
      if (loaded !== undefined) return loaded;
    }
    const scriptPath = this.reader.absolutePath(script);
    const url = comments.sourceMappingUrl;
    if (url !== undefined) {
      const loaded = await this.fromUrl(url, scriptPath);
      if (loaded !== undefined) return loaded;
    }
    return this.loadFile(`${scriptPath}.map`);
  }

  /** The script's map comments, searched for once per version of its text (a new read is a new FileText). */
  private commentsOf(text: FileText): ScriptComments {
    let comments = this.comments.get(text);
    if (comments === undefined) {
      comments = { debugId: debugIdOf(text.text), sourceMappingUrl: sourceMappingUrlOf(text.text) };
      this.comments.set(text, comments);
    }
    return comments;
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

  /**
   * Forgets what is known of a path a file watcher reported (a map file, or a script with an inline map): the version
   * checked, a miss, the inline map; with `tree`, of everything under it too. The next frame checks the disk again.
   */
  forget(absolutePath: string, tree: boolean): void {
    this.forgotten++;
    const inline = `inline:${absolutePath}`;
    for (const key of [absolutePath, inline]) {
      this.loading.delete(key);
      this.checked.delete(key);
      this.misses.delete(key);
      this.inline.delete(key);
    }
    if (!tree) return;
    const under = within(absolutePath);
    const inlineUnder = within(inline);
    const stale = (key: string): boolean => under(key) || inlineUnder(key);
    this.checked.deleteWhere(stale);
    this.misses.deleteWhere(stale);
    this.inline.deleteWhere(stale);
  }

  private async fromUrl(url: string, scriptPath: string): Promise<LoadedSourceMap | undefined> {
    const inlineText = inlineSourceMapText(url);
    if (inlineText !== undefined) return this.loadInline(`inline:${scriptPath}`, inlineText, dirname(scriptPath));
    if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url) || url.startsWith('/')) {
      this.log?.debug(`resolver: source map URL ${url} of ${scriptPath} is not a relative file; not followed`);
      return undefined;
    }
    const relativePath = safeDecode(url.replace(/[?#].*$/s, ''));
    return this.loadFile(resolve(dirname(scriptPath), relativePath));
  }

  private async loadInline(key: string, text: string, baseDirectory: string): Promise<LoadedSourceMap | undefined> {
    const hit = this.inline.get(key);
    if (hit !== undefined || this.misses.has(key)) return hit;
    return this.once(key, async () => {
      const loaded = this.parse(key, text, baseDirectory);
      if (loaded === undefined) this.misses.set(key, true);
      else this.inline.set(key, loaded, text.length);
      return loaded;
    });
  }

  private async loadFile(mapPath: string): Promise<LoadedSourceMap | undefined> {
    if (this.misses.has(mapPath)) return undefined;
    const checked = this.checked.get(mapPath);
    const kept = checked === undefined ? undefined : this.store.get(mapPath, checked);
    return kept ?? this.once(mapPath, () => this.readMapFile(mapPath));
  }

  /** The stored map when the file is the version it was parsed from, else the file read and parsed again. */
  private async readMapFile(mapPath: string): Promise<LoadedSourceMap | undefined> {
    const forgottenBefore = this.forgotten;
    const current = (): boolean => this.forgotten === forgottenBefore;
    const version = await this.reader.version(mapPath);
    const kept = version === undefined ? undefined : this.store.get(mapPath, version);
    if (kept !== undefined && version !== undefined) {
      if (current()) this.checked.set(mapPath, version);
      return kept;
    }
    const text = version === undefined ? undefined : await this.reader.readOnce(mapPath);
    const loaded = text === undefined ? undefined : this.parse(mapPath, text, dirname(mapPath));
    if (loaded === undefined || text === undefined || version === undefined) {
      if (current()) this.misses.set(mapPath, true);
      return undefined;
    }
    this.store.set(mapPath, version, loaded, text.length);
    if (current()) this.checked.set(mapPath, version);
    return loaded;
  }

  private once(key: string, load: () => Promise<LoadedSourceMap | undefined>): Promise<LoadedSourceMap | undefined> {
    const inFlight = this.loading.get(key);
    if (inFlight !== undefined) return inFlight;
    const started = load().finally(() => this.loading.delete(key));
    this.loading.set(key, started);
    return started;
  }

  private parse(origin: string, text: string, baseDirectory: string): LoadedSourceMap | undefined {
    const parsed = parseSourceMap(text);
    if (parsed === undefined) {
      this.log?.debug(`resolver: ${origin} is not a valid source map`);
      return undefined;
    }
    return { parsed, baseDirectory, origin };
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
