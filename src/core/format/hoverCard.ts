// The hover card of an issue on a marked line, as Markdown for a MarkdownString with theme icons on: what it is,
// how much it hurts, since when, its last 24 hours, and the triage actions that fit its backend and status (the
// panel's rule). Every server-supplied string goes through `escapeMarkdown`; only our own labels and links are Markdown.
import type { BackendCapabilities } from '../api/backend';
import type { Issue } from '../api/issueSchema';
import type { LineHit } from '../index/issueIndex';
import type { IssueStory } from '../tracking/issueStory';
import { formatCount, plural } from './counts';
import { levelIcon, levelKind } from './issueLevel';
import { issueStoryText } from './issueStoryText';
import { statusLabel } from './issueStatus';
import type { TriageAction } from './issueViewModel';
import { commandLink, escapeMarkdown } from './markdownText';
import { bucketTotal, textSparkline } from './textSparkline';
import { timeAgo } from './timeAgo';
import { availableTriageActions, triageLabels, visibleTriageActions } from './triageActions';
import { oneLine } from './untrustedText';

/** The command ids the card links to (the editor passes its own; core does not know them). */
export interface HoverCommandIds extends Readonly<Record<TriageAction, string>> {
  readonly showIssueDetails: string;
  readonly replayInDebugger: string;
  readonly explainWithAi: string;
  readonly fixWithAi: string;
  readonly openInSentry: string;
  readonly copyLink: string;
}

export type HoverIssue = Pick<Issue, 'status' | 'title' | 'level'> &
  Partial<
    Pick<
      Issue,
      'substatus' | 'statusDetails' | 'firstSeen' | 'lastSeen' | 'firstRelease' | 'assignedTo' | 'stats' | 'filtered'
    >
  >;

export interface HoverCardInput {
  readonly hit: LineHit;
  /** The issue as the store has it now (status, assignee, stats); absent if it left the store. */
  readonly issue?: HoverIssue;
  /** Absent when unknown: the actions that need a capability are then left out. */
  readonly capabilities?: BackendCapabilities;
  /** The issue has a page on the server (Open in Sentry, Copy Link). */
  readonly hasLink: boolean;
  readonly commands: HoverCommandIds;
  /** Milliseconds since the epoch, for relative times. */
  readonly now: number;
  /** The issue's story relative to the workspace's release; absent when the store lost the issue. */
  readonly story?: IssueStory;
  /** The workspace's release, what "this release" means in the story. */
  readonly release?: string;
  /** The environments the counts are limited to (the environment filter); empty or absent: all. */
  readonly environments?: readonly string[];
}

export interface HoverMarkdown {
  readonly markdown: string;
  /** Every command the Markdown links to: exactly what `isTrusted.enabledCommands` must allow. */
  readonly commands: readonly string[];
}

interface Action {
  readonly label: string;
  readonly command: string;
}

function text(value: string, maxLength = 160): string {
  return escapeMarkdown(oneLine(value, maxLength));
}

function headline({ hit, issue }: HoverCardInput): string {
  const level = issue?.level ?? hit.level;
  return `${levelIcon[levelKind(level)]} **${text(issue?.title ?? hit.title, 200)}**`;
}

function identity({ hit, issue }: HoverCardInput): string {
  const parts = [text(hit.shortId, 40), text(issue?.level ?? hit.level, 20)];
  if (issue) parts.push(text(statusLabel(issue), 60));
  parts.push(hit.role === 'raised' ? 'raised on this line' : 'this line is in its stack trace');
  const assignee = issue?.assignedTo?.name ?? issue?.assignedTo?.email;
  if (assignee) parts.push(`assigned to ${text(assignee, 60)}`);
  return parts.join(' · ');
}

function impact({ hit, capabilities, environments }: HoverCardInput): string {
  const events = `$(pulse) ${plural(hit.count, 'event')}`;
  const counts = capabilities?.userCounts === false ? events : `${events} · ${plural(hit.userCount, 'user')}`;
  // Counts of a filtered environment say so: 28 events in staging are not 28 in production.
  return environments && environments.length > 0
    ? `${counts} in ${environments.map((name) => text(name, 60)).join(', ')}`
    : counts;
}

function story({ story, release }: HoverCardInput): string | undefined {
  if (!story) return undefined;
  const told = issueStoryText(story, release);
  return `$(tag) **${escapeMarkdown(told.headline)}**${told.releases ? ` · ${escapeMarkdown(told.releases)}` : ''}`;
}

function history({ hit, issue, now, story }: HoverCardInput): string | undefined {
  const firstSeen = timeAgo(hit.firstSeen ?? issue?.firstSeen, now);
  const lastSeen = timeAgo(hit.lastSeen ?? issue?.lastSeen, now);
  // The story line names the releases when there is one.
  const release = story ? undefined : issue?.firstRelease?.version;
  const parts = [
    ...(firstSeen ? [`first seen ${firstSeen}`] : []),
    ...(lastSeen ? [`last seen ${lastSeen}`] : []),
    ...(release ? [`first release ${text(release, 60)}`] : []),
  ];
  return parts.length > 0 ? `$(history) ${parts.join(' · ')}` : undefined;
}

