// `npm run check:fresh-clone`: proves the README's two commands as a new user runs them. Clones the committed HEAD into
// a temporary folder (so no node_modules, no test/e2e/node_modules, no build output), then runs there, through
// `npm run` and with none of this process's npm_* variables, `npm ci`, `DEMO_SMOKE=1 npm run demo` and `npm test`,
// printing how long each took. Exits with the first failing command's status. FRESH_CLONE_KEEP=1 keeps the folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const temp = mkdtempSync(join(tmpdir(), 'sentry-insight-fresh-'));
const clone = join(temp, 'clone');
/** A user's shell: this process's environment without what `npm run` added to it. */
const userEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_')));

function step(title, command, args, env = {}) {
  const started = Date.now();
  console.log(`\nfresh-clone: ${title}`);
  const result = spawnSync(command, args, { cwd: clone, stdio: 'inherit', env: { ...userEnv, ...env } });
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(
    `fresh-clone: ${title}: ${result.status === 0 ? 'passed' : `failed (${result.status ?? result.signal})`} in ${seconds} s`,
  );
  return { title, seconds, status: result.status ?? 1 };
}

const steps = [];
try {
  const cloned = spawnSync('git', ['clone', '--quiet', '--no-local', root, clone], { stdio: 'inherit' });
  if (cloned.status !== 0) process.exit(cloned.status ?? 1);
  for (const [title, args, env] of [
    ['npm ci', ['ci', '--no-audit', '--no-fund']],
    ['DEMO_SMOKE=1 npm run demo', ['run', 'demo'], { DEMO_SMOKE: '1' }],
    ['npm test', ['test']],
  ]) {
    const result = step(title, 'npm', args, env);
    steps.push(result);
    if (result.status !== 0) break;
  }
} finally {
  if (process.env.FRESH_CLONE_KEEP === '1') console.log(`fresh-clone: kept ${clone}`);
  else rmSync(temp, { recursive: true, force: true });
}
console.log(
  `\nfresh-clone: ${steps.map((s) => `${s.title} ${s.status === 0 ? 'passed' : 'FAILED'} (${s.seconds} s)`).join('; ')}`,
);
process.exit(steps.find((s) => s.status !== 0)?.status ?? 0);
