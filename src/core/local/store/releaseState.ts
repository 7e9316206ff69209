// Releases created through the Web API (sentry-cli, the bundler plugins): their dates, URL, status, commits and
// deploys, kept as store records so that they survive a restart. Releases that only events name need no record.
import { z } from 'zod';

export const releaseCommitSchema = z.object({
  id: z.string(),
  repository: z.string().nullable(),
  message: z.string().nullable(),
  authorName: z.string().nullable(),
  authorEmail: z.string().nullable(),
  timestamp: z.number().nullable(),
});
export type ReleaseCommit = z.infer<typeof releaseCommitSchema>;

export const releaseDeploySchema = z.object({
  id: z.string(),
  environment: z.string(),
  name: z.string().nullable(),
  url: z.string().nullable(),
  dateStarted: z.number().nullable(),
  dateFinished: z.number(),
});
export type ReleaseDeploy = z.infer<typeof releaseDeploySchema>;

export const releaseStateSchema = z.object({
  version: z.string(),
  /** Project ids. */
  projects: z.array(z.string()),
  dateCreated: z.number(),
  dateStarted: z.number().nullable(),
  dateReleased: z.number().nullable(),
  url: z.string().nullable(),
  ref: z.string().nullable(),
  status: z.enum(['open', 'archived']),
  /** Newest first, as Sentry lists them. */
  commits: z.array(releaseCommitSchema),
  deploys: z.array(releaseDeploySchema),
});
export type ReleaseState = z.infer<typeof releaseStateSchema>;

/** Bounds that keep one client from growing a release without end. */
export const RELEASE_LIMITS = { maxReleases: 10_000, maxCommits: 1_000, maxDeploys: 1_000 } as const;

/** The created releases by version. */
export class ReleaseBook {
  private readonly byVersion = new Map<string, ReleaseState>();

  get size(): number {
    return this.byVersion.size;
  }

  get(version: string): ReleaseState | undefined {
    return this.byVersion.get(version);
  }

  all(): ReleaseState[] {
    return [...this.byVersion.values()];
  }

  put(release: ReleaseState): void {
    this.byVersion.delete(release.version);
    this.byVersion.set(release.version, release);
    // The release changed longest ago goes first when there are too many.
    for (const oldest of this.byVersion.keys()) {
      if (this.byVersion.size <= RELEASE_LIMITS.maxReleases) break;
      this.byVersion.delete(oldest);
    }
  }

  delete(version: string): void {
    this.byVersion.delete(version);
  }
}
