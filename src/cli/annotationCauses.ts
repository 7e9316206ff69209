// The suspect commit and code owners of each line `scan --json` lists, where git and CODEOWNERS can tell: git blame
// at the release (one process per line, a few at a time, for at most the first lines) and the owners of each file.
import type { LineHit } from '../core/index/issueIndex';
import { CodeOwners } from '../core/owners/codeOwners';
import { SuspectCommits } from '../core/suspect/suspectCommit';
import { ownersJson, suspectCommitJson, type OwnersJson, type SuspectCommitJson } from './eventOutput';

export interface AnnotationCause {
  readonly suspectCommit: SuspectCommitJson | null;
  readonly owners: OwnersJson | null;
}

/** Lines blamed per scan: beyond them the annotations carry owners only. */
const maxBlamedLines = 500;
const blamesAtOnce = 4;

export function annotationKey(hit: Pick<LineHit, 'folder' | 'file' | 'line'>): string {
  return `${hit.folder}\u0000${hit.file}\u0000${hit.line}`;
}

export async function annotationCauses(
  hits: readonly LineHit[],
  release: string | undefined,
  suspects = new SuspectCommits(),
  codeOwners = new CodeOwners(),
): Promise<Map<string, AnnotationCause>> {
  const lines = [...new Map(hits.map((hit) => [annotationKey(hit), hit] as const)).values()];
  const causes = new Map<string, AnnotationCause>();
  for (let start = 0; start < lines.length; start += blamesAtOnce) {
    await Promise.all(
      lines.slice(start, start + blamesAtOnce).map(async (hit, offset) => {
        const blamed = start + offset < maxBlamedLines;
        const [suspect, owners] = await Promise.all([
          blamed ? suspects.of(hit.folder, hit.file, hit.line, release).catch(() => undefined) : undefined,
          codeOwners.of(hit.folder, hit.file).catch(() => undefined),
        ]);
        causes.set(annotationKey(hit), { suspectCommit: suspectCommitJson(suspect), owners: ownersJson(owners) });
      }),
    );
  }
  return causes;
}
