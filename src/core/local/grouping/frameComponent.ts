// What of a stack frame counts for grouping: where the code is (module or normalised file) and which function, never
// the line number, so that the same code groups across edits above it and across builds.
import { namesCodeByModule } from '../../platforms';
import { normalizeFramePath } from '../../resolve/paths';
import { contextLineOf, type ApiFrame } from '../process/apiFrame';

/** Function names that say nothing about the code (anonymous callbacks, minifier placeholders). */
const USELESS_FUNCTIONS: ReadonlySet<string> = new Set([
  '?',
  '<anonymous>',
  'anonymous',
  '<unknown>',
  'Anonymous function',
  '<lambda>',
]);

/** Paths already made stable: an app's frames name the same few files event after event. */
const stableFilenames = new Map<string, string>();
const MAX_STABLE_FILENAMES = 10_000;

/** A file path without cache-busting hashes and versions: `main.3f2a9c1b.js` → `main.js`, `app-1.2.3.js` → `app.js`. */
export function stableFilename(path: string): string {
  let stable = stableFilenames.get(path);
  if (stable === undefined) {
    stable = withoutHashesAndVersions(path);
    if (stableFilenames.size >= MAX_STABLE_FILENAMES) stableFilenames.clear();
    stableFilenames.set(path, stable);
  }
  return stable;
}

function withoutHashesAndVersions(path: string): string {
  const normalized = normalizeFramePath(path) ?? path;
  return normalized
    .split('/')
    .map((segment) =>
      segment.replace(/[.-](?=[0-9a-f]*\d)[0-9a-f]{6,}(?=\.)/gi, '').replace(/[.-]v?\d+(?:\.\d+)+(?=\.[a-z]+$)/i, ''),
    )
    .join('/');
}

function whereOf(frame: ApiFrame, platform: string | undefined): string {
  const useModule =
    frame.module !== null &&
    (namesCodeByModule(frame.platform ?? platform) || (frame.filename === null && frame.absPath === null));
  if (useModule && frame.module !== null) return frame.module;
  const path = frame.filename ?? frame.absPath;
  return path === null ? '' : stableFilename(path);
}

/** A function name without the receiver's minified or generated prefix: `Server.<anonymous>` keeps both parts. */
function functionOf(frame: ApiFrame): string | undefined {
  const name = frame.function?.trim();
  if (!name || USELESS_FUNCTIONS.has(name)) return undefined;
  return name;
}

/**
 * `where|function`. A frame without a useful function name uses its source line instead (whitespace collapsed, at most
 * 120 characters, as Sentry's context-line component); a frame with neither contributes only where it is.
 */
export function frameComponent(frame: ApiFrame, platform: string | undefined): string {
  const where = whereOf(frame, platform);
  const name = functionOf(frame);
  if (name !== undefined) return `${where}|${name}`;
  const line = contextLineOf(frame)?.trim().replace(/\s+/g, ' ');
  return line !== undefined && line !== '' && line.length <= 120 ? `${where}|line:${line}` : `${where}|`;
}
