// Proves how CODEOWNERS owners become Sentry assignees: sure matches assign at once, guesses and several matches ask,
// and no match says why.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { memberSchema, teamSchema, type Member, type Team } from '../../../../src/core/api/directorySchemas';
import { ownerAssignment } from '../../../../src/core/owners/ownerAssignees';

const teams: Team[] = [
  teamSchema.parse({ id: '7', slug: 'checkout', name: 'Checkout' }),
  teamSchema.parse({ id: '8', slug: 'platform', name: null }),
];
const members: Member[] = [
  memberSchema.parse({
    id: '1',
    email: 'jane@example.com',
    name: 'Jane Doe',
    user: { id: '42', name: 'Jane Doe', email: 'jane@example.com', username: 'jane' },
  }),
  memberSchema.parse({
    id: '2',
    email: 'bob.smith@example.com',
    name: 'Bob Smith',
    user: { id: '43', name: 'Bob Smith', email: 'bob.smith@example.com' },
  }),
  memberSchema.parse({ id: '3', email: 'invited@example.com', name: 'invited@example.com' }),
];

describe('Assign to Owner', () => {
  test('a team owner @org/slug is assigned to the team with that slug at once', () => {
    assert.deepEqual(ownerAssignment(['@acme/checkout'], members, teams), {
      kind: 'assign',
      to: { assignee: 'team:7', label: '#checkout', detail: 'Checkout', owner: '@acme/checkout', sure: true },
    });
  });

  test('an e-mail owner is assigned to the member with that address, whatever its case', () => {
    const assignment = ownerAssignment(['Bob.Smith@example.com'], members, teams);
    assert.equal(assignment.kind, 'assign');
    assert.equal(assignment.kind === 'assign' && assignment.to.assignee, 'user:43');
  });

  test('a login that matches a name or the start of an e-mail address is a guess the user confirms', () => {
    const assignment = ownerAssignment(['@bobsmith'], members, teams);
    assert.equal(assignment.kind, 'ask');
    assert.deepEqual(
      assignment.kind === 'ask' && assignment.candidates.map((candidate) => [candidate.assignee, candidate.sure]),
      [['user:43', false]],
    );
  });

  test('several owners that match ask which one, sure matches first and each assignee once', () => {
    const assignment = ownerAssignment(['@jane', '@acme/checkout', 'jane@example.com'], members, teams);
    assert.equal(assignment.kind, 'ask');
    assert.deepEqual(assignment.kind === 'ask' && assignment.candidates.map((candidate) => candidate.assignee), [
      'team:7',
      'user:42',
    ]);
  });

  test('an invited member without a user cannot be assigned, and no match says which owners were tried', () => {
    assert.deepEqual(ownerAssignment(['invited@example.com', '@acme/billing'], members, teams), {
      kind: 'none',
      reason: 'no Sentry team slug or member name or e-mail matches invited@example.com, @acme/billing',
    });
  });

  test('a file whose rule names no owners says so', () => {
    assert.equal(ownerAssignment([], members, teams).kind, 'none');
  });
});
