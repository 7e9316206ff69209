// What each `sentry-insight` command declares: its name, one line for the overview, the options it takes and its help.
import type { ArgSpec } from './args';

export interface CommandSpec {
  readonly name: string;
  /** One line for `sentry-insight --help`. */
  readonly summary: string;
  readonly args: ArgSpec;
  /** The full text of `sentry-insight <name> --help`: usage, options, examples. */
  readonly help: string;
}

/** The switches every command takes. */
export const commonSwitches = ['help', 'verbose'] as const;

/** One line naming the bad input and where the help is, instead of the whole usage text. */
export function usageLine(problem: string, command: string | undefined): string {
  return `sentry-insight: ${problem}; see \`sentry-insight ${command ? `${command} ` : ''}--help\``;
}
