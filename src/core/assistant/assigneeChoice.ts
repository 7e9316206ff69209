// Turns the assignee an assistant names ("me", an e-mail, a name, "#team") into the value Sentry's issue update takes
// (`user:<id>` or `team:<id>`), from the organization's members and teams; a name that fits nobody or several says so.
import type { Member, Team } from '../api/directorySchemas';
import { oneLine } from '../format/untrustedText';
import { err, ok, type Result } from '../result';

export interface AssigneeDirectory {
  readonly members: readonly Member[];
  readonly teams: readonly Team[];
  /** The signed-in user's id, for "me"; undefined when the token names no user. */
  readonly me?: string;
}

export interface ChosenAssignee {
  /** What the issue update sends: `user:<id>` or `team:<id>`. */
  readonly value: string;
  /** Who it is, in words, for the answer. */
  readonly label: string;
}

export function chooseAssignee(wanted: string, directory: AssigneeDirectory): Result<ChosenAssignee, string> {
  const name = wanted.trim().toLowerCase();
  if (name === 'me' || name === 'myself') {
    return directory.me
      ? ok({ value: `user:${directory.me}`, label: 'you' })
      : err('The token names no Sentry user, so "me" cannot be told: name the member by e-mail instead.');
  }
  if (name.startsWith('#') || name.startsWith('team:')) {
    const slug = name.replace(/^#|^team:/, '');
    const team = directory.teams.find((candidate) => candidate.slug.toLowerCase() === slug || candidate.id === slug);
    return team
      ? ok({ value: `team:${team.id}`, label: `team #${oneLine(team.slug, 100)}` })
      : err(
          `No team "${oneLine(slug, 100)}" in the organization. Teams: ${listed(directory.teams.map((entry) => `#${entry.slug}`))}.`,
        );
  }
  const matching = directory.members.filter(
    (member) => member.user?.id !== undefined && namesOf(member).some((candidate) => candidate === name),
  );
  if (matching.length === 1 && matching[0]?.user)
    return ok({ value: `user:${matching[0].user.id}`, label: oneLine(labelOf(matching[0]), 100) });
  if (matching.length > 1) return err(`"${oneLine(wanted, 100)}" fits ${matching.length} members: name one by e-mail.`);
  return err(
    `No member "${oneLine(wanted, 100)}" in the organization. Members: ${listed(directory.members.map(labelOf))}.`,
  );
}

function namesOf(member: Member): string[] {
  const { email, name, user } = member;
  return [email, name, user?.email, user?.name, user?.id]
    .filter((value): value is string => typeof value === 'string' && value !== '')
    .map((value) => value.toLowerCase());
}

function labelOf(member: Member): string {
  const email = member.email ?? member.user?.email;
  const name = member.user?.name ?? member.name;
  return name && email && name !== email ? `${name} <${email}>` : (email ?? name ?? member.user?.id ?? member.id);
}

/** At most 20 names, one line each, so a big organization cannot flood the answer. */
function listed(names: readonly string[]): string {
  if (names.length === 0) return 'none';
  const shown = names.slice(0, 20).map((entry) => oneLine(entry, 100));
  return names.length > shown.length ? `${shown.join(', ')} and ${names.length - shown.length} more` : shown.join(', ');
}
