// Which workspace directories the file index never enters, and which hold build output rather than original sources.

/** Version control, dependencies, caches and virtual environments: never the project's own sources. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  'bower_components',
  'site-packages',
  'dist-packages',
  '__pycache__',
  '.venv',
  'venv',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.gradle',
  '.idea',
  '.vscode-test',
  '.turbo',
  '.cache',
  'coverage',
]);

/**
 * Build output: compiled and bundled files. They are indexed so that a frame naming one (`/dist/bundle.js`) finds it
 * and its source map, but they never win a suffix match meant for an original source (see WorkspaceFileIndex.find).
 */
export const BUILD_OUTPUT_DIRECTORIES: ReadonlySet<string> = new Set([
  'dist',
  'build',
  'out',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.wrangler',
  '.vercel',
  '.parcel-cache',
]);

/** Index of the first build-output directory among a relative path's directories, or -1 for an original source. */
export function buildOutputDepth(segments: readonly string[]): number {
  for (let index = 0; index < segments.length - 1; index++) {
    const segment = segments[index];
    if (segment !== undefined && BUILD_OUTPUT_DIRECTORIES.has(segment)) return index;
  }
  return -1;
}
