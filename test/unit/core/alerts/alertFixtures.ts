// Issues, hits and folders for the alert tests, built through the real issue schema so they look as loaded.
import { issueSchema, type Issue } from '../../../../src/core/api/issueSchema';
import type { LineHit } from '../../../../src/core/index/issueIndex';
import type { AlertFolder } from '../../../../src/core/alerts/alertPolicy';

export const release = 'shop@1.4.2';
export const now = new Date('2025-06-01T12:30:00Z');

/** An open issue carried over from an earlier release, seen an hour ago, quiet in the last hour; `fields` override. */
export function issue(id: string, fields: Record<string, unknown> = {}): Issue {
  return issueSchema.parse({
    id,
    shortId: `SHOP-${id}`,
    title: `Error ${id}`,
    status: 'unresolved',
    substatus: 'ongoing',
    project: { id: '1' },
    count: '10',
    lastSeen: '2025-06-01T11:30:00Z',
    firstRelease: { version: 'shop@1.4.0' },
    lastRelease: { version: release },
    ...fields,
  });
}

export const regressed = { substatus: 'regressed' };
export const newInRelease = { substatus: 'new', firstRelease: { version: release } };

/** Hourly buckets ending with the hour of `now`: `lastHours` are the newest counts, oldest first. */
export function hourly(...lastHours: number[]): { stats: { '24h': Array<[number, number]> } } {
  const current = Math.floor(now.getTime() / 3_600_000) * 3600;
  const counts = [...Array(24 - lastHours.length).fill(0), ...lastHours] as number[];
  return { stats: { '24h': counts.map((count, index) => [current - (23 - index) * 3600, count]) } };
}

export function hitOf(issueId: string, file = 'src/cart.ts'): LineHit {
  return {
    issueId,
    shortId: `SHOP-${issueId}`,
    title: `Error ${issueId}`,
    level: 'error',
    role: 'raised',
    count: 1,
    userCount: 1,
    folder: '/ws',
    file,
    line: 3,
    moved: false,
    stale: false,
  };
}

export function folder(issues: Issue[], hits: LineHit[] = [], version: string | undefined = release): AlertFolder {
  return { issues, hits, ...(version ? { release: { version } } : {}) };
}

export function hoursAfter(time: Date, hours: number): Date {
  return new Date(time.getTime() + hours * 3_600_000);
}
