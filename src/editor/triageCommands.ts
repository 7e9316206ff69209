// The triage commands (resolve, archive, assign, bookmark…) for hover links, tree menus (multi-select) and the panel.
import * as vscode from 'vscode';
import type { Member, Team } from '../core/api/directorySchemas';
import type { IssueChange } from '../core/api/issueChange';
import { canApply } from '../core/api/issueChange';
import { commandIds } from './commandIds';
import type { EditorContext } from './ctx';
import { issueIdsFromArgs } from './issueRef';
import { pickText } from '../core/format/untrustedText';
import { ownerAssignment } from '../core/owners/ownerAssignees';
import { ownersOfIssue } from './issueCause';

type ChangeFor = (issueIds: readonly string[], ctx: EditorContext) => Promise<IssueChange | undefined>;

const fixed =
  (change: IssueChange): ChangeFor =>
  async () =>
    change;

const archiveDurations = [
  { label: '30 minutes', minutes: 30 },
  { label: '2 hours', minutes: 120 },
  { label: '6 hours', minutes: 360 },
  { label: '24 hours', minutes: 1440 },
  { label: '1 week', minutes: 10080 },
];

const archiveFor: ChangeFor = async () => {
  const choice = await vscode.window.showQuickPick(archiveDurations, {
    title: 'Archive for how long?',
    placeHolder: 'The issue comes back as unresolved afterwards',
  });
  return choice ? { action: 'archiveFor', minutes: choice.minutes } : undefined;
};

const resolveInCurrentRelease: ChangeFor = async (issueIds, ctx) => {
  const release = issueIds.map((id) => ctx.store.findIssue(id)?.folder.snapshot?.release?.version).find(Boolean);
  if (!release) {
    void vscode.window.showWarningMessage(
      'Sentry: no release is known for this workspace; use Resolve or Resolve in Next Release.',
    );
    return undefined;
  }
  return { action: 'resolveInRelease', release };
};

const assignToMe: ChangeFor = async (issueIds, ctx) => {
  const me = issueIds[0] ? await ctx.currentUserId(issueIds[0]) : undefined;
  if (!me) {
    void vscode.window.showWarningMessage(
      'Sentry: could not tell which Sentry user you are; sign in with a user auth token.',
    );
    return undefined;
  }
  return { action: 'assign', assignee: `user:${me}` };
};

/** The organization's members and teams, or undefined after saying why the members could not be loaded. */
async function membersAndTeams(
  issueId: string,
  ctx: EditorContext,
): Promise<{ members: readonly Member[]; teams: readonly Team[] } | undefined> {
  const [members, teams] = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Loading members and teams' },
    () => Promise.all([ctx.loadMembers(issueId), ctx.loadTeams(issueId)]),
  );
  if (!members.ok) {
    void vscode.window.showErrorMessage(`Sentry: ${members.error.message}`);
    return undefined;
  }
  // Teams need the team:read scope; without it the members are still offered.
  return { members: members.value, teams: teams.ok ? teams.value : [] };
}

const assignTo: ChangeFor = async (issueIds, ctx) => {
  const first = issueIds[0];
  if (!first) return undefined;
  const people = await membersAndTeams(first, ctx);
  if (!people) return undefined;
  const { members, teams } = people;
  const teamItems = teams.map((team) => ({
    label: `$(organization) #${pickText(team.slug)}`,
    description: team.name === undefined ? undefined : pickText(team.name),
    assignee: `team:${team.id}`,
  }));
  const items = [
    { label: '$(circle-slash) Unassigned', assignee: '' },
    ...teamItems,
    ...members.flatMap((member) => {
      const userId = member.user?.id;
      const name = member.user?.name ?? member.name ?? member.email ?? userId;
      const email = member.email ?? member.user?.email;
      return userId
        ? [
            {
              label: pickText(name ?? userId),
              description: email ? pickText(email) : undefined,
              assignee: `user:${userId}`,
            },
          ]
        : [];
    }),
  ];
  const choice = await vscode.window.showQuickPick(items, { title: 'Assign to', matchOnDescription: true });
  if (!choice) return undefined;
  return choice.assignee ? { action: 'assign', assignee: choice.assignee } : { action: 'unassign' };
};

