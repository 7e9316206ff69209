// A file's code owners in words, for the hover, the panel and the CLI: "Code owners of src/cart.ts: @acme/checkout,
// jane@example.com (.github/CODEOWNERS line 3)". Owners and paths come from the repository: the caller escapes them.
import type { FileOwners } from '../owners/codeOwners';
import { oneLine } from './untrustedText';

const maxOwnersShown = 8;

export function ownersText(file: string, owners: FileOwners): string {
  const rule = `${owners.source} line ${owners.line}`;
  if (owners.owners.length === 0) return `${oneLine(file, 120)} has no code owners (${rule} names none)`;
  const shown = owners.owners.slice(0, maxOwnersShown).map((owner) => oneLine(owner, 80));
  const more = owners.owners.length > shown.length ? ` and ${owners.owners.length - shown.length} more` : '';
  return `Code owners of ${oneLine(file, 120)}: ${shown.join(', ')}${more} (${rule})`;
}
