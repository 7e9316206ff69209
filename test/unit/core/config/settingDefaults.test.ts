// Proves package.json's `contributes.configuration` and the settings reader's fallbacks name the same default for
// every `sentryInsight.*` setting, and that neither has a setting the other lacks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { settingDefaults, storeLimitSettings } from '../../../../src/core/config/settingDefaults';
import { storeLimitBounds, type StoreLimits } from '../../../../src/core/local/store/storeLimits';
import { findRepoRoot } from '../../../support/fakeSentry/repoRoot';

interface ContributedSetting {
  readonly default?: unknown;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
}

function contributedSettings(): Record<string, ContributedSetting> {
  const manifest = JSON.parse(readFileSync(join(findRepoRoot(), 'package.json'), 'utf8')) as {
    contributes: { configuration: unknown };
  };
  const sections = [manifest.contributes.configuration].flat() as Array<{
    properties: Record<string, ContributedSetting>;
  }>;
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

test("the local store's limits are settings with the bounds serve's options have", () => {
  const contributed = contributedSettings();
  for (const [limit, key] of Object.entries(storeLimitSettings) as Array<[keyof StoreLimits, string]>) {
    const setting = contributed[`sentryInsight.${key}`];
    assert.ok(setting !== undefined, `sentryInsight.${key} is contributed`);
    assert.equal(setting.minimum, storeLimitBounds[limit].min, `minimum of ${key}`);
    assert.equal(setting.maximum, storeLimitBounds[limit].max, `maximum of ${key}`);
  }
});
