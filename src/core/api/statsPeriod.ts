// Sentry's `statsPeriod` (`24h`, `14d`, `90d`): a whole number and a unit, read the same way for the CLI's `--period`
// and the local server's issue search, so a typo is refused before any request instead of being sent.
import { err, ok, type Result } from '../result';

const unitMs: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** The period issue counts and charts cover when nobody chose one (the `sentryInsight.statsPeriod` default, `--period`'s). */
export const defaultStatsPeriod = '14d';

export const statsPeriodAdvice = 'write a whole number and a unit (s, m, h, d or w), such as 24h, 14d or 90d';

/** The period's length in milliseconds, or why the text is not a period. */
export function parseStatsPeriod(text: string): Result<number, string> {
  const match = /^(\d{1,6})([smhdw])$/.exec(text.trim());
  const amount = Number(match?.[1]);
  const ms = unitMs[match?.[2] ?? ''];
  if (!match || ms === undefined || amount === 0) return err(statsPeriodAdvice);
  return ok(amount * ms);
}
