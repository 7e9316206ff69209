// Builds a production bundle and packs the .vsix with vsce, then prints its size and contents.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const vsix = `${name}-${version}.vsix`;
run(process.execPath, ['scripts/build.mjs', '--production']);
// Dependencies are bundled by esbuild, so the package needs no node_modules.
run(process.execPath, [
  'node_modules/@vscode/vsce/vsce',
  'package',
  '--no-dependencies',
  '--no-rewrite-relative-links',
  '--out',
  vsix,
]);
run(process.execPath, ['node_modules/@vscode/vsce/vsce', 'ls', '--no-dependencies']);
console.log(`${vsix}: ${(statSync(vsix).size / 1024).toFixed(1)} KiB`);
