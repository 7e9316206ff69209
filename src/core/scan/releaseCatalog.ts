// Answers release detection's questions ("does this release exist in the project?", "which is the newest?") from the API.
import type { SentryClient } from '../api/client';
import { ok } from '../result';
import type { ReleaseCatalog } from '../release';

export function catalogOf(client: SentryClient, org: string, projectId: string, signal?: AbortSignal): ReleaseCatalog {
  return {
    async hasRelease(version) {
      const release = await client.release(org, version, signal);
      if (!release.ok) return release.error.kind === 'notFound' ? ok(false) : release;
      // Releases belong to the organization; one of another project is not this workspace's.
      const projects = release.value.projects;
      return ok(!projects || projects.length === 0 || projects.some((project) => project.id === projectId));
    },
    async latestRelease() {
      const releases = await client.releases(org, { projectId, maxReleases: 1, signal });
      return releases.ok ? ok(releases.value[0]?.version) : releases;
    },
  };
}
