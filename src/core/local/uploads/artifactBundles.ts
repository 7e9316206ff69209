// Artifact bundles uploaded by `sentry-cli sourcemaps upload` and the bundler plugins: chunks arrive first (checked
// against their SHA-1), assembly joins them into a bundle (a ZIP with a manifest naming each file's URL, type and
// debug ID), and the bundles' source maps then symbolicate events by debug ID or by the script's URL. Bundles are kept
// in `<store>/artifact-bundles/` so they survive a restart; everything is bounded.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../../log';
import { normalizeDebugId } from '../../resolve/sourceMapComments';
import { parseSourceMap, type ParsedSourceMap } from '../../resolve/sourceMapJson';
import { zipEntries } from './zipEntries';

/** The folder beside the store's log that keeps assembled bundles. */
export const ARTIFACT_BUNDLES_DIRECTORY = 'artifact-bundles';

export const UPLOAD_LIMITS = {
  chunkSize: 8 * 1024 * 1024,
  chunksPerRequest: 64,
  maxRequestSize: 32 * 1024 * 1024,
  /** Chunks waiting for assembly, all together. */
  maxPendingChunkBytes: 512 * 1024 * 1024,
  maxBundleBytes: 256 * 1024 * 1024,
  maxBundles: 200,
  /** Bytes of all kept bundles' files; the oldest bundle goes first. */
  maxKeptBytes: 1024 * 1024 * 1024,
  maxEntries: 50_000,
} as const;

const MAX_PARSED_MAPS = 32;

const manifestSchema = z.looseObject({
  files: z.record(
    z.string(),
    z.looseObject({
      url: z.string().optional(),
      type: z.string().optional(),
      headers: z.record(z.string(), z.string()).optional(),
    }),
  ),
});

export interface UploadedMap {
  /** The parsed source map, shared by every frame that needs it. */
  readonly parsed: ParsedSourceMap;
  /** Its URL in the bundle (`~/assets/main.js.map`), for the log and for resolving its relative sources. */
  readonly url: string;
}

interface Bundle {
  readonly checksum: string;
  readonly bytes: number;
  /** Debug ID (normalized) → the source map's entry name. */
  readonly mapsByDebugId: Map<string, string>;
  /** A minified script's URL path without `~` (`/assets/main.js`) → its source map's entry name. */
  readonly mapsByScriptPath: Map<string, string>;
  readonly urls: Map<string, string>;
  readonly entries: Map<string, Buffer>;
}

export type AssembleResult =
  { state: 'ok' | 'created' } | { state: 'not_found'; missingChunks: string[] } | { state: 'error'; detail: string };

export class ArtifactBundles {
  private readonly chunks = new Map<string, Buffer>();
  private chunkBytes = 0;
  private readonly bundles = new Map<string, Bundle>();
  private changes = 0;
  /** Parsed maps by bundle and entry, newest use last; a few are kept, as each is parsed once per event burst. */
  private readonly parsedMaps = new Map<string, ParsedSourceMap | undefined>();

  private constructor(
    private readonly directory: string | undefined,
    private readonly log: Logger,
  ) {}

  /** Loads the bundles kept in `storeDirectory`; without one, uploads live in memory only. */
  static async open(storeDirectory: string | undefined, log: Logger): Promise<ArtifactBundles> {
    const directory = storeDirectory === undefined ? undefined : join(storeDirectory, ARTIFACT_BUNDLES_DIRECTORY);
    const bundles = new ArtifactBundles(directory, log);
    if (directory === undefined) return bundles;
    await mkdir(directory, { recursive: true });
    for (const name of (await readdir(directory)).filter((file) => /^[0-9a-f]{40}\.zip$/.test(file)).sort()) {
      const bytes = await readFile(join(directory, name)).catch(() => undefined);
      if (bytes === undefined || bundles.add(name.slice(0, 40), bytes) !== undefined)
        log.warn(`local server: skipped the damaged artifact bundle ${name}`);
    }
    return bundles;
  }

  get bundleCount(): number {
    return this.bundles.size;
  }

