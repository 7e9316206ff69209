// The VS Code user settings every e2e session starts with: quiet, deterministic screens and no network chatter.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Settings = Record<string, unknown>;

/** Defaults that keep the workbench and its screenshots free of welcome pages, chat, tips and update checks. */
export const defaultSettings: Settings = {
  'workbench.startupEditor': 'none',
  // Restricted Mode disables extensions that do not fully support untrusted workspaces; tests of that behaviour turn it back on.
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  // Alert toasts would cover what other tests look at and click; tests of alerts turn them back on.
  'sentryInsight.alerts.enabled': false,
};

/** Writes `User/settings.json` in a user data dir: the defaults with `overrides` on top. */
export function writeUserSettings(userDataDir: string, overrides: Settings = {}): Settings {
  const settings = { ...defaultSettings, ...overrides };
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  return settings;
}
