// Turns the file names Sentry reports (URLs, webpack sources, Windows and absolute paths) into plain relative paths.

/** Directory names whose files are third-party code: a frame under one is never the workspace's own. */
const THIRD_PARTY_SEGMENTS: ReadonlySet<string> = new Set([
  'node_modules',
  'site-packages',
  'dist-packages',
  'bower_components',
]);

/** `scheme://host` at the start of a URL; the host part may be empty (`app:///`, `webpack:///`). */
const URL_WITH_AUTHORITY = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/\\]*/;
/** A scheme with no `//` (`node:fs`, `data:...`, `javascript:`): not a file, except the few handled before. */
const SCHEME_WITHOUT_AUTHORITY = /^[a-zA-Z][a-zA-Z0-9+.-]+:/;
const DRIVE_LETTER = /^[a-zA-Z]:/;
/** One normalisation pass can expose a prefix that another pass would strip; a few passes always reach the fixed point. */
const MAX_PASSES = 8;

/**
 * A frame's `filename` or `absPath` as a relative path with `/` separators, no leading `/`, no `.` or `..` segment,
 * or `undefined` when it names no file (`<anonymous>`, `[native code]`, `node:internal/...`, empty).
 * Idempotent: normalising a result returns it unchanged.
 */
export function normalizeFramePath(raw: string): string | undefined {
  let current = normalizeOnce(raw);
  for (let pass = 0; pass < MAX_PASSES && current !== undefined; pass++) {
    const next = normalizeOnce(current);
    if (next === current) return current;
    current = next;
  }
  return current;
}

function normalizeOnce(raw: string): string | undefined {
  const withoutScheme = stripSchemeAndHost(raw.trim());
  if (withoutScheme === undefined) return undefined;
  const path = withoutScheme.text.replace(/[?#].*$/s, '');
  const decoded = withoutScheme.wasUrl ? decodePercentEscapes(path) : path;
  if (decoded.includes('\0')) return undefined;
  const segments = resolveDotSegments(stripDriveAndHome(decoded.replace(/\\/g, '/')).split('/'));
  // A result whose first segment looks like a scheme or `<anonymous>` is rejected by the next pass, not here.
  return segments.length === 0 ? undefined : segments.join('/');
}

function stripSchemeAndHost(text: string): { text: string; wasUrl: boolean } | undefined {
  if (text === '' || isNonPathName(text)) return undefined;
  const blobless = text.replace(/^blob:/i, '');
  const url = URL_WITH_AUTHORITY.exec(blobless);
  if (url) return { text: blobless.slice(url[0].length), wasUrl: true };
  // Dart and Flutter: `package:my_app/src/x.dart` is `lib/src/x.dart` of package my_app; keep the part after the package.
  const dartPackage = /^package:[^/]*\//.exec(blobless);
  if (dartPackage) return { text: blobless.slice(dartPackage[0].length), wasUrl: false };
  if (SCHEME_WITHOUT_AUTHORITY.test(blobless)) return undefined;
  return { text: blobless, wasUrl: false };
}

function stripDriveAndHome(path: string): string {
  let rest = path.replace(/^\/+/, '');
  if (DRIVE_LETTER.test(rest)) rest = rest.slice(2);
  if (rest.startsWith('~/')) rest = rest.slice(2);
  return rest;
}

/** `.` disappears, `..` removes the segment before it, and a `..` with nothing before it is dropped, never kept. */
function resolveDotSegments(parts: readonly string[]): string[] {
  const kept: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') kept.pop();
    else kept.push(part);
  }
  return kept;
}

function decodePercentEscapes(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** `<anonymous>`, `<frozen importlib._bootstrap>`, `[native code]`, `node:fs` and other frame names that are not files. */
function isNonPathName(text: string): boolean {
  // `[native code]` and `[eval code]`, but not a Next.js route file such as `[slug].tsx`.
  if (text.startsWith('<') || /^\[[^\]/]*\s[^\]/]*\]/.test(text)) return true;
  if (/^(native|eval)$/i.test(text)) return true;
  return SCHEME_WITHOUT_AUTHORITY.test(text) && !URL_WITH_AUTHORITY.test(text) && !/^(blob|package):/i.test(text);
}

/** The path's segments, split on either separator, without empty ones. */
export function pathSegments(path: string): string[] {
  return path.split(/[\\/]/).filter((segment) => segment !== '');
}

/** True when the raw frame path lies in a dependency folder (`node_modules/`, `site-packages/`) or is a runtime internal. */
export function isThirdPartyFramePath(raw: string): boolean {
  const text = raw.trim();
  if (/^node:/i.test(text)) return true;
  return pathSegments(text).some((segment) => THIRD_PARTY_SEGMENTS.has(segment));
}

/** A file system path from the root of its machine: `/usr/lib/x.py`, `C:\app\x.py`, `\\server\share\x.py`. */
export function isAbsoluteFilePath(raw: string): boolean {
  return /^(?:\/|[a-zA-Z]:[\\/]|\\\\)/.test(raw.trim());
}
