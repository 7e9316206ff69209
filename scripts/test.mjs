// The whole test suite: builds the bundles, type-checks every project (`tsc -b`, see tsconfig.base.json), lints
// (eslint.config.mjs), checks the layout (Prettier), compiles the tests with esbuild, then runs every *.test.js under
// the output folder with Node's test runner, then the end-to-end *.e2e.js files in a real VS Code.
// `npm test -- resolve` runs only test files whose path contains "resolve" and skips the type-check and the linter, so
// it starts in seconds (`npm run typecheck` and `npm run lint` are the separate checks); it builds the bundles only when
// it runs integration or e2e tests, and a failed build does not stop it (so parallel work in progress does not block a
// focused run). TEST_OUT_DIR picks the folder; PROPERTY_RUNS_SCALE scales property tests' runs (test/support).
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { compileTests } from './compileTests.mjs';
import { ensureE2eTooling } from './e2eTooling.mjs';

function run(command, args, { mayFail = false } = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0 && !mayFail) process.exit(result.status ?? 1);
}

function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.js') || name.endsWith('.e2e.js') ? [path] : [];
  });
}

const filter = process.argv[2];
const outDir = process.env.TEST_OUT_DIR ?? 'out';
rmSync(outDir, { recursive: true, force: true });
if (!filter) {
  run(process.execPath, ['scripts/build.mjs']);
  run(process.execPath, ['node_modules/typescript/bin/tsc', '-b']);
  // The linter holds the layers' imports, text never set as HTML, the one settings reader and awaited promises
  // (eslint.config.mjs); type-aware, so it comes after the type-check.
  run(process.execPath, ['node_modules/eslint/bin/eslint.js']);
  // The layout is Prettier's (.prettierrc.json): `npm run format` fixes what this finds.
  run(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level=warn', '**/*.{ts,mjs}']);
}
await compileTests(outDir);
const files = testFiles(join(outDir, 'test'))
  .filter((file) => !filter || file.includes(filter))
  .sort();
if (files.length === 0) {
  console.error(`no test files match ${filter ?? '*.test.js'}`);
  process.exit(1);
}
// Unit tests run from the output folder alone; integration and e2e tests also run the bundles (dist/cli.js, the .vsix).
if (filter && files.some((file) => !file.includes(`${sep}unit${sep}`)))
  run(process.execPath, ['scripts/build.mjs'], { mayFail: true });
const unitFiles = files.filter((file) => file.endsWith('.test.js'));
const e2eFiles = files.filter((file) => file.endsWith('.e2e.js'));
// End-to-end tests (test/e2e: the packaged .vsix in code-server driven from Chromium) need their tooling, which the
// first run on a fresh machine installs (see the README). It is installed before the other tests run, since one of
// them drives @sentry/browser in the same Chromium and is skipped without it; SKIP_E2E skips the install too.
const runE2e = e2eFiles.length > 0 && !process.env.SKIP_E2E;
if (runE2e) {
  const toolingProblem = ensureE2eTooling();
  if (toolingProblem) {
    console.error(`e2e: ${toolingProblem}`);
    process.exit(2);
  }
}
if (unitFiles.length > 0)
  run(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=2', ...unitFiles]);
// The end-to-end tests come after the others, one file at a time.
if (runE2e) run(process.execPath, ['scripts/e2e-test.mjs', ...e2eFiles]);
else if (e2eFiles.length > 0) console.log('e2e: skipped because SKIP_E2E is set');
