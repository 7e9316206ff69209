// The fixed parts of the local server's world: its one organization, its one user, and the releases and environments
// derived from the stored issues' events.
import type { LocalStore } from '../store/localStore';

export const LOCAL_ORG = { id: '1', slug: 'local', name: 'Local' } as const;
export const LOCAL_USER = { id: '1', name: 'Local user', email: 'local@localhost', username: 'local' } as const;

export interface ReleaseSummary {
  readonly version: string;
  readonly firstEvent: number;
  readonly lastEvent: number;
  /** Project id → issues first seen in this release. */
  readonly projects: ReadonlyMap<string, number>;
}

/** Releases newest first (by their first event), as Sentry lists them. */
export function releasesOf(store: LocalStore): ReleaseSummary[] {
  const byVersion = new Map<string, { firstEvent: number; lastEvent: number; projects: Map<string, number> }>();
  const countedNew = new Set<string>();
  for (const issue of store.issues()) {
    for (const span of issue.counts.spans()) {
      if (span.release === null) continue;
      const release = byVersion.get(span.release) ?? { firstEvent: span.firstSeen, lastEvent: span.lastSeen, projects: new Map<string, number>() };
      release.firstEvent = Math.min(release.firstEvent, span.firstSeen);
      release.lastEvent = Math.max(release.lastEvent, span.lastSeen);
      const newHere = issue.firstRelease === span.release ? 1 : 0;
      if (!release.projects.has(issue.projectId)) release.projects.set(issue.projectId, 0);
      byVersion.set(span.release, release);
      // An issue counts once per release however many environment buckets it has there.
      if (newHere && !countedNew.has(`${issue.id}\0${span.release}`)) {
        countedNew.add(`${issue.id}\0${span.release}`);
        release.projects.set(issue.projectId, (release.projects.get(issue.projectId) ?? 0) + 1);
      }
    }
  }
  return [...byVersion.entries()]
    .map(([version, release]) => ({ version, ...release }))
    .sort((a, b) => b.firstEvent - a.firstEvent || (a.version < b.version ? 1 : -1));
}

export function environmentsOf(store: LocalStore, projectId?: string): string[] {
  const names = new Set<string>();
  for (const issue of store.issues()) if (projectId === undefined || issue.projectId === projectId) for (const name of issue.counts.environments()) names.add(name);
  return [...names].sort();
}
