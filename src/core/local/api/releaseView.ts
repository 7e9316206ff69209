// One release's Web API object by version, for issue details and event bodies.
import type { LocalStore } from '../store/localStore';
import { releaseJson as releaseSummaryJson } from './directoryJson';
import { releasesOf } from './localDirectory';

export function releaseJson(version: string, store: LocalStore): Record<string, unknown> | undefined {
  const release = releasesOf(store).find((candidate) => candidate.version === version);
  return release === undefined ? undefined : releaseSummaryJson(release, store);
}