  /** Stores a chunk whose bytes hash to its name; false for a mismatch or when the pending chunks are full. */
  addChunk(checksum: string, data: Buffer): boolean {
    const name = checksum.toLowerCase();
    if (sha1(data) !== name) return false;
    if (this.chunks.has(name)) return true;
    if (this.chunkBytes + data.length > UPLOAD_LIMITS.maxPendingChunkBytes) return false;
    this.chunks.set(name, data);
    this.chunkBytes += data.length;
    return true;
  }

  /** Joins the chunks into the bundle named by `checksum`, or says which chunks are still missing. */
  async assemble(checksum: string, chunkNames: readonly string[]): Promise<AssembleResult> {
    const name = checksum.toLowerCase();
    if (this.bundles.has(name)) return { state: 'ok' };
    const missing = chunkNames.map((chunk) => chunk.toLowerCase()).filter((chunk) => !this.chunks.has(chunk));
    if (missing.length > 0) return { state: 'not_found', missingChunks: [...new Set(missing)] };
    const bytes = Buffer.concat(chunkNames.map((chunk) => this.chunks.get(chunk.toLowerCase()) ?? Buffer.alloc(0)));
    if (bytes.length > UPLOAD_LIMITS.maxBundleBytes)
      return {
        state: 'error',
        detail: `the bundle is ${bytes.length} bytes; the limit is ${UPLOAD_LIMITS.maxBundleBytes}`,
      };
    if (sha1(bytes) !== name)
      return { state: 'error', detail: 'the assembled chunks do not match the bundle checksum' };
    const problem = this.add(name, bytes);
    if (problem !== undefined) return { state: 'error', detail: problem };
    for (const chunk of chunkNames) this.dropChunk(chunk.toLowerCase());
    await this.persist(name, bytes);
    return { state: 'ok' };
  }

  /** Changes whenever a bundle is added or dropped: what mapFor answers may have changed. */
  get version(): number {
    return this.changes;
  }

  /** The uploaded source map of a script: by its debug ID, else by the longest bundle URL its path ends with. */
  mapFor(debugId: string | undefined, scriptPaths: readonly string[]): UploadedMap | undefined {
    const wanted = debugId === undefined ? undefined : normalizeDebugId(debugId);
    // Newest bundle first: a rebuild's upload replaces the last one's maps.
    const bundles = [...this.bundles.values()].reverse();
    if (wanted !== undefined) {
      for (const bundle of bundles) {
        const entry = bundle.mapsByDebugId.get(wanted);
        if (entry !== undefined) return this.mapEntry(bundle, entry);
      }
    }
    let best: { bundle: Bundle; entry: string; length: number } | undefined;
    for (const bundle of bundles) {
      for (const [urlPath, entry] of bundle.mapsByScriptPath) {
        const matches = scriptPaths.some((path) => path === urlPath || path.endsWith(urlPath));
        if (matches && (best === undefined || urlPath.length > best.length))
          best = { bundle, entry, length: urlPath.length };
      }
    }
    return best === undefined ? undefined : this.mapEntry(best.bundle, best.entry);
  }

  private mapEntry(bundle: Bundle, entry: string): UploadedMap | undefined {
    const key = `${bundle.checksum}\0${entry}`;
    let parsed = this.parsedMaps.get(key);
    if (!this.parsedMaps.has(key)) {
      const data = bundle.entries.get(entry);
      parsed = data === undefined ? undefined : parseSourceMap(data.toString('utf8'));
    }
    this.parsedMaps.delete(key);
    this.parsedMaps.set(key, parsed);
    for (const oldest of this.parsedMaps.keys()) {
      if (this.parsedMaps.size <= MAX_PARSED_MAPS) break;
      this.parsedMaps.delete(oldest);
    }
    return parsed === undefined ? undefined : { parsed, url: bundle.urls.get(entry) ?? entry };
  }

