// Proves the command-line parser's contract: values in both spellings, repeatable options, clear usage errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lastValue, parseArgs, UsageError } from '../../../src/cli/args';

const spec = { valued: ['org', 'environment'], switches: ['json'] };

test('reads the command, `--flag value`, `--flag=value` and switches', () => {
  const args = parseArgs(['scan', '--org', 'acme', '--environment=prod', '--environment', 'staging', '--json'], spec);
  assert.equal(args.command, 'scan');
  assert.equal(lastValue(args, 'org'), 'acme');
  assert.deepEqual(args.options.get('environment'), ['prod', 'staging']);
  assert.ok(args.switches.has('json'));
});

test('rejects unknown options, missing values and a second command', () => {
  assert.throws(() => parseArgs(['scan', '--nope'], spec), UsageError);
  assert.throws(() => parseArgs(['scan', '--org'], spec), UsageError);
  assert.throws(() => parseArgs(['scan', '--org', '--json'], spec), UsageError);
  assert.throws(() => parseArgs(['scan', 'extra'], spec), UsageError);
  assert.throws(() => parseArgs(['scan', '--json=1'], spec), UsageError);
});
