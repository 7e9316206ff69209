// `serve`'s options for how much the local store keeps (issue 12: the caps are the user's to choose): each a whole
// number within the store's bounds (core/local/store/storeLimits); unset ones keep the store's defaults.
import {
  defaultStoreLimitInUnits,
  storeLimitBounds,
  storeLimitFromUnits,
  type StoreLimits,
} from '../core/local/store/storeLimits';
import { lastValue, UsageError, type ParsedArgs } from './args';

interface LimitOption {
  readonly option: string;
  readonly limit: keyof StoreLimits;
  readonly described: string;
}

export const storeLimitOptions: readonly LimitOption[] = [
  { option: 'max-events', limit: 'maxEvents', described: 'events kept, the oldest dropped first' },
  {
    option: 'max-events-per-issue',
    limit: 'maxEventsPerIssue',
    described: 'events kept per issue (counts stay whole)',
  },
  { option: 'max-issues', limit: 'maxIssues', described: 'issues kept, the least recently seen dropped first' },
  { option: 'max-store-mb', limit: 'maxEventChars', described: 'megabytes of event bodies kept' },
];

/** The help lines of the options, with their defaults. */
export function storeLimitHelp(): string {
  return storeLimitOptions
    .map(({ option, limit, described }) => {
      const { min, max } = storeLimitBounds[limit];
      const name = `  --${option} N`;
      const text = `${described} (default ${defaultStoreLimitInUnits(limit)}; ${min} to ${max})`;
      // As the other options: the text in the second column, on a line of its own under a long name.
      return name.length < 23 ? `${name.padEnd(23)}${text}` : `${name}\n${' '.repeat(23)}${text}`;
    })
    .join('\n');
}

/** The limits the options set; throws UsageError (exit 2) for a value that is not a whole number within bounds. */
export function storeLimitsOf(args: ParsedArgs): Partial<StoreLimits> {
  const limits: Partial<Record<keyof StoreLimits, number>> = {};
  for (const { option, limit } of storeLimitOptions) {
    const raw = lastValue(args, option);
    if (raw === undefined) continue;
    const value = /^\d+$/.test(raw) ? storeLimitFromUnits(limit, Number(raw)) : undefined;
    const { min, max } = storeLimitBounds[limit];
    if (value === undefined)
      throw new UsageError(`--${option} must be a whole number from ${min} to ${max}, not "${raw}"`);
    limits[limit] = value;
  }
  return limits;
}
