// The whole test suite: builds, type-checks and compiles, then runs every *.test.js under out/test with Node's test runner.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.js') ? [path] : [];
  });
}

// Optional filter: `npm test -- unit` runs only tests whose path contains "unit".
const filter = process.argv[2];
rmSync('out', { recursive: true, force: true });
run(process.execPath, ['scripts/build.mjs']);
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
const files = testFiles('out/test').filter((file) => !filter || file.includes(filter)).sort();
run(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=2', ...files]);
