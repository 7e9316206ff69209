// Symbolicates one stack trace against the workspace: compiled frames become their original file, line and function
// through source maps (the compiled frames are kept as the raw stack trace), and workspace frames without source context
// get it from the file on disk.
import { join } from 'node:path';
import type { DebugImage } from '../../resolve/debugImages';
import { locateOriginalSource, type OriginalSourceLocation } from '../../resolve/originalSource';
import { isThirdPartyFramePath, normalizeFramePath } from '../../resolve/paths';
import { sourceFrameOf, type ApiFrame } from './apiFrame';
import { contextFromFile } from './contextLines';
import { originalFramePosition, type OriginalFramePosition, type ScriptLookups } from './scriptPositions';
import type { WorkspaceSnapshot } from './workspaceSources';

/** A workspace line a frame was found at: where the editor will mark it. */
export interface WorkspaceLine {
  /** Absolute path of the workspace folder. */
  readonly folder: string;
  /** Relative to the folder, `/`-separated. */
  readonly file: string;
  readonly line: number;
}

export interface SymbolicatedStack {
  readonly frames: ApiFrame[];
  /** The frames as the SDK sent them, when at least one was source-mapped; else null (Sentry's `rawStacktrace`). */
  readonly rawFrames: ApiFrame[] | null;
  /** Per frame, the workspace line it resolved to, if any. */
  readonly lines: Array<WorkspaceLine | undefined>;
}

export interface StackContext {
  readonly platform: string | undefined;
  readonly debugImages: readonly DebugImage[];
  readonly workspace: WorkspaceSnapshot;
}

export async function symbolicateStack(frames: readonly ApiFrame[], context: StackContext): Promise<SymbolicatedStack> {
  const lookups: ScriptLookups = new Map();
  const positions = await Promise.all(
    frames.map((frame) => originalFramePosition(frame, context.debugImages, context.workspace, lookups)),
  );
  // Frames of one stack mapped into the same original file find it once.
  const sources: OriginalSources = new Map();
  const lines: Array<WorkspaceLine | undefined> = [];
  const symbolicated: ApiFrame[] = [];
  for (const [index, frame] of frames.entries()) {
    const position = positions[index];
    const done =
      position === undefined
        ? await plainFrame(frame, context)
        : await mappedFrame(
            frame,
            position,
            originalFunctionName(frame, position, positions[index - 1]),
            context.workspace,
            sources,
          );
    symbolicated.push(done.frame);
    lines.push(done.line);
  }
  const anyMapped = positions.some((position) => position !== undefined);
  return { frames: symbolicated, rawFrames: anyMapped ? frames.map((frame) => ({ ...frame })) : null, lines };
}

/**
 * As Sentry's JavaScript symbolication names a frame: the enclosing function's name resolved through the map; else the
 * name the caller called it by (the map's name at the caller's call site); else the name the runtime reported. Sentry
 * ranks the reported name before the caller's where its parser finds no scope; our scope search is textual and misses
 * declarations a parser would find, and there the caller's original name beats a minified one.
 */
function originalFunctionName(
  frame: ApiFrame,
  position: OriginalFramePosition,
  caller: OriginalFramePosition | undefined,
): string | null {
  return position.scopeName ?? caller?.name ?? frame.function;
}

interface FrameResult {
  readonly frame: ApiFrame;
  readonly line: WorkspaceLine | undefined;
}

type OriginalSources = Map<string, Promise<OriginalSourceLocation>>;

async function mappedFrame(
  frame: ApiFrame,
  position: OriginalFramePosition,
  originalName: string | null,
  workspace: WorkspaceSnapshot,
  sources: OriginalSources,
): Promise<FrameResult> {
  const base: ApiFrame = {
    ...frame,
    lineNo: position.line,
    colNo: position.column,
    function: originalName,
    rawFunction: frame.function,
    context: [],
    module: null,
  };
  if (isThirdPartyFramePath(position.source)) {
    return {
      frame: {
        ...base,
        filename: normalizeFramePath(position.source) ?? position.source,
        absPath: position.source,
        inApp: false,
      },
      line: undefined,
    };
  }
  const sourceKey = `${position.baseDirectory}\0${position.source}`;
  let located = sources.get(sourceKey);
  if (located === undefined) {
    located = locateOriginalSource(position.source, position.baseDirectory, workspace.files, workspace.reader);
    sources.set(sourceKey, located);
  }
  const source = await located;
  if (source.kind !== 'workspace') {
    return {
      frame: { ...base, filename: normalizeFramePath(position.source) ?? position.source, absPath: position.source },
      line: undefined,
    };
  }
  const absolute = workspace.reader.absolutePath(source.location);
  const file = source.location.path;
  return {
    frame: {
      ...base,
      filename: file,
      absPath: absolute,
      module: file.replace(/\.[^./]+$/, ''),
      inApp: true,
      context: await contextFromFile(workspace.reader, absolute, position.line),
    },
    line: { folder: source.location.folder.path, file, line: position.line },
  };
}

async function plainFrame(frame: ApiFrame, context: StackContext): Promise<FrameResult> {
  if (frame.lineNo === null) return { frame, line: undefined };
  const location = await context.workspace.resolver.resolve(sourceFrameOf(frame), {
    platform: context.platform,
    debugImages: context.debugImages,
  });
  if (location === undefined) return { frame, line: undefined };
  const absolute = join(location.folder.path, ...location.file.split('/'));
  const filled =
    frame.context.length > 0
      ? frame
      : { ...frame, context: await contextFromFile(context.workspace.reader, absolute, frame.lineNo) };
  return { frame: filled, line: { folder: location.folder.path, file: location.file, line: location.line } };
}
