// Proves the alert policy: which issues alert and why, at most one notification per refresh (a summary for several),
// once per cool-down, never for muted issues, nothing in quiet mode, and what it remembers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyAlertMemory, withMuted, type AlertMemory } from '../../../../src/core/alerts/alertMemory';
import { decideAlert, type AlertFolder } from '../../../../src/core/alerts/alertPolicy';
import { defaultAlertSettings, type AlertSettings } from '../../../../src/core/alerts/alertSettings';
import { folder, hitOf, hourly, hoursAfter, issue, newInRelease, now, regressed, release } from './alertFixtures';

function decide(
  folders: AlertFolder[],
  memory: AlertMemory = emptyAlertMemory,
  settings: Partial<AlertSettings> = {},
  at = now,
) {
  return decideAlert({ folders, memory, settings: { ...defaultAlertSettings, ...settings }, now: at });
}

test('a regression alerts with its short id, release and title', () => {
  const decision = decide([folder([issue('1', regressed), issue('2')])]);
  assert.equal(decision.alert?.text, `Sentry: SHOP-1 regressed in ${release}: Error 1`);
  assert.equal(decision.alert?.severity, 'warning');
  assert.deepEqual(
    decision.alert?.issues.map((alerted) => alerted.issueId),
    ['1'],
  );
  assert.deepEqual(Object.keys(decision.memory.alerted), ['1']);
  assert.equal(decision.memory.alerted['1']?.regressed, now.toISOString());
});

test('a new issue of the release alerts only when it touches a workspace file', () => {
  assert.equal(decide([folder([issue('3', newInRelease)])]).alert, undefined, 'new but nowhere in the workspace');
  const decision = decide([folder([issue('3', newInRelease)], [hitOf('3')])]);
  assert.equal(decision.alert?.text, `Sentry: SHOP-3 is new in ${release} and touches this workspace: Error 3`);
  assert.equal(decision.alert?.severity, 'information');
  assert.equal(
    decide([folder([issue('3', newInRelease)], [hitOf('3')], 'shop@1.5.0')]).alert,
    undefined,
    'new in another release than the workspace runs',
  );
});

test('an issue over the events-per-hour threshold alerts; at the threshold or with the threshold off it does not', () => {
  const busy = issue('4', hourly(0, 150));
  assert.equal(decide([folder([busy])]).alert?.text, 'Sentry: SHOP-4 had 150 events in the last hour: Error 4');
  assert.equal(decide([folder([busy])], emptyAlertMemory, { eventsPerHourThreshold: 150 }).alert, undefined);
  assert.equal(decide([folder([busy])], emptyAlertMemory, { eventsPerHourThreshold: 0 }).alert, undefined);
});

test('several issues make one summary, most pressing first, counting each issue once', () => {
  const decision = decide([
    folder(
      [
        issue('5', newInRelease),
        issue('6', { ...newInRelease, ...hourly(0, 300), count: '400' }),
        issue('7', regressed),
        issue('8', newInRelease),
      ],
      [hitOf('5'), hitOf('6'), hitOf('8')],
    ),
  ]);
  assert.equal(
    decision.alert?.text,
    `Sentry (${release}): 1 regression, 1 issue with more than 100 events in the last hour and 2 new issues touching this workspace: "Error 7"; "Error 6"; "Error 5"; and 1 more`,
  );
  assert.deepEqual(
    decision.alert?.issues.map((alerted) => alerted.reasons),
    [['regressed'], ['eventsPerHour', 'newInRelease'], ['newInRelease'], ['newInRelease']],
  );
  assert.deepEqual(decision.memory.alerted['6'], { eventsPerHour: now.toISOString(), newInRelease: now.toISOString() });
});

test('a summary names the issues by their titles, each cut to a short line', () => {
  const long = `TypeError: ${'x'.repeat(200)}`;
  const decision = decide([
    folder(
      [
        issue('5', { ...newInRelease, title: long }),
        issue('6', { ...newInRelease, title: 'RangeError: Invalid quantity, again' }),
      ],
      [hitOf('5'), hitOf('6')],
    ),
  ]);
  const text = decision.alert?.text ?? '';
  assert.match(
    text,
    /^Sentry \([^)]+\): 2 new issues touching this workspace: "TypeError: x+…"; "RangeError: Invalid quantity, again"$/,
  );
  assert.ok(text.length < 200, text);
  assert.doesNotMatch(text, /SHOP-/);
});

test('an issue listed by two folders alerts once, with the reasons of both', () => {
  const decision = decide([
    folder([issue('9', newInRelease)], [hitOf('9')]),
    folder([issue('9', { ...newInRelease, ...hourly(500) })], []),
  ]);
  assert.equal(decision.alert?.issues.length, 1);
  assert.deepEqual(decision.alert?.issues[0]?.reasons, ['eventsPerHour', 'newInRelease']);
});

