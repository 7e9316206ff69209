// The time window of an issue search: `statsPeriod` (Sentry, default 90d) or `start`+`end`, counted from the data clock.
import { AnswerNow, detail } from '../answer';
import { RouteContext } from '../context';

const unitMs: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export function timeWindow(context: RouteContext): { start: number; end: number } | undefined {
  const now = Date.parse(context.state.data.now);
  const start = context.query.get('start');
  const end = context.query.get('end');
  if (start !== null || end !== null) {
    const window = { start: Date.parse(start ?? ''), end: Date.parse(end ?? '') };
    if (Number.isNaN(window.start) || Number.isNaN(window.end))
      throw new AnswerNow(detail(400, 'start and end are both required and must be ISO 8601 dates'));
    return window;
  }
  // GlitchTip ignores statsPeriod (sentry-api-notes §7).
  if (context.state.options.flavour === 'glitchtip') return undefined;
  const period = context.query.get('statsPeriod') || '90d';
  const match = /^(\d+)([smhdw])$/.exec(period);
  const unit = match?.[2] === undefined ? undefined : unitMs[match[2]];
  if (!match || unit === undefined) throw new AnswerNow(detail(400, `Invalid statsPeriod: ${period}`));
  return { start: now - Number(match[1]) * unit, end: now };
}
