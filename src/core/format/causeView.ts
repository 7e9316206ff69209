// The panel's "Cause" section from what the workspace says about the raising line: its suspect commit and its file's
// code owners, in the words the hover uses.
import type { FileOwners } from '../owners/codeOwners';
import type { SuspectCommit } from '../suspect/suspectCommit';
import type { CauseView } from './issueViewModel';
import { ownersText } from './ownersText';
import { suspectCommitText } from './suspectCommitText';
import { oneLine } from './untrustedText';

/** What the editor found about the raising line of an issue. */
export interface IssueCause {
  /** The workspace folder, the file inside it (`/`-separated) and today's 1-based line. */
  readonly folder: string;
  readonly file: string;
  readonly line: number;
  readonly suspect?: SuspectCommit;
  readonly owners?: FileOwners;
}

export function causeView(cause: IssueCause, now: number, canAssign: boolean): CauseView {
  const owners = cause.owners;
  return {
    location: `${oneLine(cause.file, 200)}:${cause.line}`,
    ...(cause.suspect
      ? { suspectCommit: { text: `This line ${suspectCommitText(cause.suspect, now)}`, sha: cause.suspect.sha } }
      : {}),
    ...(owners ? { owners: ownersText(cause.file, owners) } : {}),
    assignToOwner: canAssign && (owners?.owners.length ?? 0) > 0,
  };
}
