// Compiles and runs every benchmark under bench/; each prints its ratio against a baseline measured in the same run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const outDir = 'out-bench';
const compiled = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--outDir', outDir], { stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);
for (const name of readdirSync('bench').filter((file) => file.endsWith('.bench.ts')).sort()) {
  console.log(`\n# ${name}`);
  const run = spawnSync(process.execPath, [`${outDir}/bench/${name.replace(/\.ts$/, '.js')}`], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
