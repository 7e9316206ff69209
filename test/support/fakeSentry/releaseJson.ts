// Release objects as Sentry serializes them, laid over the real release example: list items, details, issue summaries.
import { templates } from './examples';
import { JsonObject } from './json';
import { FakeRelease, FakeSentryData } from './model';

export function findRelease(data: FakeSentryData, org: string, version: string): FakeRelease | undefined {
  return data.releases.find((candidate) => candidate.organization === org && candidate.version === version);
}

/** The org's releases, newest first (by dateCreated), as Sentry's list orders them. */
export function releasesNewestFirst(data: FakeSentryData, org: string): FakeRelease[] {
  return data.releases
    .filter((candidate) => candidate.organization === org)
    .sort((a, b) => Date.parse(b.dateCreated) - Date.parse(a.dateCreated) || b.id - a.id);
}

export function releaseJson(data: FakeSentryData, release: FakeRelease): JsonObject {
  const json = templates.release();
  const newGroups = release.newGroups ?? data.issues.filter((issue) => issue.firstRelease === release.version).length;
  const rows = data.issues.flatMap((issue) => issue.eventCounts.filter((row) => row.release === release.version));
  const firstEvent = rows.map((row) => row.firstSeen).sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;
  const lastEvent = rows.map((row) => row.lastSeen).sort((a, b) => Date.parse(b) - Date.parse(a))[0] ?? null;
  Object.assign(json, {
    id: release.id,
    version: release.version,
    shortVersion: shortVersion(release.version),
    versionInfo: versionInfo(release.version),
    dateCreated: release.dateCreated,
    dateReleased: release.dateReleased,
    newGroups,
    firstEvent,
    lastEvent,
    projects: release.projectIds.flatMap((projectId) => {
      const owner = data.projects.find((candidate) => candidate.id === projectId);
      if (!owner) return [];
      const projectNewGroups = data.issues.filter(
        (issue) => issue.projectId === projectId && issue.firstRelease === release.version,
      ).length;
      return [
        {
          id: Number(owner.id),
          slug: owner.slug,
          name: owner.name,
          newGroups: projectNewGroups,
          platform: owner.platform,
          platforms: [owner.platform],
          hasHealthData: false,
        },
      ];
    }),
  });
  return json;
}

/** `firstRelease`/`lastRelease` on issue details: `{version, shortVersion, dateCreated, dateReleased, ref, url}`. */
export function releaseSummaryJson(data: FakeSentryData, org: string, version: string | null): JsonObject | null {
  if (version === null) return null;
  const release = findRelease(data, org, version);
  return {
    version,
    shortVersion: shortVersion(version),
    dateCreated: release?.dateCreated ?? data.now,
    dateReleased: release?.dateReleased ?? null,
    ref: null,
    url: null,
  };
}

/** A commit SHA is shortened to 7 characters; other versions are kept whole (as in the release examples). */
export function shortVersion(version: string): string {
  return /^[0-9a-f]{40}$/.test(version) ? version.slice(0, 7) : version;
}

export function versionInfo(version: string): JsonObject {
  const packaged = /^([^@]+)@(.+)$/.exec(version);
  const raw = packaged?.[2] ?? version;
  const semver = /^(\d+)\.(\d+)\.(\d+)(?:-([^+]+))?(?:\+(.+))?$/.exec(raw);
  if (!semver) {
    const sha = /^[0-9a-f]{40}$/.test(version);
    return {
      package: packaged?.[1] ?? null,
      version: { raw },
      description: sha ? version.slice(0, 12) : raw,
      buildHash: sha ? version : null,
    };
  }
  const [, major, minor, patch, pre, build] = semver;
  return {
    package: packaged?.[1] ?? null,
    version: {
      raw,
      major: Number(major),
      minor: Number(minor),
      patch: Number(patch),
      pre: pre ?? null,
      buildCode: build ?? null,
      components: 3,
    },
    description: `${major}.${minor}.${patch}${pre ? `-${pre}` : ''}${build ? ` (${build})` : ''}`,
    buildHash: null,
  };
}
