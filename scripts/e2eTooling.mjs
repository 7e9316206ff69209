// Installs the end-to-end tooling when it is missing (Debian's Chromium, code-server and its Node 24 in test/e2e), for
// the README's two commands: `npm test` and `npm run demo` each work by themselves on a fresh machine.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const setupScript = join(root, '.ci', 'setup-e2e.sh');

/** The apt packages .ci/setup-e2e.sh installs that are not installed yet (read from the script, so the list lives in one place). */
function missingAptPackages() {
  const listed = /^apt_packages=\(([^)]*)\)/m.exec(readFileSync(setupScript, 'utf8'))?.[1] ?? '';
  return listed
    .split(/\s+/)
    .filter(Boolean)
    .filter((name) => {
      const status = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Status}', name], { encoding: 'utf8' });
      return status.stdout !== 'installed';
    });
}

/**
 * Runs .ci/setup-e2e.sh (it skips what is installed, so a warm machine pays a second at most). Returns undefined when
 * the tooling is ready, else a message saying what failed and what to do: without root or sudo the apt step cannot run.
 */
export function ensureE2eTooling() {
  const missing = missingAptPackages();
  const isRoot = process.getuid?.() === 0;
  const hasSudo = spawnSync('sh', ['-c', 'command -v sudo'], { stdio: 'ignore' }).status === 0;
  if (missing.length > 0 && !isRoot && !hasSudo) {
    return (
      `these Debian packages are needed, and installing them needs root: apt-get install ${missing.join(' ')}\n` +
      '      Install them as root (or run `bash .ci/setup-e2e.sh` as root), then run the command again.'
    );
  }
  const result = spawnSync('bash', [setupScript], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) return 'installing code-server and Chromium (.ci/setup-e2e.sh) failed; see above';
  return undefined;
}
