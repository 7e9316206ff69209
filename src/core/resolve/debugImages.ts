// Matches a frame to the event's source-map debug images (`debug_meta.images[]`, type "sourcemap") by its script URL.
import type { SourceFrame } from './frame';
import { normalizeFramePath } from './paths';

export interface DebugImage {
  /** The script's URL or path as the SDK saw it (`http://localhost:8080/dist/bundle.js`, `app:///main.js`). */
  readonly codeFile: string;
  readonly debugId: string;
}

/** The debug ID of the frame's script: an image whose code file equals the frame's absPath or filename, exactly or once normalised. */
export function debugIdForFrame(frame: SourceFrame, images: readonly DebugImage[]): string | undefined {
  if (images.length === 0) return undefined;
  const paths = [frame.absPath, frame.filename].filter(
    (path): path is string => typeof path === 'string' && path !== '',
  );
  for (const path of paths) {
    const exact = images.find((image) => image.codeFile === path);
    if (exact !== undefined) return exact.debugId;
  }
  for (const path of paths) {
    const normalized = normalizeFramePath(path);
    const image =
      normalized === undefined
        ? undefined
        : images.find((candidate) => normalizeFramePath(candidate.codeFile) === normalized);
    if (image !== undefined) return image.debugId;
  }
  return undefined;
}
