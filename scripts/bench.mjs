// Compiles and runs every benchmark under bench/; each prints its ratio against a baseline measured in the same run.
// The servers some benches compare against (Spotlight's sidecar) live in bench/peers, a package of their own with its
// own lock file, installed here when missing: never dependencies of the extension.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { compileTests } from './compileTests.mjs';

const outDir = 'out-bench';
const peers = 'bench/peers';
if (!existsSync(`${peers}/node_modules/@spotlightjs/spotlight`)) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const installed = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: peers, stdio: 'inherit' });
  if (installed.status !== 0) {
    console.error(
      `bench: installing the bench's peers (${peers}: Spotlight's sidecar) failed; see above. Check the network, then run \`npm ci\` in ${peers}.`,
    );
    process.exit(installed.status ?? 1);
  }
}
await compileTests(outDir);
// Our server runs in the benches as it ships (`serve` is dist/cli.js, the embedded one is inside dist/extension.js):
// bundled and minified by esbuild like `npm run package`, not as the file-by-file test build, where every call into
// another module goes through an export getter. Spotlight's sidecar, the peer, is measured as its package ships too.
await esbuild.build({
  entryPoints: ['bench/localSentryProcess.ts'],
  outfile: `${outDir}/bench/localSentryProcess.js`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});
const filter = process.argv[2];
for (const name of readdirSync('bench')
  .filter((file) => file.endsWith('.bench.ts') && (!filter || file.includes(filter)))
  .sort()) {
  console.log(`\n# ${name}`);
  const run = spawnSync(process.execPath, [`${outDir}/bench/${name.replace(/\.ts$/, '.js')}`], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
