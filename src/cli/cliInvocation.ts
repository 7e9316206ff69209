// How the user can run `sentry-insight` again from where they are, for the commands the CLI suggests: `npx
// sentry-insight` under npx or an npm script, `sentry-insight` from a global install, else `node <the script>`.
import { basename, isAbsolute, relative, sep } from 'node:path';

export interface Invocation {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The script Node runs (process.argv[1]): a bin link keeps its own name, a plain run names dist/cli.js. */
  readonly script: string;
  readonly cwd: string;
}

export function cliInvocation({ env, script, cwd }: Invocation): string {
  if (env['npm_command'] === 'exec') return 'npx sentry-insight';
  if (basename(script) === 'sentry-insight')
    return script.includes(`${sep}node_modules${sep}.bin${sep}`) ? 'npx sentry-insight' : 'sentry-insight';
  const fromCwd = relative(cwd, script);
  return `node ${shellWord(fromCwd !== '' && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : script)}`;
}

/** A path as one POSIX shell word: left bare when it holds only safe characters, else single-quoted. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