/** The issue's code owners as a Sentry assignee: at once when one team or member surely matches, else picked. */
const assignToOwner: ChangeFor = async (issueIds, ctx) => {
  const first = issueIds[0];
  if (!first) return undefined;
  const name = ctx.store.findIssue(first)?.issue.shortId ?? 'this issue';
  const owners = await ownersOfIssue(ctx, first);
  if (!owners) {
    void vscode.window.showWarningMessage(
      `Sentry: no CODEOWNERS rule (in .github/, the repository root or docs/) names the file where ${pickText(name)} was raised; use Assign To… to pick someone.`,
    );
    return undefined;
  }
  const people = await membersAndTeams(first, ctx);
  if (!people) return undefined;
  const assignment = ownerAssignment(owners.owners, people.members, people.teams);
  const rule = `${owners.file}, ${owners.source} line ${owners.line}`;
  if (assignment.kind === 'none') {
    void vscode.window.showWarningMessage(
      `Sentry: cannot assign ${pickText(name)} to its code owner: ${pickText(assignment.reason)} (${pickText(rule)}). Use Assign To… to pick someone.`,
    );
    return undefined;
  }
  if (assignment.kind === 'assign') return { action: 'assign', assignee: assignment.to.assignee };
  const items = assignment.candidates.map((candidate) => ({
    label: pickText(candidate.label),
    description: candidate.detail === undefined ? undefined : pickText(candidate.detail),
    detail: pickText(`${candidate.sure ? 'is' : 'may be'} ${candidate.owner} in ${rule}`),
    assignee: candidate.assignee,
  }));
  const choice = await vscode.window.showQuickPick(items, {
    title: `Assign ${pickText(name)} to which code owner?`,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return choice ? { action: 'assign', assignee: choice.assignee } : undefined;
};

const toggleBookmark: ChangeFor = async (issueIds, ctx) => {
  const bookmarked = issueIds.every((id) => ctx.store.findIssue(id)?.issue.isBookmarked === true);
  return { action: 'bookmark', bookmarked: !bookmarked };
};

const triageCommands: ReadonlyArray<[string, ChangeFor]> = [
  [commandIds.resolve, fixed({ action: 'resolve' })],
  [commandIds.resolveInNextRelease, fixed({ action: 'resolveInNextRelease' })],
  [commandIds.resolveInCurrentRelease, resolveInCurrentRelease],
  [commandIds.unresolve, fixed({ action: 'unresolve' })],
  [commandIds.archive, fixed({ action: 'archive', until: 'escalating' })],
  [commandIds.archiveFor, archiveFor],
  [commandIds.assignToMe, assignToMe],
  [commandIds.assign, assignTo],
  [commandIds.assignToOwner, assignToOwner],
  [commandIds.bookmark, toggleBookmark],
];

export function registerTriageCommands(ctx: EditorContext): vscode.Disposable {
  return vscode.Disposable.from(
    ...triageCommands.map(([id, changeFor]) =>
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        const issueIds = issueIdsFromArgs(args);
        if (issueIds.length === 0) {
          void vscode.window.showInformationMessage(
            'Sentry: select an issue first (in the Sentry view, a hover or the issue panel).',
          );
          return false;
        }
        const change = await changeFor(issueIds, ctx);
        if (!change) return false;
        const unsupported = issueIds.filter((id) => {
          const capabilities = ctx.capabilitiesOf(id);
          return capabilities !== undefined && !canApply(change.action, capabilities);
        });
        if (unsupported.length > 0) {
          void vscode.window.showWarningMessage(
            'Sentry: this server cannot do that for these issues (GlitchTip supports resolve, unresolve and archive only).',
          );
          return false;
        }
        return ctx.triage(issueIds, change);
      }),
    ),
  );
}
