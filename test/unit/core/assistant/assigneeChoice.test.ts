// Proves how the assistant's assignee words become Sentry's assignee value: "me", e-mails and names of members in any
// case, "#team" slugs, and a refusal naming the candidates when nobody or several fit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseAssignee } from '../../../../src/core/assistant/assigneeChoice';
import { memberSchema, teamSchema } from '../../../../src/core/api/directorySchemas';

const members = [
  memberSchema.parse({
    id: 'm1',
    email: 'jane@example.com',
    user: { id: '11', name: 'Jane Doe', email: 'jane@example.com' },
  }),
  memberSchema.parse({ id: 'm2', email: 'sam@example.com', user: { id: '12', name: 'Sam', email: 'sam@example.com' } }),
  memberSchema.parse({
    id: 'm3',
    email: 'sam.b@example.com',
    user: { id: '13', name: 'Sam', email: 'sam.b@example.com' },
  }),
  memberSchema.parse({ id: 'm4', email: 'invited@example.com' }),
];
const teams = [teamSchema.parse({ id: '7', slug: 'backend', name: 'Backend' })];

test('"me" is the signed-in user, and is refused when the token names none', () => {
  assert.deepEqual(chooseAssignee(' Me ', { members, teams, me: '11' }), {
    ok: true,
    value: { value: 'user:11', label: 'you' },
  });
  assert.equal(chooseAssignee('me', { members, teams }).ok, false);
});

test('a member by e-mail or by a name only they have, in any case', () => {
  assert.deepEqual(chooseAssignee('JANE@example.com', { members, teams }), {
    ok: true,
    value: { value: 'user:11', label: 'Jane Doe <jane@example.com>' },
  });
  assert.deepEqual(chooseAssignee('jane doe', { members, teams }), {
    ok: true,
    value: { value: 'user:11', label: 'Jane Doe <jane@example.com>' },
  });
});

test('a team by #slug or team:slug', () => {
  assert.deepEqual(chooseAssignee('#Backend', { members, teams }), {
    ok: true,
    value: { value: 'team:7', label: 'team #backend' },
  });
  assert.deepEqual(chooseAssignee('team:backend', { members, teams }), {
    ok: true,
    value: { value: 'team:7', label: 'team #backend' },
  });
  const unknown = chooseAssignee('#frontend', { members, teams });
  assert.deepEqual(unknown, { ok: false, error: 'No team "frontend" in the organization. Teams: #backend.' });
});

test('a name several members share, or nobody has, is refused with what to do', () => {
  const shared = chooseAssignee('sam', { members, teams });
  assert.deepEqual(shared, { ok: false, error: '"sam" fits 2 members: name one by e-mail.' });
  const nobody = chooseAssignee('kim', { members, teams });
  assert.equal(nobody.ok, false);
  assert.match(
    nobody.ok ? '' : nobody.error,
    /^No member "kim" in the organization\. Members: Jane Doe <jane@example\.com>, Sam <sam@example\.com>, Sam <sam\.b@example\.com>, invited@example\.com\.$/,
  );
  // An invited member without a user cannot be assigned.
  assert.equal(chooseAssignee('invited@example.com', { members, teams }).ok, false);
});
