// How a release is named where space is short, and where its version came from, in words.
import { describeReleaseSource, type ReleaseSource } from '../release';

const fullSha = /^[0-9a-f]{40}$/i;
const maxShortLength = 32;

/** A git SHA as its 7-character short form (also after `name@`); other long versions cut with an ellipsis. */
export function shortReleaseName(version: string): string {
  const at = version.lastIndexOf('@');
  const prefix = at > 0 ? version.slice(0, at + 1) : '';
  const rest = at > 0 ? version.slice(at + 1) : version;
  const short = fullSha.test(rest) ? `${prefix}${rest.slice(0, 7)}` : version;
  return short.length > maxShortLength ? `${short.slice(0, maxShortLength - 1)}…` : short;
}

const releaseSources: readonly string[] = ['option', 'env', 'git', 'package.json'] satisfies ReleaseSource[];

/** The `source` of a loaded release (a candidate source, `latest` or `none`) in words: `git HEAD`, `newest release`. */
export function releaseSourceLabel(source: string): string {
  if (releaseSources.includes(source)) return describeReleaseSource(source as ReleaseSource);
  if (source === 'latest') return 'newest release';
  return source;
}
