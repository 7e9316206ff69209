// `sentry-insight compare`: what changed between the workspace's release and the one before it (or `--base`), for
// release gates in CI: `--fail-on new,regressed` exits 3 when any named category holds an issue.
import { compareWorkspace } from '../core/tracking/compareWorkspace';
import { comparisonCategories, type ComparisonCategory } from '../core/tracking/releaseComparison';
import { lastValue, UsageError, type ParsedArgs } from './args';
import { connectionArgs, exitCodes, loadOptions, reportFailure, type CommandIo } from './commandOptions';
import { compareJson, compareText, failingCategories } from './compareOutput';
import { progressLine } from './progressLine';

export const compareArgs = { valued: [...connectionArgs, 'base', 'fail-on'], switches: ['json', 'help', 'verbose'] };

/** The exit code of a comparison that found issues in a `--fail-on` category. */
export const gateFailedExitCode = 3;

export async function runCompare(args: ParsedArgs, io: CommandIo): Promise<number> {
  let failOn: ComparisonCategory[];
  try {
    failOn = parseFailOn(args.options.get('fail-on') ?? []);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`sentry-insight: ${error.message}\n`);
    return exitCodes.configuration;
  }
  const progress = progressLine(io.stderr);
  const result = await compareWorkspace({ ...loadOptions(args, io, (message) => progress.update(message)), base: lastValue(args, 'base') });
  progress.done();
  if (!result.ok) return reportFailure(io, result.error);
  if (args.switches.has('json')) {
    io.stdout.write(`${JSON.stringify(compareJson(result.value), null, 2)}\n`);
  } else {
    for (const warning of result.value.warnings) io.stderr.write(`warning: ${warning}\n`);
    io.stdout.write(compareText(result.value));
  }
  const failing = failingCategories(result.value, failOn);
  if (failing.length === 0) return exitCodes.ok;
  io.stderr.write(`sentry-insight: release gate failed: ${failing.map((category) => `${result.value[category].length} ${category}`).join(', ')}\n`);
  return gateFailedExitCode;
}

/** `--fail-on new,regressed` (repeatable, comma-separated). */
export function parseFailOn(values: readonly string[]): ComparisonCategory[] {
  const named = values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  for (const name of named) {
    if (!(comparisonCategories as readonly string[]).includes(name)) throw new UsageError(`--fail-on takes ${comparisonCategories.join(', ')} (comma-separated), not "${name}"`);
  }
  return [...new Set(named as ComparisonCategory[])];
}
