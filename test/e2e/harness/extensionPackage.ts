// The .vsix under test: E2E_VSIX when the runner already packaged it, otherwise packaged once here with `npm run package`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { extensionVersion, repoRoot } from './paths';

let packaged: string | undefined;

/** Path of the extension's .vsix, packaging it (scripts/package.mjs, bounded to 3 minutes) on first use if E2E_VSIX is not set. */
export function extensionVsix(): string {
  const given = process.env['E2E_VSIX'];
  if (given) {
    if (!existsSync(given)) throw new Error(`E2E_VSIX names ${given}, which does not exist`);
    return given;
  }
  if (packaged) return packaged;
  const root = repoRoot();
  const result = spawnSync(process.execPath, ['scripts/package.mjs'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  const vsix = join(root, `sentry-insight-${extensionVersion()}.vsix`);
  if (result.status !== 0 || !existsSync(vsix)) {
    throw new Error(
      `packaging the extension failed (status ${String(result.status)}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  packaged = vsix;
  return vsix;
}

/**
 * Packs an unpacked extension folder (e.g. a test-only probe) into `<outDir>/<folder name>.vsix` with the root's vsce,
 * so that it is installed the same way as the extension under test (VS Code ignores folders merely copied in).
 */
export function packageExtensionFolder(folder: string, outDir: string): string {
  const vsix = join(outDir, `${basename(folder)}.vsix`);
  const vsce = join(repoRoot(), 'node_modules', '@vscode', 'vsce', 'vsce');
  const args = [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', vsix];
  const result = spawnSync(process.execPath, args, {
    cwd: folder,
    encoding: 'utf8',
    timeout: 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0 || !existsSync(vsix)) {
    throw new Error(
      `packaging ${folder} failed (status ${String(result.status)}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return vsix;
}
