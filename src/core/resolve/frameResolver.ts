// Resolves a Sentry stack frame to a line of a workspace file: path rules, suffix match, source maps, then line drift.
import { isAbsolute } from 'node:path';
import { silentLogger, type Logger } from '../log';
import { DebugIdIndex } from './debugIdIndex';
import { locateDriftedLine, DEFAULT_DRIFT_WINDOW } from './drift';
import type { PathMapping, ResolvedLocation, ResolvedVia, SourceFrame, WorkspaceFolder } from './frame';
import { frameCandidates, isSkippedFrame } from './frameCandidates';
import { debugIdForFrame, type DebugImage } from './debugImages';
import { modulePlatform } from './modulePaths';
import { locateOriginalSource, originalPosition } from './originalSource';
import { sortMappings } from './pathMappings';
import { isAbsoluteFilePath } from './paths';
import { SourceMapLoader, type LoadedSourceMap } from './sourceMapLoader';
import type { FileLookup } from './workspaceFileIndex';
import { WorkspaceFileReader, type WorkspacePath } from './workspaceFileReader';

export interface FrameResolverOptions {
  folders: readonly WorkspaceFolder[];
  files: FileLookup;
  pathMappings?: readonly PathMapping[]; // user rules
  codeMappings?: readonly PathMapping[]; // from the Sentry API
  driftWindow?: number;
  log?: Logger;
  /** A reader and source maps shared with others working on the same files (the local server's snapshot); else its own. */
  reader?: WorkspaceFileReader;
  sourceMaps?: SourceMapLoader;
}

export interface FrameContext {
  platform?: string | null;
  debugImages?: readonly DebugImage[];
}

/** Scripts that may carry a source map: only these are checked for one, so plain sources are not searched for maps. */
const COMPILED_SCRIPT = /\.(?:js|mjs|cjs|bundle)$/;

/** How the compiled line fared against the frame's context, carried onto the original location it maps to. */
interface LineCheck {
  readonly line: number;
  readonly moved: boolean;
  readonly stale: boolean;
}

export class FrameResolver {
  private readonly reader: WorkspaceFileReader;
  private readonly sourceMaps: SourceMapLoader;
  private readonly pathMappings: readonly PathMapping[];
  private readonly codeMappings: readonly PathMapping[];
  private readonly log: Logger;

  constructor(private readonly options: FrameResolverOptions) {
    this.log = options.log ?? silentLogger;
    this.reader = options.reader ?? new WorkspaceFileReader(options.folders, { log: this.log });
    this.sourceMaps =
      options.sourceMaps ??
      new SourceMapLoader(this.reader, new DebugIdIndex(options.files, this.reader, { log: this.log }), this.log);
    this.pathMappings = sortMappings(options.pathMappings ?? []);
    this.codeMappings = sortMappings(options.codeMappings ?? []);
  }

  /** The workspace line the frame points at, or undefined for dependencies, internals and frames not in the workspace. */
  async resolve(frame: SourceFrame, context: FrameContext = {}): Promise<ResolvedLocation | undefined> {
    if (isSkippedFrame(frame)) return undefined;
    const platform = modulePlatform(frame.platform ?? context.platform, frame.filename ?? frame.absPath);
    const debugId = debugIdForFrame(frame, context.debugImages ?? []);
    const rules = { platform, pathMappings: this.pathMappings, codeMappings: this.codeMappings };
    // A frame from elsewhere on its machine (the runtime's library) shares file names with the workspace by chance; its
    // own paths must then share a directory too, unless the SDK says the code is the app's.
    const foreign = frame.inApp !== true && namesPathOutside(frame, this.reader);
    for (const candidate of frameCandidates(frame, rules)) {
      const mapped = candidate.via === 'pathMapping' || candidate.via === 'codeMapping';
      const file = this.options.files.find(candidate.path, {
        wholeSuffix: mapped,
        sharedDirectory: foreign && candidate.via === 'path',
      });
      if (file === undefined || !(await this.reader.isWorkspaceFile(this.reader.absolutePath(file)))) continue;
      return this.resolveInFile(file, candidate.via, frame, debugId);
    }
    if (debugId !== undefined) return this.resolveByDebugId(frame, debugId);
    this.log.trace(`resolver: no workspace file for ${frame.filename ?? frame.absPath ?? frame.module ?? 'a frame'}`);
    return undefined;
  }

