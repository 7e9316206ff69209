// Compiles src/, test/ and bench/ file by file to CommonJS with esbuild (no bundling, no type-check: `npm run typecheck`
// does that), keeping the tree under the output folder (out/test/..., out/src/...), so a test run starts in seconds.
//   node scripts/compileTests.mjs [outDir]     (default: out)
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

function typeScriptFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules') return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return typeScriptFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

export async function compileTests(outDir) {
  await esbuild.build({
    entryPoints: ['src', 'test', 'bench'].flatMap(typeScriptFiles),
    outdir: outDir,
    outbase: '.',
    bundle: false,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await compileTests(process.argv[2] ?? 'out');
