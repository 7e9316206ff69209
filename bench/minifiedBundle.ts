// A real minified browser bundle with its linked source map in a temp workspace, for the symbolication bench: 27
// nested calls over 7 modules and a throw (30 frames with run() and main()), bundled by esbuild with zod inside so that
// the map is the size of a real app's; and the frames V8 reports for the throw, as a browser SDK sends them.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { framesOfThrow, tempFolder } from '../test/unit/core/local/localTestSupport';

const LEVELS = 27;
const MODULES = 7;
/** Where the browser loads the bundle from; the workspace holds it at dist/assets/app.js. */
export const BUNDLE_URL = 'http://localhost:5173/assets/app.js';

export interface BrowserFrame {
  readonly filename: string;
  readonly abs_path: string;
  readonly function?: string;
  readonly lineno: number;
  readonly colno: number;
  readonly in_app: boolean;
}

export interface MinifiedWorkspace {
  readonly folder: string;
  /** The thrown error's frames, caller first (as Sentry orders them). */
  readonly frames: readonly BrowserFrame[];
  readonly bundleBytes: number;
  readonly mapBytes: number;
}

function levelSource(level: number): string {
  const next = level + 1 === LEVELS ? 'fail(input)' : `level${level + 1}({ ...input, depth: input.depth + ${level} })`;
  return `export function level${level}(input: Input): number {\n  const checked = input.depth >= 0 ? input : { ...input, depth: 0 };\n  return ${next};\n}\n`;
}

function writeSources(write: (path: string, text: string) => void): void {
  const moduleOf = (level: number): number => Math.floor((level * MODULES) / LEVELS);
  for (let module = 0; module < MODULES; module++) {
    const levels = Array.from({ length: LEVELS }, (_, level) => level).filter((level) => moduleOf(level) === module);
    const imports = levels
      .map((level) => level + 1)
      .filter((next) => next < LEVELS && moduleOf(next) !== module)
      .map((next) => `import { level${next} } from './module${moduleOf(next)}';\n`);
    const failImport = levels.includes(LEVELS - 1) ? "import { fail } from '../fail';\n" : '';
    write(
      `src/levels/module${module}.ts`,
      `import type { Input } from '../input';\n${imports.join('')}${failImport}\n${levels.map(levelSource).join('\n')}`,
    );
  }
  write('src/input.ts', 'export interface Input {\n  readonly id: string;\n  readonly depth: number;\n}\n');
  write(
    'src/fail.ts',
    "import type { Input } from './input';\n\nexport function fail(input: Input): never {\n  throw new Error(`failure ${input.id} at depth ${input.depth}`);\n}\n",
  );
  write(
    'src/main.ts',
    [
      "import { z } from 'zod';",
      "import { level0 } from './levels/module0';",
      '',
      'const inputSchema = z.object({ id: z.string(), depth: z.number().int() });',
      '',
      'function main(raw: unknown): number {',
      '  return level0(inputSchema.parse(raw));',
      '}',
      '',
      'export function run(): number {',
      "  return main({ id: 'bench', depth: 1 });",
      '}',
      '',
    ].join('\n'),
  );
}

/** Bundles the app into dist/assets/app.js (+ .map) of a new temp folder and runs it for its thrown frames. */
export function minifiedWorkspace(): MinifiedWorkspace {
  const temp = tempFolder('minified-bench');
  const folder = temp.folder.path;
  writeSources(temp.write);
  const bundle = join(folder, 'dist', 'assets', 'app.js');
  buildSync({
    entryPoints: [join(folder, 'src', 'main.ts')],
    bundle: true,
    minify: true,
    sourcemap: 'linked',
    format: 'cjs',
    platform: 'browser',
    outfile: bundle,
    nodePaths: [resolve('node_modules')],
    logLevel: 'silent',
  });
  return {
    folder,
    frames: browserFramesOfThrow(bundle),
    bundleBytes: readFileSync(bundle).length,
    mapBytes: readFileSync(`${bundle}.map`).length,
  };
}

/** The thrown error's frames with the bundle's URL as the browser names it; V8 keeps 10 frames unless told more. */
function browserFramesOfThrow(bundle: string): BrowserFrame[] {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 100;
  try {
    return framesOfThrow(bundle, BUNDLE_URL).frames.map((frame) => ({ ...frame, in_app: true }));
  } finally {
    Error.stackTraceLimit = limit;
  }
}
