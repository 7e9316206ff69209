// How commands receive the issues they act on: an issue id (hover links, CodeLens), an object with `issueId` (tree
// nodes, panel messages), or VS Code's (clicked, selected[]) pair from a multi-select tree context menu.

export interface IssueRef {
  readonly issueId: string;
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value) return value;
  const id = (value as Partial<IssueRef> | null | undefined)?.issueId;
  return typeof id === 'string' && id ? id : undefined;
}

/** The distinct issue ids named by a command's arguments; the selection wins over the clicked item when it has several. */
export function issueIdsFromArgs(args: readonly unknown[]): string[] {
  const [clicked, selected] = args;
  const fromSelection = Array.isArray(selected)
    ? selected.map(idOf).filter((id): id is string => id !== undefined)
    : [];
  if (fromSelection.length > 0) return [...new Set(fromSelection)];
  if (Array.isArray(clicked)) return [...new Set(clicked.map(idOf).filter((id): id is string => id !== undefined))];
  const single = idOf(clicked);
  return single ? [single] : [];
}
