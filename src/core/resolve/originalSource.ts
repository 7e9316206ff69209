// Maps a compiled position through a source map and finds the original source it names in the workspace.
import { GREATEST_LOWER_BOUND, LEAST_UPPER_BOUND, originalPositionFor, type TraceMap } from '@jridgewell/trace-mapping';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isThirdPartyFramePath, normalizeFramePath } from './paths';
import type { FileLookup } from './workspaceFileIndex';
import type { WorkspaceFileReader, WorkspacePath } from './workspaceFileReader';

export interface OriginalPosition {
  /** The map's `sources[]` entry, joined onto its `sourceRoot`, as written (not yet resolved against the map's place). */
  readonly source: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

export type OriginalSourceLocation =
  | { readonly kind: 'workspace'; readonly location: WorkspacePath }
  | { readonly kind: 'thirdParty' }
  | { readonly kind: 'missing' };

const HAS_SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]+:/;

/**
 * The original position of a 1-based line and column (Sentry's `lineNo`/`colNo`). The nearest mapping at or before
 * the column is the expression that threw; when the line has none before it, the first one after.
 */
export function originalPosition(
  map: TraceMap,
  line: number,
  column: number | undefined,
): OriginalPosition | undefined {
  const needle = { line, column: Math.max((column ?? 1) - 1, 0) };
  for (const bias of [GREATEST_LOWER_BOUND, LEAST_UPPER_BOUND] as const) {
    const found = originalPositionFor(map, { ...needle, bias });
    if (found.source === null) continue;
    const source = rawSource(map, found.source);
    if (source !== undefined) return { source, line: found.line, column: found.column + 1 };
  }
  return undefined;
}

/** trace-mapping answers with the resolved source URL; the raw entry is resolved here instead, with workspace rules. */
function rawSource(map: TraceMap, resolvedSource: string): string | undefined {
  const index = map.resolvedSources.indexOf(resolvedSource);
  const raw = map.sources[index];
  if (raw === undefined || raw === null) return undefined;
  const root = map.sourceRoot ?? '';
  if (root === '' || HAS_SCHEME.test(raw) || isAbsolute(raw)) return raw;
  return `${root.replace(/\/+$/, '')}/${raw}`;
}

/**
 * Where an original source is. A relative source is resolved against the map's directory and taken when it lands on a
 * file inside the workspace; `file://` URLs and absolute paths likewise. Otherwise (`webpack://ns/./src/x.ts`, a
 * path from the build machine) its normalised path is suffix-matched against original sources, never build output.
 * Dependencies (`node_modules/`) are reported as such so that the caller can drop the frame.
 */
export async function locateOriginalSource(
  source: string,
  baseDirectory: string,
  files: FileLookup,
  reader: WorkspaceFileReader,
): Promise<OriginalSourceLocation> {
  if (isThirdPartyFramePath(source)) return { kind: 'thirdParty' };
  const absolute = absoluteSourcePath(source, baseDirectory);
  const exact = absolute === undefined ? undefined : reader.locate(absolute);
  // Which file is chosen needs no lstat per frame: confined a few seconds ago will do, as for the resolver's candidates.
  if (exact !== undefined && absolute !== undefined && (await reader.isWorkspaceFile(absolute)))
    return { kind: 'workspace', location: exact };
  const normalized = normalizeFramePath(source);
  const file = normalized === undefined ? undefined : files.find(normalized, { originalSourcesOnly: true });
  if (file !== undefined && (await reader.isWorkspaceFile(reader.absolutePath(file))))
    return { kind: 'workspace', location: file };
  return { kind: 'missing' };
}

function absoluteSourcePath(source: string, baseDirectory: string): string | undefined {
  if (/^file:/i.test(source)) {
    try {
      return fileURLToPath(source);
    } catch {
      return undefined;
    }
  }
  if (isAbsolute(source)) return source;
  if (HAS_SCHEME.test(source)) return undefined;
  return resolve(baseDirectory, source.replace(/[?#].*$/s, ''));
}