  private async resolveInFile(
    file: WorkspacePath,
    via: ResolvedVia,
    frame: SourceFrame,
    debugId: string | undefined,
  ): Promise<ResolvedLocation | undefined> {
    const text = await this.reader.read(this.reader.absolutePath(file));
    const check =
      text === undefined
        ? unchecked(frame)
        : locateDriftedLine(text.lines, frame.lineNo ?? 1, frame.context, this.driftWindow);
    if (check === undefined) {
      this.log.trace(`resolver: line ${frame.lineNo ?? '?'} is past the end of ${file.path}; not marked`);
      return undefined;
    }
    if (text !== undefined && COMPILED_SCRIPT.test(file.path)) {
      const map = await this.sourceMaps.forScript(file, text, debugId);
      if (map !== undefined) {
        const mapped = await this.throughSourceMap(map, check, frame);
        if (mapped !== 'missing') return mapped;
      }
    }
    return location(file, check, frame.colNo, via);
  }

  /** The frame's script is not in the workspace by name, but a workspace map carries the event's debug ID for it. */
  private async resolveByDebugId(frame: SourceFrame, debugId: string): Promise<ResolvedLocation | undefined> {
    const found = await this.sourceMaps.forDebugId(debugId);
    if (found === undefined) return undefined;
    const mapped = await this.throughSourceMap(found.loaded, unchecked(frame), frame);
    if (mapped !== 'missing') return mapped;
    const script = this.reader.locate(found.script);
    if (script === undefined || (await this.reader.confine(found.script)) === undefined) return undefined;
    return this.resolveInFile(script, 'path', frame, undefined);
  }

  /**
   * The original location, undefined when it is a dependency's, or 'missing' when the map has no mapping there or its
   * source is not in the workspace (the caller then keeps the compiled location).
   */
  private async throughSourceMap(
    map: LoadedSourceMap,
    check: LineCheck,
    frame: SourceFrame,
  ): Promise<ResolvedLocation | undefined | 'missing'> {
    const position = originalPosition(map.parsed.map, check.line, frame.colNo ?? undefined);
    if (position === undefined) return 'missing';
    const source = await locateOriginalSource(position.source, map.baseDirectory, this.options.files, this.reader);
    if (source.kind === 'thirdParty') return undefined;
    if (source.kind === 'missing') {
      this.log.debug(
        `resolver: ${position.source} from ${map.origin} is not in the workspace; keeping the compiled location`,
      );
      return 'missing';
    }
    return location(source.location, { ...check, line: position.line }, position.column, 'sourceMap');
  }

  private get driftWindow(): number {
    return this.options.driftWindow ?? DEFAULT_DRIFT_WINDOW;
  }
}

/**
 * True when the frame's path on its machine is a file system path outside every workspace folder. That is absPath
 * when there is one: a browser frame's filename (`/polyfills.js`) is only the path of its URL.
 */
function namesPathOutside(frame: SourceFrame, reader: WorkspaceFileReader): boolean {
  const path = frame.absPath || frame.filename;
  if (typeof path !== 'string' || !isAbsoluteFilePath(path)) return false;
  // A path of the other platform's form (`C:\app\x.py` here on Linux) cannot be inside a folder of this machine.
  return !isAbsolute(path) || reader.locate(path) === undefined;
}

function unchecked(frame: SourceFrame): LineCheck {
  return { line: frame.lineNo ?? 1, moved: false, stale: false };
}

function location(
  file: WorkspacePath,
  check: LineCheck,
  column: number | null | undefined,
  via: ResolvedVia,
): ResolvedLocation {
  const base = { folder: file.folder, file: file.path, line: check.line, moved: check.moved, stale: check.stale, via };
  return typeof column === 'number' && column >= 1 ? { ...base, column } : base;
}
