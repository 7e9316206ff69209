// A suspect commit in words, for the hover, the panel and the CLI: "last changed in abc1234 by Jane Doe, 3 days before
// shop@1.4.2: 'Price from catalog'" (and by whom it was rewritten since), or that the line changed after the release. Names and messages are untrusted text: the caller escapes it.
import type { SuspectCommit } from '../suspect/suspectCommit';
import { timeAgo } from './timeAgo';
import { oneLine } from './untrustedText';

export function suspectCommitText(commit: SuspectCommit, now: number): string {
  const who = `${commit.sha.slice(0, 7)} by ${oneLine(commit.author, 60)}`;
  const summary = commit.summary ? `: '${oneLine(commit.summary, 100)}'` : '';
  const release = commit.release;
  if (release && commit.inRelease === false)
    return `changed after ${oneLine(release.version, 60)} in ${who}, ${when(commit.authorTime, now)}${summary}`;
  const at = release ? before(commit.authorTime, release.time, release.version) : when(commit.authorTime, now);
  const since = commit.changedSince
    ? `; rewritten since in ${commit.changedSince.sha.slice(0, 7)} by ${oneLine(commit.changedSince.author, 60)}, ${when(commit.changedSince.authorTime, now)}`
    : '';
  return `last changed in ${who}, ${at}${summary}${since}`;
}

function when(time: number, now: number): string {
  return timeAgo(new Date(time).toISOString(), now) ?? 'at an unknown time';
}

function before(time: number, releaseTime: number, version: string): string {
  const gap = timeAgo(new Date(time).toISOString(), releaseTime);
  const name = oneLine(version, 60);
  return gap && gap !== 'just now' ? `${gap.replace(/ ago$/, '')} before ${name}` : `just before ${name}`;
}
