// Turns the Compare Releases view's model nodes into TreeItems: labels, codicons, tooltips and the click command.
import * as vscode from 'vscode';
import type { ComparisonCategory } from '../../core/tracking/releaseComparison';
import { commandIds } from '../commandIds';
import { messageIcons, withId } from '../tree/issueTreeItems';
import type { ComparedIssueNode, ComparisonGroupNode, ComparisonMessageNode, ComparisonNode } from './comparisonModel';

/** The openComparedIssue command's argument. */
export interface ComparedIssueArg {
  readonly issueId: string;
  readonly url?: string;
}

const groupIcons: Readonly<Record<ComparisonCategory, vscode.ThemeIcon>> = {
  new: new vscode.ThemeIcon('sparkle', new vscode.ThemeColor('sentryInsight.errorOverviewRuler')),
  regressed: new vscode.ThemeIcon('issue-reopened', new vscode.ThemeColor('sentryInsight.warningOverviewRuler')),
  gone: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
};

export function comparisonItemOf(node: ComparisonNode): vscode.TreeItem {
  switch (node.kind) {
    case 'folder': {
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon('root-folder');
      return withId(item, node.id, 'comparisonFolder');
    }
    case 'header': {
      const item = new vscode.TreeItem(node.label);
      item.iconPath = new vscode.ThemeIcon('git-compare');
      item.description = node.description;
      item.tooltip = `${node.label}${node.description ? `, ${node.description}` : ''}.\nClick to compare with another release.`;
      item.command = {
        command: commandIds.compareReleases,
        title: 'Compare Releases',
        arguments: [{ folderPath: node.folderPath }],
      };
      return withId(item, node.id, 'comparisonHeader');
    }
    case 'group':
      return groupItem(node);
    case 'issue':
      return issueItem(node);
    case 'message':
      return messageItem(node);
  }
}

function groupItem(node: ComparisonGroupNode): vscode.TreeItem {
  const collapsible =
    node.children.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None;
  const item = new vscode.TreeItem(node.label, collapsible);
  item.iconPath = groupIcons[node.category];
  item.description = node.description;
  item.tooltip = `${node.label}: ${node.description}\n${node.tooltip}`;
  return withId(item, node.id, `comparisonGroup:${node.category}`);
}

function issueItem(node: ComparedIssueNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label);
  item.description = node.description;
  item.tooltip = node.tooltip;
  item.iconPath = new vscode.ThemeIcon(node.category === 'gone' ? 'circle-outline' : 'error');
  item.accessibilityInformation = { label: `${node.label}, ${node.description}` };
  const arg: ComparedIssueArg = { issueId: node.issueId, ...(node.url ? { url: node.url } : {}) };
  item.command = { command: commandIds.openComparedIssue, title: 'Open Issue', arguments: [arg] };
  return withId(item, node.id, `comparedIssue:${node.category}`);
}

function messageItem(node: ComparisonMessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.text);
  item.iconPath = messageIcons[node.severity];
  item.tooltip = node.text;
  if (node.severity === 'error') item.command = { command: commandIds.refreshReleaseComparison, title: 'Retry' };
  return withId(item, node.id, `comparisonMessage:${node.severity}`);
}
