// `sentry-insight scan`: loads the release's issues and prints the workspace lines in their stack traces.
import { resolve } from 'node:path';
import type { Logger } from '../core/log';
import { scan } from '../core/scan/scan';
import { lastValue, type ParsedArgs } from './args';
import { progressLine } from './progressLine';
import { scanJson, scanText } from './scanOutput';

export const scanArgs = { valued: ['url', 'org', 'project', 'release', 'environment', 'workspace', 'period'], switches: ['json', 'help', 'verbose'] };

export const exitCodes = { ok: 0, failed: 1, configuration: 2 } as const;

export async function runScan(args: ParsedArgs, io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream; env: NodeJS.ProcessEnv; cwd: string; log: Logger }): Promise<number> {
  const progress = progressLine(io.stderr);
  const result = await scan({
    url: lastValue(args, 'url'),
    org: lastValue(args, 'org'),
    project: lastValue(args, 'project'),
    release: lastValue(args, 'release'),
    environments: args.options.get('environment'),
    statsPeriod: lastValue(args, 'period'),
    workspaceDir: resolve(io.cwd, lastValue(args, 'workspace') ?? '.'),
    env: io.env,
    log: io.log,
    onProgress: (message) => progress.update(message),
  });
  progress.done();
  if (!result.ok) {
    const failure = result.error;
    io.stderr.write(`sentry-insight: ${failure.kind === 'configuration' ? failure.message : failure.error.message}\n`);
    return failure.kind === 'configuration' ? exitCodes.configuration : exitCodes.failed;
  }
  if (args.switches.has('json')) {
    io.stdout.write(`${JSON.stringify(scanJson(result.value), null, 2)}\n`);
  } else {
    for (const warning of result.value.warnings) io.stderr.write(`warning: ${warning}\n`);
    io.stdout.write(scanText(result.value));
  }
  return exitCodes.ok;
}
