// Turns the Sentry view's model nodes into TreeItems: labels, codicons in theme colours, tooltips and click commands.
import * as vscode from 'vscode';
import { releaseSourceLabel } from '../../core/format/releaseName';
import { commandIds } from '../commandIds';
import type { IssueRef } from '../issueRef';
import { issueDescription, issueIcon, issueTooltip } from './issueRow';
import type { EnvironmentNode, FrameNode, IssueNode, IssueTreeNode, MessageNode, ReleaseNode } from './issueTreeModel';

/** What the release and environment rows pass to their pickers, so a multi-root workspace knows which folder. */
export interface FolderArg {
  readonly folderPath: string;
}

/** The openFrame command's argument (commandIds.openFrame). */
export interface FrameArg {
  readonly uri: string;
  readonly line: number;
}

export function treeItemOf(node: IssueTreeNode, now: Date): vscode.TreeItem {
  switch (node.kind) {
    case 'folder': {
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon('root-folder');
      return withId(item, node.id, 'folder');
    }
    case 'release':
      return releaseItem(node);
    case 'environment':
      return environmentItem(node);
    case 'issue':
      return issueItem(node, now);
    case 'frame':
      return frameItem(node);
    case 'message':
      return messageItem(node);
  }
}

/** Gives a row its stable id (kept selected and expanded across redraws) and the context value its menus test. */
export function withId(item: vscode.TreeItem, id: string, contextValue: string): vscode.TreeItem {
  item.id = id;
  item.contextValue = contextValue;
  return item;
}

function releaseItem(node: ReleaseNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.release?.version ?? 'All releases');
  item.iconPath = new vscode.ThemeIcon('tag');
  item.description = node.release ? releaseSourceLabel(node.release.source) : 'the project has no releases';
  item.tooltip = node.release
    ? `Release ${node.release.version}, from ${releaseSourceLabel(node.release.source)}.\nClick to choose another release.`
    : 'The project has no releases, so issues of every release are shown.\nClick to choose a release.';
  item.command = {
    command: commandIds.selectRelease,
    title: 'Select Release',
    arguments: [{ folderPath: node.folderPath } satisfies FolderArg],
  };
  return withId(item, node.id, 'release');
}

function environmentItem(node: EnvironmentNode): vscode.TreeItem {
  const names = node.environments.join(', ');
  const item = new vscode.TreeItem(names || 'All environments');
  item.iconPath = new vscode.ThemeIcon('server-environment');
  item.description = 'environment';
  item.tooltip = `${names ? `Events of ${names} only` : 'Events of every environment'}.\nClick to choose the environment.`;
  item.command = {
    command: commandIds.selectEnvironment,
    title: 'Select Environment',
    arguments: [{ folderPath: node.folderPath } satisfies FolderArg],
  };
  return withId(item, node.id, 'environment');
}

function issueItem(node: IssueNode, now: Date): vscode.TreeItem {
  const collapsible =
    node.frames.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
  const item = new vscode.TreeItem(node.issue.title, collapsible);
  const icon = issueIcon(node.issue);
  item.iconPath = new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
  item.description = issueDescription(node.issue, node.withUsers, node.story);
  item.tooltip = issueTooltip(node.issue, node.withUsers, now, { story: node.story, release: node.release });
  item.accessibilityInformation = { label: `${node.issue.shortId}: ${node.issue.title}, ${item.description}` };
  item.command = {
    command: commandIds.showIssueDetails,
    title: 'Show Issue Details',
    arguments: [{ issueId: node.issueId } satisfies IssueRef],
  };
  return withId(item, node.id, node.contextValue);
}

function frameItem(node: FrameNode): vscode.TreeItem {
  const item = new vscode.TreeItem(`${node.file}:${node.line}`);
  const raised = node.role === 'raised';
  item.iconPath = new vscode.ThemeIcon(raised ? 'debug-stackframe-focused' : 'debug-stackframe');
  item.description = [raised ? 'raised here' : 'caller', node.moved ? 'line moved since the release' : undefined]
    .filter(Boolean)
    .join(' · ');
  const uri = vscode.Uri.joinPath(vscode.Uri.file(node.folder), ...node.file.split('/'));
  item.tooltip = `${uri.fsPath}:${node.line}`;
  item.command = {
    command: commandIds.openFrame,
    title: 'Open Frame',
    arguments: [{ uri: uri.toString(), line: node.line } satisfies FrameArg],
  };
  return withId(item, node.id, 'frame');
}

/** The icons of status rows, shared with the Compare Releases view. */
export const messageIcons: Readonly<Record<MessageNode['severity'], vscode.ThemeIcon>> = {
  loading: new vscode.ThemeIcon('loading~spin'),
  info: new vscode.ThemeIcon('info'),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
};

function messageItem(node: MessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.text);
  item.iconPath = messageIcons[node.severity];
  item.tooltip = node.detail ? `${node.text}\n${node.detail}` : node.text;
  if (node.severity === 'error' || node.severity === 'warning') {
    item.command = { command: commandIds.showOutput, title: 'Show Output' };
  }
  return withId(item, node.id, `message:${node.severity}`);
}
