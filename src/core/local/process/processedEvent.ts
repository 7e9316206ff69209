// An event after processing: the fields the store indexes and counts by, and its Web API body.
import type { WorkspaceLine } from './frameSymbolicator';

export interface ProcessedEvent {
  readonly eventId: string;
  /** When it happened (ms), from the SDK's timestamp; the receive time when that is missing or in the future. */
  readonly timestamp: number;
  readonly receivedAt: number;
  readonly hash: string;
  readonly level: string;
  readonly platform: string;
  readonly release: string | undefined;
  readonly environment: string | undefined;
  readonly userKey: string | undefined;
  readonly tags: ReadonlyArray<readonly [string, string]>;
  readonly title: string;
  readonly culprit: string;
  readonly type: 'error' | 'default';
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly isUnhandled: boolean;
  /** The Web API event without the fields the store adds when it answers (ids of the issue and neighbours, release). */
  readonly body: Readonly<Record<string, unknown>>;
  /** The body's JSON text, what the store keeps and writes: serialized once, with its `size`. */
  readonly bodyJson: string;
  /** Where it was raised in the workspace: the innermost in-app frame that resolved to a workspace line. */
  readonly raisedAt: WorkspaceLine | undefined;
}
