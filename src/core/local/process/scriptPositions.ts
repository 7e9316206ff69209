// Maps a compiled frame (a bundle, minified or transpiled script in the workspace) to its original position and the
// original name at that position, through the script's source map: by debug ID, sourceMappingURL or `.map` beside it.
import { join, posix } from 'node:path';
import { GREATEST_LOWER_BOUND, originalPositionFor } from '@jridgewell/trace-mapping';
import { debugIdForFrame, type DebugImage } from '../../resolve/debugImages';
import { originalPosition } from '../../resolve/originalSource';
import { isThirdPartyFramePath, normalizeFramePath } from '../../resolve/paths';
import type { LoadedSourceMap } from '../../resolve/sourceMapLoader';
import type { FileText } from '../../resolve/workspaceFileReader';
import { urlPath } from '../uploads/artifactBundles';
import { sourceFrameOf, type ApiFrame } from './apiFrame';
import { originalScopeName } from './minifiedScope';
import type { WorkspaceSnapshot } from './workspaceSources';

export interface OriginalFramePosition {
  /** The map's `sources[]` entry (with its `sourceRoot`). */
  readonly source: string;
  readonly line: number;
  readonly column: number;
  /** The original identifier at the position (`names[]`), if the map has one: at a call site, the callee's name. */
  readonly name: string | undefined;
  /** The original name of the function the position is in, found from its minified declaration. */
  readonly scopeName: string | undefined;
  /** Where the map's relative sources are resolved from. */
  readonly baseDirectory: string;
}

const COMPILED_SCRIPT = /\.(?:js|mjs|cjs|bundle)$/;

/** The frames of one stack that name the same script share its lookup (confinement, read, map): one per script. */
export type ScriptLookups = Map<string, Promise<FrameMap | undefined>>;

interface FrameMap {
  readonly map: LoadedSourceMap;
  readonly script?: FileText;
}

/** Positions found per script text and map, so that the same frames in the next events cost a lookup. */
const positionsByScript = new WeakMap<
  FileText,
  WeakMap<LoadedSourceMap, Map<string, OriginalFramePosition | undefined>>
>();
/** Distinct frame positions remembered per script and map; past it they start over. */
const MAX_POSITIONS_PER_SCRIPT = 10_000;

export async function originalFramePosition(
  frame: ApiFrame,
  debugImages: readonly DebugImage[],
  workspace: WorkspaceSnapshot,
  lookups: ScriptLookups = new Map(),
): Promise<OriginalFramePosition | undefined> {
  if (frame.lineNo === null || frame.lineNo < 1) return undefined;
  const debugId = debugIdForFrame(sourceFrameOf(frame), debugImages);
  const lookupKey = `${frame.absPath ?? ''}\0${frame.filename ?? ''}\0${debugId ?? ''}`;
  let lookup = lookups.get(lookupKey);
  if (lookup === undefined) {
    lookup = mapOfFrame(frame, debugId, workspace);
    lookups.set(lookupKey, lookup);
  }
  const found = await lookup;
  if (found === undefined) return undefined;
  if (found.script === undefined) return positionIn(found.map, undefined, frame, frame.lineNo);
  let byMap = positionsByScript.get(found.script);
  if (byMap === undefined) positionsByScript.set(found.script, (byMap = new WeakMap()));
  let positions = byMap.get(found.map);
  if (positions === undefined || positions.size >= MAX_POSITIONS_PER_SCRIPT)
    byMap.set(found.map, (positions = new Map()));
  const key = `${frame.lineNo}:${frame.colNo ?? ''}:${frame.function ?? ''}`;
  if (positions.has(key)) return positions.get(key);
  const position = positionIn(found.map, found.script, frame, frame.lineNo);
  positions.set(key, position);
  return position;
}

function positionIn(
  map: LoadedSourceMap,
  script: FileText | undefined,
  frame: ApiFrame,
  line: number,
): OriginalFramePosition | undefined {
  const position = originalPosition(map.parsed.map, line, frame.colNo ?? undefined);
  if (position === undefined) return undefined;
  const column = Math.max((frame.colNo ?? 1) - 1, 0);
  const named = originalPositionFor(map.parsed.map, { line, column, bias: GREATEST_LOWER_BOUND });
  const scopeName =
    script === undefined ? undefined : originalScopeName(map.parsed.map, script.lines, line, column, frame.function);
  return { ...position, name: named.name ?? undefined, scopeName, baseDirectory: map.baseDirectory };
}

async function mapOfFrame(
  frame: ApiFrame,
  debugId: string | undefined,
  workspace: WorkspaceSnapshot,
): Promise<FrameMap | undefined> {
  for (const raw of [frame.absPath, frame.filename]) {
    if (raw === null || raw === '' || isThirdPartyFramePath(raw)) continue;
    const path = normalizeFramePath(raw);
    if (path === undefined || !COMPILED_SCRIPT.test(path)) continue;
    const script = workspace.files.find(path);
    if (script === undefined) {
      await workspace.noteUnindexed?.(raw);
      continue;
    }
    const absolute = workspace.reader.absolutePath(script);
    // Confined a few seconds ago is enough to choose the script: read() confines it again unless its text is cached.
    if (!(await workspace.reader.isWorkspaceFile(absolute))) continue;
    const text = await workspace.reader.read(absolute);
    const map = text === undefined ? undefined : await workspace.sourceMaps.forScript(script, text, debugId);
    if (map !== undefined) return { map, script: text };
  }
  const byId = debugId === undefined ? undefined : await workspace.sourceMaps.forDebugId(debugId);
  if (byId === undefined) return uploadedMapOfFrame(frame, debugId, workspace);
  const location = workspace.reader.locate(byId.script);
  const text =
    location === undefined || (await workspace.reader.confine(byId.script)) === undefined
      ? undefined
      : await workspace.reader.read(byId.script);
  return text === undefined ? { map: byId.loaded } : { map: byId.loaded, script: text };
}

/** A map from an uploaded artifact bundle (built elsewhere, e.g. in CI), by debug ID or by the script's URL path. */
function uploadedMapOfFrame(
  frame: ApiFrame,
  debugId: string | undefined,
  workspace: WorkspaceSnapshot,
): { map: LoadedSourceMap } | undefined {
  const paths = [frame.absPath, frame.filename]
    .filter((raw): raw is string => raw !== null && raw !== '')
    .map(urlPath)
    .filter((path) => COMPILED_SCRIPT.test(path));
  const uploaded = workspace.uploadedMaps?.mapFor(debugId, paths);
  const folder = workspace.folders[0];
  if (uploaded === undefined || folder === undefined) return undefined;
  // Relative sources resolve as if the bundle's files lay in the workspace at their URL paths.
  return {
    map: {
      parsed: uploaded.parsed,
      baseDirectory: join(folder.path, posix.dirname(urlPath(uploaded.url))),
      origin: `uploaded ${uploaded.url}`,
    },
  };
}
