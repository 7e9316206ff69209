// An issue's release story in words, for hover, tree and panel alike: "New in shop@1.4.2", "Carried over from
// shop@1.3.0", "Regressed in shop@1.4.2", "Resolved in shop@1.4.1 · events since", and where it was first and last seen.
// Plain text: release versions come from the server, so each surface escapes or sets it as text.
import type { IssueStory, IssueStoryKind } from '../tracking/issueStory';
import { oneLine } from './untrustedText';

export interface IssueStoryText {
  readonly kind: IssueStoryKind;
  /** What happened to the issue, relative to the workspace's release. */
  readonly headline: string;
  /** `first seen in A · last seen in B` (or `only seen in A`); undefined when the server names neither release. */
  readonly releases?: string;
}

/** Release versions can be long commit-ish strings; a line should still fit. */
const versionLength = 64;

function version(value: string): string {
  return oneLine(value, versionLength);
}

function headlineOf(story: IssueStory, release: string | undefined): string {
  switch (story.kind) {
    case 'new':
      return `New in ${version(release ?? story.firstRelease ?? 'this release')}`;
    case 'carried':
      return story.firstRelease
        ? `Carried over from ${version(story.firstRelease)}`
        : 'Carried over from an earlier release';
    case 'regressed': {
      const where = release ?? story.lastRelease;
      return where ? `Regressed in ${version(where)}` : 'Regressed';
    }
    case 'resolved':
      return [resolvedIn(story.resolvedIn), sinceResolution(story.eventsSinceResolution)].filter(Boolean).join(' · ');
  }
}

function resolvedIn(release: string | undefined): string {
  if (release === 'next') return 'Resolved in the next release';
  return release ? `Resolved in ${version(release)}` : 'Resolved';
}

function sinceResolution(eventsSince: boolean | undefined): string | undefined {
  if (eventsSince === undefined) return undefined;
  return eventsSince ? 'events since' : 'no events since';
}

function releasesOf(story: IssueStory): string | undefined {
  const { firstRelease, lastRelease } = story;
  if (firstRelease && firstRelease === lastRelease) return `only seen in ${version(firstRelease)}`;
  const parts = [
    firstRelease && `first seen in ${version(firstRelease)}`,
    lastRelease && `last seen in ${version(lastRelease)}`,
  ];
  return parts.filter(Boolean).join(' · ') || undefined;
}

/** `release` is the workspace's release (what "this release" means); undefined when the project has none. */
export function issueStoryText(story: IssueStory, release: string | undefined): IssueStoryText {
  const releases = releasesOf(story);
  return { kind: story.kind, headline: headlineOf(story, release), ...(releases ? { releases } : {}) };
}

/** The one word a crowded row shows (tree descriptions): only the stories that call for attention. */
export function storyTag(story: IssueStory): string | undefined {
  return story.kind === 'new' || story.kind === 'regressed' ? story.kind : undefined;
}
