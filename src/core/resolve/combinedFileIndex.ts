// Several workspace folders' own file indexes looked up as one, as a single index of all of them would be: the best
// match over every folder, the earlier folder winning a tie. Lets the local server share the editor's per-folder indexes.
import type { WorkspaceFolder } from './frame';
import type { IndexedFile } from './indexedFile';
import type { SuffixMatch } from './suffixMatch';
import { bestMatch, type FileLookup, type FindOptions, type WorkspaceFileIndex } from './workspaceFileIndex';

export class CombinedFileIndex implements FileLookup {
  /** `indexes[i]` indexes `folders[i]` alone; a folder's place in the list is its rank in a tie. */
  constructor(
    readonly folders: readonly WorkspaceFolder[],
    private readonly indexes: readonly WorkspaceFileIndex[],
  ) {}

  find(framePath: string, options: FindOptions = {}): IndexedFile | undefined {
    const only = this.indexes.length === 1 ? this.indexes[0] : undefined;
    if (only !== undefined) return only.find(framePath, options);
    const preferred: RankedMatch[] = [];
    const fallback: RankedMatch[] = [];
    for (const [rank, index] of this.indexes.entries()) {
      const best = index.bestMatches(framePath, options);
      // Each index ranks its own files first; here the folder's place among the folders breaks a tie.
      if (best.preferred) preferred.push(ranked(best.preferred, rank));
      if (best.fallback) fallback.push(ranked(best.fallback, rank));
    }
    return (bestMatch(preferred) ?? bestMatch(fallback))?.file.original;
  }

  filesEndingWith(suffix: string): IndexedFile[] {
    return this.indexes.flatMap((index) => index.filesEndingWith(suffix));
  }
}

/** A folder's best match with the folder's rank among all folders, and the file as its own index has it. */
interface RankedMatch extends SuffixMatch {
  readonly file: IndexedFile & { readonly original: IndexedFile };
}

function ranked(match: SuffixMatch, rank: number): RankedMatch {
  return { matched: match.matched, file: { ...match.file, folderRank: rank, original: match.file } };
}
