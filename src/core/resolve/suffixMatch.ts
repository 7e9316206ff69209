// Scores how well a frame's path matches a workspace file by their common trailing segments, and ranks the matches.
import { isBuildOutput, type IndexedFile } from './indexedFile';

export interface SuffixMatch {
  readonly file: IndexedFile;
  /** How many trailing segments the frame path and the file share. */
  readonly matched: number;
}

export function matchedTrailingSegments(framePath: readonly string[], filePath: readonly string[]): number {
  let matched = 0;
  while (matched < framePath.length && matched < filePath.length) {
    if (framePath[framePath.length - 1 - matched] !== filePath[filePath.length - 1 - matched]) break;
    matched++;
  }
  return matched;
}

export interface MatchRules {
  /** Only a whole suffix of either path counts (mapped paths). */
  readonly wholeSuffix?: boolean | undefined;
  /** At least a directory and the file name must be shared. */
  readonly sharedDirectory?: boolean | undefined;
}

/**
 * A match must cover the whole of the shorter path (`src/cart.ts` in `web/src/cart.ts`, `/code/errors/views.py` over
 * `errors/views.py`), or at least two segments (`/usr/src/app/src/cart.ts` and `web/src/cart.ts`). A shared file name
 * alone under different directories (`errors/views.py`, `other/views.py`) is a coincidence, not a match.
 */
export function isAcceptedMatch(
  matched: number,
  frameLength: number,
  fileLength: number,
  rules: MatchRules = {},
): boolean {
  const whole = matched === Math.min(frameLength, fileLength);
  if (matched < (rules.sharedDirectory ? 2 : 1)) return false;
  return whole || (!rules.wholeSuffix && matched >= 2);
}

/** True when the frame path itself names the build-output directory (`dist/bundle.js` for `web/dist/bundle.js`). */
export function namesBuildOutput(match: SuffixMatch): boolean {
  const { file, matched } = match;
  return isBuildOutput(file) && matched >= file.segments.length - file.buildOutputDepth;
}

/**
 * Total order, best first, that does not depend on the order files were indexed in: more shared segments; an original
 * source before build output; fewer directories the frame did not name; a path with a `src` directory; the earlier
 * workspace folder; then the path's code-unit order.
 */
export function compareMatches(a: SuffixMatch, b: SuffixMatch): number {
  return (
    b.matched - a.matched ||
    Number(isBuildOutput(a.file)) - Number(isBuildOutput(b.file)) ||
    extraSegments(a) - extraSegments(b) ||
    Number(hasSourceDirectory(b.file)) - Number(hasSourceDirectory(a.file)) ||
    a.file.folderRank - b.file.folderRank ||
    compareCodeUnits(a.file.path, b.file.path)
  );
}

function extraSegments(match: SuffixMatch): number {
  return match.file.segments.length - match.matched;
}

function hasSourceDirectory(file: IndexedFile): boolean {
  return file.segments.slice(0, -1).includes('src');
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
