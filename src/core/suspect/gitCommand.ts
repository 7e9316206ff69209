// Runs git in a repository as a bounded child process: arguments as an array (no shell), a time and output limit, and
// no repository setting that would start another program (core.fsmonitor) or take the index lock.
import { execFile } from 'node:child_process';
import { err, ok, type Result } from '../result';

const timeoutMs = 5000;
const maxOutputBytes = 1024 * 1024;

/** git's standard output, or one sentence saying why it failed (git missing, not a repository, a bad revision). */
export function runGit(cwd: string, args: readonly string[]): Promise<Result<string, string>> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-c', 'core.fsmonitor=false', ...args],
      {
        cwd,
        timeout: timeoutMs,
        maxBuffer: maxOutputBytes,
        windowsHide: true,
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(ok(stdout));
        const reason =
          (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? 'git is not installed or not on the PATH'
            : firstLine(stderr) || error.message;
        resolve(err(`git ${args[0] ?? ''} failed: ${reason}`));
      },
    );
  });
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]?.trim() ?? '';
}
