// Runs the built `sentry-insight` (dist/cli.js) in a clean environment, and makes temp workspaces for it to read.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before } from 'node:test';
import { defaultScenario, scenarioSources, startFakeSentry, type FakeSentry } from '../../support/fakeSentry';
import { findRepoRoot } from '../../support/fakeSentry/repoRoot';

const cli = join(findRepoRoot(), 'dist', 'cli.js');

/** HOME for runs that do not set one: empty, so neither the developer's nor a shared ~/.sentryclirc is ever read. */
export const emptyHome = mkdtempSync(join(tmpdir(), 'sentry-insight-home-'));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], env: Record<string, string> = {}, cwd?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd,
      // A clean environment: nothing from the developer's own SENTRY_* variables leaks in.
      env: { PATH: process.env.PATH ?? '', HOME: emptyHome, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The path of the built CLI, for tests that run it from elsewhere. */
export const cliPath = cli;

export function makeWorkspace(files: Record<string, string> = scenarioSources): string {
  const dir = mkdtempSync(join(tmpdir(), 'sentry-insight-ws-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A fake Sentry with the default scenario and a workspace of its sources, for the tests of one `describe`. */
export interface CliFixture {
  readonly fake: FakeSentry;
  readonly workspace: string;
}

/** Starts the fixture before the suite's tests and removes it after them; read its fields inside tests. */
export function useCliFixture(): CliFixture {
  const fixture = {} as { fake: FakeSentry; workspace: string };
  before(async () => {
    fixture.fake = await startFakeSentry({ data: defaultScenario() });
    fixture.workspace = makeWorkspace();
  });
  after(async () => {
    await fixture.fake.close();
    rmSync(fixture.workspace, { recursive: true, force: true });
  });
  return fixture;
}
