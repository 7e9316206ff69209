// The environment names the environment picker offers: the organization's, those seen in the loaded events' tags,
// and the ones chosen now (so a current choice never disappears from the list).
import { tagOf } from '../../core/api/eventSchema';
import type { IssueSnapshot } from '../../core/state/snapshot';

export function environmentsInSnapshot(snapshot: IssueSnapshot | undefined): string[] {
  if (!snapshot) return [];
  return Object.values(snapshot.events).flatMap((event) => {
    const name = tagOf(event, 'environment');
    return name ? [name] : [];
  });
}

/** Distinct, non-blank, in alphabetical order (case-insensitive). */
export function environmentNames(...sources: ReadonlyArray<readonly string[]>): string[] {
  const names = new Set(
    sources
      .flat()
      .map((name) => name.trim())
      .filter((name) => name !== ''),
  );
  return [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || a.localeCompare(b));
}
