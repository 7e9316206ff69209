// Starts code-server (a real VS Code workbench served over HTTP) on 127.0.0.1 with a free port, and installs extensions into it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import type { E2eTools } from './paths';
import { startProcessGroup, type ProcessGroup } from './processGroup';
import { WaitAborted, waitFor } from './wait';

export interface CodeServerDirs {
  /** VS Code's user data (settings, state, logs). */
  userDataDir: string;
  extensionsDir: string;
  /** Everything else code-server would write under the home folder (config.yaml, XDG folders). */
  homeDir: string;
  logFile: string;
}

export interface RunningCodeServer {
  /** The workbench URL that opens `folder`. */
  workbenchUrl: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * The environment code-server runs in: Node 24 first on PATH, HOME and home-folder state in the test's temp dir,
 * and no VSCODE_* variables inherited from an editor this run may have been started from (they turn code-server into a CLI client).
 */
function codeServerEnv(tools: E2eTools, dirs: CodeServerDirs): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('VSCODE_') && key !== 'NODE_OPTIONS') env[key] = value;
  }
  env['PATH'] = `${dirname(tools.node)}:${process.env['PATH'] ?? ''}`;
  // The extension reads ~/.sentryclirc as sentry-cli does: the runner's own must not configure the editor under test.
  env['HOME'] = dirs.homeDir;
  env['XDG_CONFIG_HOME'] = join(dirs.homeDir, 'config');
  env['XDG_DATA_HOME'] = join(dirs.homeDir, 'data');
  env['XDG_CACHE_HOME'] = join(dirs.homeDir, 'cache');
  return env;
}

function commonArgs(tools: E2eTools, dirs: CodeServerDirs): string[] {
  return [
    tools.codeServerEntry,
    '--config',
    join(dirs.homeDir, 'config.yaml'),
    '--user-data-dir',
    dirs.userDataDir,
    '--extensions-dir',
    dirs.extensionsDir,
  ];
}

/** Installs a .vsix the way a user would (`code-server --install-extension`), bounded to 60 s. */
export function installVsix(tools: E2eTools, dirs: CodeServerDirs, vsix: string): void {
  const result = spawnSync(tools.node, [...commonArgs(tools, dirs), '--install-extension', vsix], {
    env: codeServerEnv(tools, dirs),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0 || !result.stdout.includes('successfully installed')) {
    throw new Error(`installing ${vsix} failed (status ${String(result.status)}):\n${result.stdout}\n${result.stderr}`);
  }
}

/** A port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port assigned'));
      });
    });
  });
}

async function healthy(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

function logTail(logFile: string): string {
  try {
    return readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Starts code-server on `folder` and waits (at most `startTimeoutMs`) until it answers /healthz. */
export async function startCodeServer(
  tools: E2eTools,
  dirs: CodeServerDirs,
  folder: string,
  startTimeoutMs = 60_000,
  extraArgs: readonly string[] = [],
): Promise<RunningCodeServer> {
  const port = await freePort();
  const args = [
    ...commonArgs(tools, dirs),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...extraArgs,
    folder,
  ];
  const group: ProcessGroup = startProcessGroup(tools.node, args, {
    env: codeServerEnv(tools, dirs),
    logFile: dirs.logFile,
    cwd: folder,
  });
  let exitedEarly: number | string | undefined;
  void group.exited.then((status) => {
    exitedEarly = status;
  });
  try {
    await waitFor(
      async () => {
        if (exitedEarly !== undefined)
          throw new WaitAborted(`code-server exited (${String(exitedEarly)}) before answering`);
        return (await healthy(port)) ? true : undefined;
      },
      { what: `code-server to answer on 127.0.0.1:${port}`, timeoutMs: startTimeoutMs, intervalMs: 250 },
    );
  } catch (error) {
    await group.stop();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n--- code-server log (${dirs.logFile}) ---\n${logTail(dirs.logFile)}`);
  }
  return {
    port,
    workbenchUrl: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`,
    stop: () => group.stop(),
  };
}
