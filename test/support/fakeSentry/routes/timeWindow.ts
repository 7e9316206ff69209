// The time window of a search: `statsPeriod` (Sentry, default 90d) or `start`+`end`, counted from the data clock, read
// by the local server's module (src/core/local/api/timeWindow.ts); GlitchTip has none.
import { timeWindowOf, type TimeWindow } from '../../../../src/core/local/api/timeWindow';
import { RouteContext } from '../context';

export function timeWindow(context: RouteContext): TimeWindow | undefined {
  const now = Date.parse(context.state.data.now);
  // GlitchTip ignores statsPeriod (sentry-api-notes §7), but not start and end.
  if (context.state.options.flavour === 'glitchtip' && !context.query.has('start') && !context.query.has('end'))
    return undefined;
  return timeWindowOf(context.query, now);
}
