// Proves package.json's `contributes.configuration` and the settings reader's fallbacks name the same default for
// every `sentryInsight.*` setting, and that neither has a setting the other lacks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { settingDefaults } from '../../../../src/core/config/settingDefaults';
import { findRepoRoot } from '../../../support/fakeSentry/repoRoot';

interface ContributedSetting {
  readonly default?: unknown;
}

function contributedSettings(): Record<string, ContributedSetting> {
  const manifest = JSON.parse(readFileSync(join(findRepoRoot(), 'package.json'), 'utf8')) as { contributes: { configuration: unknown } };
  const sections = [manifest.contributes.configuration].flat() as Array<{ properties: Record<string, ContributedSetting> }>;
  return Object.assign({}, ...sections.map((section) => section.properties)) as Record<string, ContributedSetting>;
}

test('every contributed setting has the default the settings reader falls back to', () => {
  const contributed = contributedSettings();
  assert.ok(Object.keys(contributed).length > 0, 'package.json contributes settings');
  for (const [key, setting] of Object.entries(contributed)) {
    assert.ok(key.startsWith('sentryInsight.'), key);
    const name = key.slice('sentryInsight.'.length);
    assert.ok(name in settingDefaults, `${key} has no default in settingDefaults`);
    assert.deepEqual(settingDefaults[name as keyof typeof settingDefaults], setting.default, `default of ${key}`);
  }
  const missing = Object.keys(settingDefaults).filter((name) => !(`sentryInsight.${name}` in contributed));
  assert.deepEqual(missing, [], 'defaults for settings package.json does not contribute');
});
