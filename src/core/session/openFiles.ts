// The open editors first: which listed issues name a file shown in an editor (the list item's `metadata.filename` or
// `culprit`), and the issue searches (`stack.filename:`) that find the others in one round trip whatever N is.
import type { Issue } from '../api/issueSchema';
import { quoteSearchValue } from '../scan/searchQuoting';

/** A search per file: more files than this in visible editors are found through the list items alone. */
const maxFileSearches = 5;

export interface OpenFiles {
  /** Lower-cased base names of the files in visible editors. */
  readonly names: ReadonlySet<string>;
}

export function openFilesOf(paths: readonly string[] | undefined): OpenFiles {
  return { names: new Set((paths ?? []).map(baseName).filter((name) => name.length > 0)) };
}

/** True when the list item names one of the open files; false positives only reorder work. */
export function touchesOpenFile(issue: Issue, open: OpenFiles): boolean {
  if (open.names.size === 0) return false;
  const filename = issue.metadata?.filename;
  if (filename && open.names.has(baseName(filename))) return true;
  // A culprit reads `fn(path)` (JavaScript) or `module in fn` (Python); its path-like words may name the file.
  const culprit = issue.culprit?.toLowerCase() ?? '';
  for (const word of culprit.split(/[\s()]+/)) if (word && open.names.has(baseName(word))) return true;
  return false;
}

/** `stack.filename:*cart.ts` for each open file: any frame of the issue's events ending in that name. */
export function fileSearchTerms(open: OpenFiles): string[] {
  return [...open.names]
    .slice(0, maxFileSearches)
    .map((name) => `stack.filename:${/^[\w.@-]+$/.test(name) ? `*${name}` : quoteSearchValue(`*${name}`)}`);
}

function baseName(path: string): string {
  return (path.split(/[\\/]/).pop() ?? '').toLowerCase();
}