function lastDay({ issue }: HoverCardInput): string | undefined {
  const buckets = issue?.stats?.['24h'] ?? issue?.filtered?.stats?.['24h'];
  if (!buckets || buckets.length === 0) return undefined;
  return `$(graph) last 24 h \`${textSparkline(buckets)}\` ${plural(bucketTotal(buckets), 'event')}`;
}

function staleNote({ hit }: HoverCardInput): string | undefined {
  return hit.stale ? '$(warning) *This code changed since the release: the mark may be off.*' : undefined;
}

const triageIcons: Readonly<Record<TriageAction, string>> = {
  resolve: '$(check)',
  resolveInNextRelease: '$(check-all)',
  unresolve: '$(issue-reopened)',
  archive: '$(archive)',
  assignToMe: '$(person)',
};

/** The panel's rule for which triage actions fit the backend and the status, so hover and panel offer the same. */
function actions({ issue, capabilities, hasLink, commands }: HoverCardInput): Action[] {
  const triage = visibleTriageActions(availableTriageActions(capabilities), issue?.status ?? 'unresolved');
  return [
    { label: '$(open-preview) Open Details', command: commands.showIssueDetails },
    { label: '$(debug-alt) Replay in Debugger', command: commands.replayInDebugger },
    { label: '$(sparkle) Explain with AI', command: commands.explainWithAi },
    { label: '$(sparkle) Fix with AI', command: commands.fixWithAi },
    ...(hasLink ? [{ label: '$(link-external) Open in Sentry', command: commands.openInSentry }] : []),
    ...triage.map((action) => ({ label: `${triageIcons[action]} ${triageLabels[action]}`, command: commands[action] })),
    ...(hasLink ? [{ label: '$(copy) Copy Link', command: commands.copyLink }] : []),
  ];
}

/** One issue's card. */
export function hoverCard(input: HoverCardInput): HoverMarkdown {
  const links = actions(input);
  const paragraphs = [
    headline(input),
    identity(input),
    impact(input),
    story(input),
    history(input),
    lastDay(input),
    staleNote(input),
  ];
  paragraphs.push(links.map((action) => commandLink(action.label, action.command, [input.hit.issueId])).join(' · '));
  return {
    markdown: paragraphs.filter((paragraph): paragraph is string => paragraph !== undefined).join('\n\n'),
    commands: [...new Set(links.map((action) => action.command))],
  };
}

export interface HoverCardsOptions {
  /** Cards beyond this are counted, not drawn: a hover should fit on screen. */
  readonly maxCards?: number;
  /** When the folder's data came from the cache or the last refresh failed: the time of its load. */
  readonly staleSince?: string;
  /** The commit that last changed the line, in words (suspectCommitText); untrusted text, escaped here. */
  readonly suspectCommit?: string;
  /** The Open Commit link after it: the command and its argument (the folder and the commit). */
  readonly openCommit?: {
    readonly command: string;
    readonly argument: { readonly folder: string; readonly sha: string };
  };
  /** The raising file's code owners in words (ownersText), escaped here, and the Assign to Owner link when it applies. */
  readonly owners?: { readonly text: string; readonly assign?: { readonly command: string; readonly issueId: string } };
}

/** The cards of one line, in the order given (most important first), separated by rules. */
export function hoverCards(inputs: readonly HoverCardInput[], options: HoverCardsOptions = {}): HoverMarkdown {
  const maxCards = options.maxCards ?? 4;
  const cards = inputs.slice(0, maxCards).map(hoverCard);
  const sections = cards.map((card) => card.markdown);
  const hidden = inputs.length - cards.length;
  if (hidden > 0)
    sections.push(
      `*${formatCount(hidden)} more ${hidden === 1 ? 'issue' : 'issues'} on this line: see the Sentry view.*`,
    );
  // A fact of the line, not of one issue: said once under the cards.
  const openCommit = options.suspectCommit ? options.openCommit : undefined;
  if (options.suspectCommit)
    sections.push(
      [
        `$(git-commit) This line ${text(options.suspectCommit, 240)}`,
        ...(openCommit ? [commandLink('Open Commit', openCommit.command, [openCommit.argument])] : []),
      ].join(' · '),
    );
  const owners = options.owners;
  if (owners)
    sections.push(
      [
        `$(organization) ${text(owners.text, 400)}`,
        ...(owners.assign ? [commandLink('Assign to Owner', owners.assign.command, [owners.assign.issueId])] : []),
      ].join(' · '),
    );
  const loaded = inputs[0] ? timeAgo(options.staleSince, inputs[0].now) : undefined;
  if (loaded) sections.push(`$(cloud-offline) *Loaded ${loaded}; may be out of date.*`);
  const lineCommands = [
    ...(owners?.assign ? [owners.assign.command] : []),
    ...(openCommit ? [openCommit.command] : []),
  ];
  return {
    markdown: sections.join('\n\n---\n\n'),
    commands: [...new Set([...cards.flatMap((card) => card.commands), ...lineCommands])],
  };
}
