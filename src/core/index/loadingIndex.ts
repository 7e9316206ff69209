// The index of a load in progress, kept from one partial result to the next: an issue's hits go in once and come out
// only when its hits change, and each result gets a copy that costs the index's files rather than its hits. Rebuilt
// for every partial result, the index cost a load of N issues N hits once a second: at 5,000 issues, a tenth of it.
import { IssueIndex, type LineHit } from './issueIndex';

export class LoadingIndex {
  private readonly index = new IssueIndex();
  /** The hits each issue is in the index with, as given (compared by identity). */
  private readonly indexed = new Map<string, readonly LineHit[]>();

  /** An index of exactly these issues' hits; the issues whose hit lists are the ones given last time cost nothing. */
  indexOf(hitsByIssue: ReadonlyMap<string, readonly LineHit[]>): IssueIndex {
    for (const [issueId, hits] of this.indexed) {
      if (hitsByIssue.get(issueId) === hits) continue;
      this.index.removeIssue(issueId, hits);
      this.indexed.delete(issueId);
    }
    for (const [issueId, hits] of hitsByIssue) {
      if (this.indexed.has(issueId)) continue;
      for (const hit of hits) this.index.add(hit);
      this.indexed.set(issueId, hits);
    }
    return this.index.copy();
  }
}
