// Optional CodeLens over lines that raised an error (`sentryInsight.codeLens.enabled`): `✖ SHOP-1A · 1.2k events ·
// 87 users`, opening the issue's details. Registered only while the setting is on, so it costs nothing otherwise.
import * as vscode from 'vscode';
import { issueLensTitle } from '../core/format/issueLabel';
import { oneLine } from '../core/format/untrustedText';
import { commandIds } from './commandIds';
import type { EditorContext } from './ctx';
import type { MarkedLines } from './markedLines';

/** Lenses per line; more issues are counted in a last, plain lens. */
const maxLensesPerLine = 3;

export class IssueCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly marks: MarkedLines) {}

  /** Store data changed; edits are handled by VS Code, which asks again after the text changes. */
  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const place = this.marks.placeOf(document);
    if (!place) return [];
    const facts = this.marks.factsOf(place.folderPath);
    const lenses: vscode.CodeLens[] = [];
    for (const { line, hits } of this.marks.linesOf(document)) {
      if (line >= document.lineCount) continue;
      const raised = hits.filter((hit) => hit.role === 'raised' && !facts.isClosed(hit.issueId));
      const range = document.lineAt(line).range;
      for (const hit of raised.slice(0, maxLensesPerLine)) {
        lenses.push(
          new vscode.CodeLens(range, {
            title: issueLensTitle(hit, facts.withUsers),
            tooltip: oneLine(hit.title, 200),
            command: commandIds.showIssueDetails,
            arguments: [hit.issueId],
          }),
        );
      }
      const more = raised.length - maxLensesPerLine;
      // A lens with an empty command is shown as plain text.
      if (more > 0) lenses.push(new vscode.CodeLens(range, { title: `+${String(more)} more`, command: '' }));
    }
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Follows `sentryInsight.codeLens.enabled`: registers the provider while it is on. */
export function registerIssueCodeLens(ctx: EditorContext, marks: MarkedLines): vscode.Disposable {
  let active: { provider: IssueCodeLensProvider; registration: vscode.Disposable } | undefined;
  const update = (): void => {
    if (ctx.settings.codeLens && !active) {
      const provider = new IssueCodeLensProvider(marks);
      active = { provider, registration: vscode.languages.registerCodeLensProvider({ scheme: 'file' }, provider) };
    } else if (!ctx.settings.codeLens && active) {
      active.registration.dispose();
      active.provider.dispose();
      active = undefined;
    }
  };
  update();
  const subscriptions = [
    ctx.settings.onDidChange(update),
    marks.onDidChange((change) => {
      if (change.kind !== 'document') active?.provider.refresh();
    }),
  ];
  return new vscode.Disposable(() => {
    for (const subscription of subscriptions) subscription.dispose();
    active?.registration.dispose();
    active?.provider.dispose();
    active = undefined;
  });
}
