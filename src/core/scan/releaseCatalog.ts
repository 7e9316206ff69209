// Answers release detection's questions ("does this release exist in the project?", "which is the newest?") from the API.
import type { SentryClient } from '../api/client';
import { ok } from '../result';
import type { ReleaseCatalog } from '../release';

/** `projectId` may still be on its way (asked beside the release); undefined means the project was not found. */
export function catalogOf(
  client: SentryClient,
  org: string,
  projectId: string | Promise<string | undefined>,
  signal?: AbortSignal,
): ReleaseCatalog {
  return {
    async hasRelease(version) {
      const release = await client.release(org, version, signal);
      if (!release.ok) return release.error.kind === 'notFound' ? ok(false) : release;
      // Releases belong to the organization; one of another project is not this workspace's.
      const projects = release.value.projects;
      const id = await projectId;
      return ok(!projects || projects.length === 0 || projects.some((project) => project.id === id));
    },
    async latestRelease() {
      const releases = await client.releases(org, { projectId: await projectId, maxReleases: 1, signal });
      return releases.ok ? ok(releases.value[0]?.version) : releases;
    },
  };
}
