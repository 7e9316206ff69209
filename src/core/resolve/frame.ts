// The shape of a stack frame as the resolver needs it, and what it resolves to, independent of the API's wire format.

/** One frame: the Web API's camelCase frame fields the resolver reads. Frames run caller to callee. */
export interface SourceFrame {
  readonly filename?: string | null;
  readonly absPath?: string | null;
  readonly module?: string | null;
  readonly function?: string | null;
  readonly lineNo?: number | null;
  readonly colNo?: number | null;
  readonly inApp?: boolean | null;
  readonly platform?: string | null;
  /** `[[lineNo, text], ...]` around the frame's line, as the Web API sends it; empty when the source was unavailable. */
  readonly context?: ReadonlyArray<readonly [number, string | null]> | null;
}

/** A stack root to source root rule, in the style of Sentry's code mappings. */
export interface PathMapping {
  readonly stackRoot: string;
  readonly sourceRoot: string;
}

export interface WorkspaceFolder {
  readonly name: string;
  /** Absolute path of the folder on disk. */
  readonly path: string;
}

export type ResolvedVia = 'pathMapping' | 'codeMapping' | 'path' | 'module' | 'sourceMap';

export interface ResolvedLocation {
  /** The workspace folder the file is in. */
  readonly folder: WorkspaceFolder;
  /** Path relative to the folder, with `/` separators; never contains `..`. */
  readonly file: string;
  /** 1-based line in the current file on disk. */
  readonly line: number;
  /** 1-based column where known. */
  readonly column?: number;
  /** The frame's line text was found at another line nearby: the file changed since the release. */
  readonly moved: boolean;
  /** The frame's context line is nowhere near: the mark may point at changed code. */
  readonly stale: boolean;
  readonly via: ResolvedVia;
}
