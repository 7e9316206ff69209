// Which Sentry team or member a CODEOWNERS owner stands for. GitHub names people by login and teams as `@org/slug`;
// Sentry knows team slugs and members' names and e-mail addresses. A team slug or an e-mail address that is equal is
// sure; a login that equals a member's name or the start of an e-mail address is a guess the user confirms.
import type { Member, Team } from '../api/directorySchemas';

export interface OwnerAssignee {
  /** What Sentry's assign takes: `team:<id>` or `user:<id>`. */
  readonly assignee: string;
  /** `#checkout` for a team, the member's name otherwise. */
  readonly label: string;
  readonly detail?: string;
  /** The CODEOWNERS owner it matched. */
  readonly owner: string;
  readonly sure: boolean;
}

export type OwnerAssignment =
  | { readonly kind: 'assign'; readonly to: OwnerAssignee }
  /** Several candidates, or guesses only: the user picks. */
  | { readonly kind: 'ask'; readonly candidates: readonly OwnerAssignee[] }
  | { readonly kind: 'none'; readonly reason: string };

/** Every team and member some owner matches, sure ones first, each once. */
export function ownerAssignees(
  owners: readonly string[],
  members: readonly Member[],
  teams: readonly Team[],
): OwnerAssignee[] {
  const found = owners.flatMap((owner) => [...teamsFor(owner, teams), ...membersFor(owner, members)]);
  const byAssignee = new Map<string, OwnerAssignee>();
  for (const candidate of found.sort((a, b) => Number(b.sure) - Number(a.sure)))
    if (!byAssignee.has(candidate.assignee)) byAssignee.set(candidate.assignee, candidate);
  return [...byAssignee.values()];
}

/** Assign at once only to one sure match; ask when there are several or only guesses; say why when none matches. */
export function ownerAssignment(
  owners: readonly string[],
  members: readonly Member[],
  teams: readonly Team[],
): OwnerAssignment {
  if (owners.length === 0) return { kind: 'none', reason: 'the file has no code owners in CODEOWNERS' };
  const candidates = ownerAssignees(owners, members, teams);
  const only = candidates[0];
  if (only && candidates.length === 1 && only.sure) return { kind: 'assign', to: only };
  if (candidates.length > 0) return { kind: 'ask', candidates };
  return { kind: 'none', reason: `no Sentry team slug or member name or e-mail matches ${owners.join(', ')}` };
}

function teamsFor(owner: string, teams: readonly Team[]): OwnerAssignee[] {
  if (!owner.startsWith('@')) return [];
  // `@org/slug` names a team; a bare `@login` might be a team slug too, but that is a guess.
  const slash = owner.indexOf('/');
  const wanted = (slash > 0 ? owner.slice(slash + 1) : owner.slice(1)).toLowerCase();
  return teams.flatMap((team) => {
    const bySlug = team.slug.toLowerCase() === wanted;
    const byName = team.name !== undefined && loose(team.name) === loose(wanted);
    if (!bySlug && !byName) return [];
    return [
      {
        assignee: `team:${team.id}`,
        label: `#${team.slug}`,
        ...(team.name ? { detail: team.name } : {}),
        owner,
        sure: bySlug && slash > 0,
      },
    ];
  });
}

function membersFor(owner: string, members: readonly Member[]): OwnerAssignee[] {
  if (owner.startsWith('@') && owner.includes('/')) return [];
  const email = owner.startsWith('@') ? undefined : owner.toLowerCase();
  const login = owner.startsWith('@') ? owner.slice(1) : undefined;
  return members.flatMap((member) => {
    const userId = member.user?.id;
    if (userId === undefined) return [];
    const emails = [member.email, member.user?.email]
      .filter((value): value is string => typeof value === 'string')
      .map((value) => value.toLowerCase());
    const names = [member.name, member.user?.name, member.user?.username].filter(
      (value): value is string => typeof value === 'string',
    );
    const sure = email !== undefined && emails.includes(email);
    const guess =
      login !== undefined &&
      (names.some((name) => loose(name) === loose(login)) ||
        emails.some((address) => loose(address.split('@')[0] ?? '') === loose(login)));
    if (!sure && !guess) return [];
    const label = names[0] ?? emails[0] ?? String(userId);
    return [{ assignee: `user:${userId}`, label, ...(emails[0] ? { detail: emails[0] } : {}), owner, sure }];
  });
}

/** Letters and digits only, lower case: "Jane Doe", "jane.doe" and "JaneDoe" compare equal. */
function loose(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}
