// An event's breadcrumbs as rows of the panel's table, newest first, read leniently: one odd crumb must not hide the rest.
import { z } from 'zod';
import type { IssueEvent } from '../api/eventSchema';
import type { BreadcrumbView } from './issueViewModel';
import { pageText } from './pageText';

const maxBreadcrumbs = 100;

const crumbSchema = z.looseObject({
  timestamp: z.union([z.string(), z.number()]).nullish().catch(undefined),
  type: z.string().nullish().catch(undefined),
  category: z.string().nullish().catch(undefined),
  level: z.string().nullish().catch(undefined),
  message: z.unknown().optional(),
  data: z.unknown().optional(),
});
const crumbsSchema = z.looseObject({ values: z.array(z.unknown()).nullish().catch(undefined) });

/** ISO strings from the Web API; unix seconds (with fractions) from the ingest format. */
function isoOf(timestamp: string | number | null | undefined): string | undefined {
  if (timestamp === null || timestamp === undefined) return undefined;
  const millis = typeof timestamp === 'number' ? timestamp * 1000 : Date.parse(timestamp);
  return Number.isFinite(millis) ? new Date(millis).toISOString() : undefined;
}

function dataText(data: unknown): string {
  if (data === null || data === undefined) return '';
  if (typeof data !== 'object' || Array.isArray(data)) return pageText(data, 1000);
  const pairs = Object.entries(data as Record<string, unknown>).map(
    ([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
  );
  return pageText(pairs.join(', '), 1000);
}

function breadcrumbView(raw: unknown): BreadcrumbView | undefined {
  const crumb = crumbSchema.safeParse(raw);
  if (!crumb.success) return undefined;
  const iso = isoOf(crumb.data.timestamp);
  return {
    // UTC time of day to the millisecond: crumbs cluster within seconds of the error.
    time: iso ? iso.slice(11, 23) : '',
    timestamp: iso ?? '',
    type: pageText(crumb.data.type ?? 'default', 100),
    category: pageText(crumb.data.category ?? crumb.data.type ?? 'default', 200),
    level: pageText(crumb.data.level ?? 'info', 50),
    message: pageText(crumb.data.message ?? '', 2000),
    data: dataText(crumb.data.data),
  };
}

export function breadcrumbViews(event: IssueEvent): { breadcrumbs: BreadcrumbView[]; omitted: number } {
  const entry = event.entries.find((candidate) => candidate.type === 'breadcrumbs');
  const values = crumbsSchema.safeParse(entry?.data).data?.values ?? [];
  const rows = values.map(breadcrumbView).filter((row): row is BreadcrumbView => row !== undefined);
  const newestFirst = rows.reverse();
  return {
    breadcrumbs: newestFirst.slice(0, maxBreadcrumbs),
    omitted: Math.max(0, newestFirst.length - maxBreadcrumbs),
  };
}
