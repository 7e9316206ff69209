// Runs the end-to-end tests (test/e2e/tests/*.e2e.ts) in a real VS Code: code-server + Debian's Chromium, set up by
// .ci/setup-e2e.sh. Packages the .vsix once and hands it to the tests in E2E_VSIX; runs one test file at a time.
//   node scripts/e2e-test.mjs [filter]        compiles into TEST_OUT_DIR (default out-e2e), runs *.e2e.js matching filter
//   node scripts/e2e-test.mjs a.e2e.js ...    runs already compiled files (what scripts/test.mjs does)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileTests } from './compileTests.mjs';

const e2eModules = 'test/e2e/node_modules';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0 && !options.mayFail) process.exit(result.status ?? 1);
  return result;
}

function e2eTestFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return e2eTestFiles(path);
    return name.endsWith('.e2e.js') ? [path] : [];
  });
}

/** The compiled e2e test files to run: the ones given, or all matching the filter after compiling. */
async function selectFiles(args) {
  if (args.length > 0 && args.every((arg) => arg.endsWith('.e2e.js'))) return args;
  const filter = args[0];
  const outDir = process.env.TEST_OUT_DIR ?? 'out-e2e';
  rmSync(outDir, { recursive: true, force: true });
  // Compiled without a type-check (`npm run typecheck` is that), so work in progress elsewhere does not block the e2e run.
  await compileTests(outDir);
  return e2eTestFiles(join(outDir, 'test', 'e2e'))
    .filter((file) => !filter || file.includes(filter))
    .sort();
}

/** Packages the extension with `npm run package`'s script and returns the .vsix path it printed. */
function packageVsix() {
  const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
  const result = spawnSync(process.execPath, ['scripts/package.mjs'], { encoding: 'utf8' });
  const vsix = resolve(`${name}-${version}.vsix`);
  if (result.status !== 0 || !existsSync(vsix)) {
    process.stderr.write(`${result.stdout}\n${result.stderr}\npackaging the extension failed\n`);
    process.exit(1);
  }
  return vsix;
}

if (process.env.SKIP_E2E) {
  console.log('e2e: skipped because SKIP_E2E is set');
  process.exit(0);
}
if (!existsSync(join(e2eModules, '.setup-e2e-stamp')) || !existsSync('/usr/bin/chromium')) {
  console.error(
    'e2e: tooling not installed: run `bash .ci/setup-e2e.sh` as root (or set SKIP_E2E=1 to skip these tests)',
  );
  process.exit(1);
}
const files = await selectFiles(process.argv.slice(2));
if (files.length === 0) {
  console.error(`e2e: no test files match ${process.argv[2] ?? '*.e2e.js'}`);
  process.exit(1);
}
const vsix = process.env.E2E_VSIX ?? packageVsix();
// Screenshots and logs in test-artifacts/e2e/ are this run's only.
rmSync('test-artifacts/e2e', { recursive: true, force: true });
console.log(`e2e: ${files.length} file(s) against ${vsix}`);
const started = Date.now();
const result = run(
  process.execPath,
  ['--test', '--test-reporter=spec', '--test-concurrency=1', '--test-timeout=300000', ...files],
  {
    env: { ...process.env, E2E_VSIX: vsix },
    mayFail: true,
  },
);
console.log(`e2e: finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(result.status ?? 1);