test('fires once: the next refresh within the cool-down tells nothing, and says it held the issue back', () => {
  const folders = [folder([issue('1', regressed)])];
  const first = decide(folders);
  assert.ok(first.alert);
  const second = decide(folders, first.memory, {}, hoursAfter(now, 1));
  assert.equal(second.alert, undefined);
  assert.deepEqual(second.held, { muted: 0, coolingDown: 1 });
});

test('after the cool-down an issue alerts again only if it had events since its last alert', () => {
  const first = decide([folder([issue('1', regressed)])]);
  const later = hoursAfter(now, 25);
  assert.equal(
    decide([folder([issue('1', regressed)])], first.memory, {}, later).alert,
    undefined,
    'quiet since the alert',
  );
  const again = decide(
    [folder([issue('1', { ...regressed, lastSeen: hoursAfter(now, 24).toISOString() })])],
    first.memory,
    {},
    later,
  );
  assert.equal(again.alert?.issues[0]?.issueId, '1');
  assert.equal(again.memory.alerted['1']?.regressed, later.toISOString());
  const withinShorterCooldown = decide(
    [folder([issue('1', { ...regressed, lastSeen: hoursAfter(now, 1).toISOString() })])],
    first.memory,
    { cooldownHours: 1 },
    hoursAfter(now, 2),
  );
  assert.ok(withinShorterCooldown.alert, 'the cool-down setting is honoured');
});

test('the cool-down is per reason: a regression already told still alerts when its events burst', () => {
  const first = decide([folder([issue('1', regressed)])]);
  const burst = decide(
    [folder([issue('1', { ...regressed, ...hourly(0, 900) })])],
    first.memory,
    {},
    hoursAfter(now, 0.1),
  );
  assert.equal(burst.alert?.text, 'Sentry: SHOP-1 had 900 events in the last hour: Error 1');
});

test('a muted issue never alerts, while the others still do', () => {
  const memory = withMuted(emptyAlertMemory, ['1']);
  const decision = decide([folder([issue('1', regressed), issue('2', regressed)])], memory);
  assert.deepEqual(
    decision.alert?.issues.map((alerted) => alerted.issueId),
    ['2'],
  );
  assert.deepEqual(decision.held, { muted: 1, coolingDown: 0 });
  const onlyMuted = decide([folder([issue('1', { ...regressed, ...hourly(1000) })])], memory, {}, hoursAfter(now, 100));
  assert.equal(onlyMuted.alert, undefined);
  assert.deepEqual(onlyMuted.memory.muted, ['1']);
});

test('quiet mode and disabled alerts show nothing and remember nothing, so the news waits for the end of quiet mode', () => {
  const folders = [folder([issue('1', regressed)])];
  const quiet = decide(folders, emptyAlertMemory, { quietMode: true });
  assert.equal(quiet.alert, undefined);
  assert.equal(quiet.silenced, 'quietMode');
  assert.deepEqual(quiet.memory, emptyAlertMemory);
  assert.equal(decide(folders, emptyAlertMemory, { enabled: false }).silenced, 'disabled');
  assert.ok(decide(folders, quiet.memory).alert, 'told once quiet mode is over');
});

test('nothing qualifying means no alert; carried-over and resolved issues are never news', () => {
  const decision = decide([
    folder([issue('1'), issue('2', { status: 'resolved', substatus: null })], [hitOf('1'), hitOf('2')]),
  ]);
  assert.equal(decision.alert, undefined);
  assert.deepEqual(decision.held, { muted: 0, coolingDown: 0 });
});

test('titles from events are flattened to one safe line', () => {
  const decision = decide([folder([issue('1', { ...regressed, title: 'Boom\n\u001b[31mred\u202eevil' })])]);
  assert.equal(decision.alert?.text, `Sentry: SHOP-1 regressed in ${release}: Boom \ufffd[31mred\ufffdevil`);
});

test("issue ids are per server: muting one server's issue 3 leaves another server's issue 3 alerting", () => {
  const local = { ...folder([issue('3', regressed)]), connection: { url: 'http://127.0.0.1:8963', org: 'local' } };
  const hosted = { ...folder([issue('3', regressed)]), connection: { url: 'https://sentry.example.com', org: 'acme' } };
  const first = decide([local]);
  const muted = withMuted(first.memory, first.alert?.issues.map((alerted) => alerted.key) ?? []);
  assert.equal(decide([local], muted).alert, undefined, 'the muted one stays silent');
  assert.deepEqual(
    decide([hosted], muted).alert?.issues.map((alerted) => alerted.key),
    ['https://sentry.example.com acme 3'],
  );
});
