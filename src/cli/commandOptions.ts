// What `scan` and `compare` share on the command line: the connection and workspace options, and how a failure to
// load is told on stderr and turned into an exit code.
import { resolve } from 'node:path';
import type { Logger } from '../core/log';
import type { ScanFailure, ScanOptions } from '../core/scan/scan';
import { lastValue, type ParsedArgs } from './args';

export interface CommandIo {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly log: Logger;
}

export const exitCodes = { ok: 0, failed: 1, configuration: 2 } as const;

/** The options every loading command takes: `--url --org --project --release --environment --period --workspace`. */
export const connectionArgs = ['url', 'org', 'project', 'release', 'environment', 'workspace', 'period'] as const;

export function loadOptions(args: ParsedArgs, io: CommandIo, onProgress: (message: string) => void): ScanOptions {
  return {
    url: lastValue(args, 'url'),
    org: lastValue(args, 'org'),
    project: lastValue(args, 'project'),
    release: lastValue(args, 'release'),
    environments: args.options.get('environment'),
    statsPeriod: lastValue(args, 'period'),
    workspaceDir: resolve(io.cwd, lastValue(args, 'workspace') ?? '.'),
    env: io.env,
    log: io.log,
    onProgress,
  };
}

/** One line on stderr; exit 2 for what the user must fix in the configuration, 1 otherwise. */
export function reportFailure(io: CommandIo, failure: ScanFailure): number {
  io.stderr.write(`sentry-insight: ${failure.kind === 'configuration' ? failure.message : failure.error.message}\n`);
  return failure.kind === 'configuration' ? exitCodes.configuration : exitCodes.failed;
}
