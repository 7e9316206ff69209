// `sentry-insight scan`: loads the release's issues and prints the workspace lines in their stack traces.
import { scan } from '../core/scan/scan';
import { describeMissing } from '../core/session/incompleteLoad';
import type { ParsedArgs } from './args';
import { connectionArgs, exitCodes, loadOptions, reportFailure, type CommandIo } from './commandOptions';
import { progressLine } from './progressLine';
import { scanJson, scanText } from './scanOutput';

export const scanArgs = { valued: [...connectionArgs], switches: ['json', 'help', 'verbose', 'release-facts'] };

export async function runScan(args: ParsedArgs, io: CommandIo): Promise<number> {
  const progress = progressLine(io.stderr);
  const result = await scan({ ...loadOptions(args, io, (message) => progress.update(message)), releaseFacts: args.switches.has('release-facts') });
  progress.done();
  if (!result.ok) return reportFailure(io, result.error);
  if (args.switches.has('json')) {
    io.stdout.write(`${JSON.stringify(scanJson(result.value), null, 2)}\n`);
  } else {
    for (const warning of result.value.warnings) io.stderr.write(`warning: ${warning}\n`);
    io.stdout.write(scanText(result.value));
  }
  // Marks are missing where the server was too busy: a gate must not pass on a partial answer.
  const missing = describeMissing(result.value.missing.map((entry) => ({ shortId: entry.shortId, message: entry.error.message })));
  if (missing) {
    io.stderr.write(`sentry-insight: incomplete: ${missing} Run the scan again to finish.\n`);
    return exitCodes.failed;
  }
  return exitCodes.ok;
}
