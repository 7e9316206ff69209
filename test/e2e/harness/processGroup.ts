// Child processes started in their own process group, so that stopping one also stops everything it spawned
// (code-server's extension host, file watcher and pty host); a group still alive when Node exits is killed then.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { onEarlyExit } from './exitCleanup';
import { sleep } from './wait';

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface ProcessGroup {
  child: ChildProcess;
  /** Resolves with the exit code (or signal name) when the leader exits. */
  exited: Promise<number | string>;
  /** SIGTERM to the whole group, then SIGKILL to whatever is left after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts `command` as the leader of a new process group, with stdout and stderr appended to `logFile`. */
export function startProcessGroup(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; logFile: string; cwd: string },
): ProcessGroup {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${command}`);
  const forget = onEarlyExit(() => signalGroup(pid, 'SIGKILL'));
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  const stop = async (graceMs = 5000): Promise<void> => {
    signalGroup(pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
    signalGroup(pid, 'SIGKILL');
    forget();
    log.end();
  };
  return { child, exited, stop };
}