  /** Indexes a bundle; a message when it is not one. */
  private add(checksum: string, bytes: Buffer): string | undefined {
    const entries = zipEntries(bytes, {
      maxEntries: UPLOAD_LIMITS.maxEntries,
      maxTotalBytes: UPLOAD_LIMITS.maxBundleBytes * 4,
    });
    if (entries === undefined) return 'the bundle is not a readable ZIP archive';
    const manifestText = entries.get('manifest.json');
    let manifest: z.infer<typeof manifestSchema> | undefined;
    try {
      const parsed = manifestSchema.safeParse(JSON.parse(manifestText?.toString('utf8') ?? ''));
      manifest = parsed.success ? parsed.data : undefined;
    } catch {
      manifest = undefined;
    }
    if (manifest === undefined) return 'the bundle has no valid manifest.json';
    const mapsByDebugId = new Map<string, string>();
    const mapsByScriptPath = new Map<string, string>();
    const urls = new Map<string, string>();
    const entryByUrl = new Map<string, string>();
    for (const [entry, file] of Object.entries(manifest.files))
      if (file.url !== undefined) (urls.set(entry, file.url), entryByUrl.set(file.url, entry));
    for (const [entry, file] of Object.entries(manifest.files)) {
      const headers = Object.fromEntries(
        Object.entries(file.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]),
      );
      const debugId = headers['debug-id'];
      if (file.type === 'source_map' && debugId !== undefined) mapsByDebugId.set(normalizeDebugId(debugId), entry);
      if (file.type !== 'minified_source' || file.url === undefined) continue;
      const mapUrl = headers['sourcemap'] ?? headers['x-sourcemap'];
      const mapEntry =
        mapUrl === undefined ? entryByUrl.get(`${file.url}.map`) : entryByUrl.get(resolveUrl(file.url, mapUrl));
      if (mapEntry !== undefined) mapsByScriptPath.set(urlPath(file.url), mapEntry);
    }
    const size = [...entries.values()].reduce((sum, data) => sum + data.length, 0);
    this.bundles.set(checksum, { checksum, bytes: size, mapsByDebugId, mapsByScriptPath, urls, entries });
    this.changes++;
    this.evict();
    return undefined;
  }

  private evict(): void {
    let kept = [...this.bundles.values()].reduce((sum, bundle) => sum + bundle.bytes, 0);
    for (const oldest of this.bundles.values()) {
      if (this.bundles.size <= UPLOAD_LIMITS.maxBundles && kept <= UPLOAD_LIMITS.maxKeptBytes) break;
      this.bundles.delete(oldest.checksum);
      kept -= oldest.bytes;
      if (this.directory !== undefined) void rm(join(this.directory, `${oldest.checksum}.zip`), { force: true });
    }
  }

  private dropChunk(name: string): void {
    const data = this.chunks.get(name);
    if (data === undefined) return;
    this.chunks.delete(name);
    this.chunkBytes -= data.length;
  }

  private async persist(checksum: string, bytes: Buffer): Promise<void> {
    if (this.directory === undefined) return;
    const path = join(this.directory, `${checksum}.zip`);
    try {
      await writeFile(`${path}.tmp`, bytes);
      await rename(`${path}.tmp`, path);
    } catch (error) {
      this.log.warn(
        `local server: could not keep the artifact bundle ${checksum}: ${String(error)}; it lasts until the server stops`,
      );
    }
  }
}

function sha1(data: Buffer): string {
  return createHash('sha1').update(data).digest('hex');
}

/** `~/assets/main.js` → `/assets/main.js`; `https://cdn.example/assets/main.js` → `/assets/main.js`. */
export function urlPath(url: string): string {
  // Without a scheme, URL() throws: a file path (most frames) skips it, since a thrown error costs its stack trace.
  if (url.startsWith('~') || !URL_WITH_SCHEME.test(url)) return url.replace(/^~/, '').replace(/[?#].*$/s, '');
  try {
    return new URL(url).pathname;
  } catch {
    return url.replace(/[?#].*$/s, '');
  }
}

/** What URL() can parse without a base: a scheme, after the spaces and control characters it skips. */
const URL_WITH_SCHEME = /^[\x00-\x20]*[a-z][a-z0-9+.-]*:/i;

function resolveUrl(base: string, relative: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(relative) || relative.startsWith('~')) return relative;
  const directory = base.slice(0, base.lastIndexOf('/') + 1);
  const parts: string[] = [];
  for (const part of `${directory}${relative}`.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}
