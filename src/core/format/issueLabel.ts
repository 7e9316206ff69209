// One issue in one line of plain text: the CodeLens title (`✖ SHOP-1A · 1.2k events · 87 users`) and the Problems
// panel message. Event text is flattened with `oneLine`, never trusted.
import type { LineHit } from '../index/issueIndex';
import { compactEventsAndUsers } from './compactCounts';
import { eventsAndUsers } from './counts';
import { levelKind, levelSymbol } from './issueLevel';
import { oneLine } from './untrustedText';

export function issueLensTitle(hit: LineHit, withUsers: boolean): string {
  return `${levelSymbol[levelKind(hit.level)]} ${oneLine(hit.shortId, 40)} · ${compactEventsAndUsers(hit.count, hit.userCount, withUsers)}`;
}

/** `TypeError: Cannot read properties of undefined (1,234 events · 87 users)`. */
export function diagnosticMessage(hit: LineHit, withUsers: boolean): string {
  return `${oneLine(hit.title, 200)} (${eventsAndUsers(hit.count, hit.userCount, withUsers)})`;
}
