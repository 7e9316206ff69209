// The editor's language-model tools, as package.json contributes them, are the assistant's tools of core: the same
// names (prefixed sentry_), descriptions for the model and input schemas, so the MCP server and the editor's agent read
// one definition; the chat participant's commands are the assistant's requests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { z } from 'zod';
import { findRepoRoot } from '../../../support/fakeSentry/repoRoot';
import {
  assistantRequests,
  chatParticipantId,
  chatParticipantName,
} from '../../../../src/core/assistant/assistantRequests';
import { assistantTools } from '../../../../src/core/assistant/assistantTools';

interface Manifest {
  contributes: {
    languageModelTools: Array<{ name: string; modelDescription: string; displayName: string; inputSchema: unknown }>;
    chatParticipants: Array<{ id: string; name: string; commands: Array<{ name: string }> }>;
    commands: Array<{ command: string }>;
  };
}

const manifest = JSON.parse(readFileSync(join(findRepoRoot(), 'package.json'), 'utf8')) as Manifest;

test('package.json contributes each assistant tool with its description and input schema', () => {
  const contributed = manifest.contributes.languageModelTools;
  assert.deepEqual(
    contributed.map((tool) => tool.name),
    assistantTools.map((tool) => `sentry_${tool.name}`),
  );
  for (const tool of assistantTools) {
    const entry = contributed.find((candidate) => candidate.name === `sentry_${tool.name}`);
    assert.equal(
      entry?.modelDescription,
      tool.description,
      `${tool.name}: regenerate its package.json entry from core/assistant/assistantTools`,
    );
    assert.equal(entry?.displayName, tool.title);
    const { $schema: _schema, ...schema } = z.toJSONSchema(tool.input) as Record<string, unknown>;
    assert.deepEqual(entry?.inputSchema, schema, `${tool.name}'s input schema`);
  }
});

test('the @sentry participant is contributed with the /explain and /fix requests', () => {
  const participant = manifest.contributes.chatParticipants.find((entry) => entry.id === chatParticipantId);
  assert.equal(participant?.name, chatParticipantName);
  assert.deepEqual(
    participant?.commands.map((command) => command.name),
    [...assistantRequests],
  );
});

test('a tool refuses bad input with a message for the model instead of throwing', async () => {
  const context = assistantTools.find((tool) => tool.name === 'issue_context');
  assert.ok(context);
  const unreachable = new Proxy({}, { get: () => assert.fail('the assistant is not asked for bad input') });
  const answer = await context.run(unreachable as never, { issue: '', breadcrumbs: 'many' });
  assert.equal(answer.isError, true);
  assert.match(answer.text, /^Bad input for issue_context: /);
});

test('triage tools ask the user first, naming the issue; read-only tools do not', () => {
  for (const tool of assistantTools) {
    const confirmation = tool.confirmation?.({ issue: 'SHOP-1A', assignee: 'me' });
    if (tool.annotations.destructiveHint)
      assert.match(confirmation?.message ?? '', /SHOP-1A .*Sentry server/, tool.name);
    else assert.equal(confirmation, undefined, tool.name);
  }
});
