// The time window of an events or issues query as Sentry reads it: `start` and `end` together, else `statsPeriod`
// counted back from `now` (90 days when absent, Sentry's MAX_STATS_PERIOD default). Bad values are Sentry's 400.
import { parseStatsPeriod } from '../../api/statsPeriod';
import { AnswerNow, detail } from './apiAnswer';

export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

export function timeWindowOf(query: URLSearchParams, now: number, defaultPeriod = '90d'): TimeWindow {
  const start = query.get('start');
  const end = query.get('end');
  if (start !== null || end !== null) {
    const window = { start: Date.parse(start ?? ''), end: Date.parse(end ?? '') };
    if (Number.isNaN(window.start) || Number.isNaN(window.end))
      throw new AnswerNow(detail(400, 'start and end are both required and must be ISO 8601 dates'));
    return window;
  }
  const period = query.get('statsPeriod') || defaultPeriod;
  const length = parseStatsPeriod(period);
  if (!length.ok) throw new AnswerNow(detail(400, `Invalid statsPeriod: ${period}`));
  return { start: now - length.value, end: now };
}
