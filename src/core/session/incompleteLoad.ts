// How an incomplete load is told: how many issues have no marks because the server was busy or failing, and why.
import { plural } from '../format/counts';
import { oneLine } from '../format/untrustedText';

export interface MissingIssue {
  readonly shortId: string;
  /** What the server answered last, as a sentence. */
  readonly message: string;
}

/** One sentence naming how many issues are missing and the first reason, or undefined when nothing is. */
export function describeMissing(missing: readonly MissingIssue[]): string | undefined {
  const first = missing[0];
  if (!first) return undefined;
  const names =
    missing
      .slice(0, 3)
      .map((entry) => oneLine(entry.shortId, 40))
      .join(', ') + (missing.length > 3 ? ', …' : '');
  return `${plural(missing.length, 'issue')} (${names}) ${missing.length === 1 ? 'has' : 'have'} no marks: the server was busy or failing (${oneLine(first.message, 200).replace(/\.$/, '')}).`;
}

/** What the editor adds: nothing to do but wait, or refresh. */
export const incompleteAdvice = 'They load on the next refresh (Sentry: Refresh).';
