// Runs the real sentry-cli binary (npm's @sentry/cli, or the 2.x the esbuild plugin bundles) against a server, with a
// clean environment: its URL, any token, org `local` and the given project; no config file of the machine's user.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runNodeScript, type ProcessRun } from '../../../support/processRun';

/** The sentry-cli 3.x entry script installed as a devDependency. */
export const sentryCliPath = join(dirname(require.resolve('@sentry/cli/package.json')), 'bin', 'sentry-cli');

export async function runSentryCli(
  serverUrl: string,
  args: readonly string[],
  options: { project?: string; cwd?: string; cli?: string; token?: string } = {},
): Promise<ProcessRun> {
  const home = mkdtempSync(join(tmpdir(), 'sentry-cli-home-'));
  try {
    return await runNodeScript(options.cli ?? sentryCliPath, args, {
      cwd: options.cwd ?? home,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: home,
        SENTRY_URL: serverUrl,
        // The local server's Web API token (changes need it: pass the server's apiToken); any token does for reads.
        SENTRY_AUTH_TOKEN: options.token ?? 'local-test-token',
        SENTRY_ORG: 'local',
        SENTRY_PROJECT: options.project ?? '1',
        SENTRY_LOG_LEVEL: 'warn',
        RUST_BACKTRACE: '0',
        SENTRY_DISABLE_UPDATE_CHECK: 'true',
      },
      timeoutMs: 120_000,
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
