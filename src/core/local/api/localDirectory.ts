// The fixed parts of the local server's world: its one organization, its one user, and the releases and environments
// derived from the stored issues' events.
import type { LocalStore } from '../store/localStore';
import type { ReleaseState } from '../store/releaseState';

export const LOCAL_ORG = { id: '1', slug: 'local', name: 'Local' } as const;
/** The organization's one team, which every local project belongs to. */
export const LOCAL_TEAM = { id: '1', slug: 'local', name: 'Local' } as const;
export const LOCAL_USER = { id: '1', name: 'Local user', email: 'local@localhost', username: 'local' } as const;

export interface ReleaseSummary {
  readonly version: string;
  /** Undefined for a release created through the API that no event has named yet. */
  readonly firstEvent: number | undefined;
  readonly lastEvent: number | undefined;
  /** Project id → issues first seen in this release. */
  readonly projects: ReadonlyMap<string, number>;
  /** What the API set: dates, URL, commits, deploys; undefined for a release only events name. */
  readonly created: ReleaseState | undefined;
  /** When Sentry would say it was created: by the API, else at its first event. */
  readonly dateCreated: number;
}

/** Releases newest first (by their first event), as Sentry lists them. */
export function releasesOf(store: LocalStore): ReleaseSummary[] {
  const byVersion = new Map<string, { firstEvent: number; lastEvent: number; projects: Map<string, number> }>();
  const countedNew = new Set<string>();
  for (const issue of store.issues()) {
    for (const span of issue.counts.spans()) {
      if (span.release === null) continue;
      const release = byVersion.get(span.release) ?? {
        firstEvent: span.firstSeen,
        lastEvent: span.lastSeen,
        projects: new Map<string, number>(),
      };
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
  const summaries: ReleaseSummary[] = [...byVersion.entries()].map(([version, release]) => {
    const created = store.releases.get(version);
    for (const projectId of created?.projects ?? [])
      if (!release.projects.has(projectId)) release.projects.set(projectId, 0);
    return { version, ...release, created, dateCreated: created?.dateCreated ?? release.firstEvent };
  });
  for (const created of store.releases.all()) {
    if (byVersion.has(created.version)) continue;
    summaries.push({
      version: created.version,
      firstEvent: undefined,
      lastEvent: undefined,
      projects: new Map(created.projects.map((id) => [id, 0])),
      created,
      dateCreated: created.dateCreated,
    });
  }
  return summaries.sort((a, b) => b.dateCreated - a.dateCreated || (a.version < b.version ? 1 : -1));
}

export function environmentsOf(store: LocalStore, projectId?: string): string[] {
  const names = new Set<string>();
  for (const issue of store.issues())
    if (projectId === undefined || issue.projectId === projectId)
      for (const name of issue.counts.environments()) names.add(name);
  return [...names].sort();
}
