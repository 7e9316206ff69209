// What the page's controls can ask for; main.ts turns these into protocol messages and redraws.
import type { FrameLink, TriageAction } from '../../core/format/issueViewModel';
import type { Toggles } from './toggles';

export interface PageActions {
  triage(action: TriageAction): void;
  openFrame(link: FrameLink): void;
  openInSentry(): void;
  copyLink(): void;
  replay(): void;
  openCommit(sha: string): void;
  assignToOwner(): void;
  askAssistant(request: 'explain' | 'fix'): void;
  refresh(): void;
  openUserDataSetting(): void;
  /** Flips a disclosure and redraws. */
  toggle(key: string, openByDefault: boolean): void;
  readonly toggles: Toggles;
}
