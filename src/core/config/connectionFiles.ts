// Reads the connection settings sentry-cli users already keep in a folder: `.sentryclirc` (INI) and `sentry.properties` (Java properties).
import { join } from 'node:path';
import { readConfigText } from './configText';
import type { ConnectionSettings } from './connectionSettings';
import { parseIni } from './ini';
import { parseJavaProperties } from './javaProperties';

export interface FileSettings {
  readonly settings: ConnectionSettings;
  readonly warnings: readonly string[];
}

export const sentryclircName = '.sentryclirc';
export const sentryPropertiesName = 'sentry.properties';

export async function readSentryclirc(dir: string): Promise<FileSettings> {
  const path = join(dir, sentryclircName);
  const file = await readConfigText(path);
  if (file.kind === 'missing') return { settings: {}, warnings: [] };
  if (file.kind === 'unusable') return { settings: {}, warnings: [skippedFileWarning(path, file.reason)] };
  const ini = parseIni(file.text);
  const defaults = ini.sections.get('defaults');
  const auth = ini.sections.get('auth');
  return {
    settings: {
      url: defaults?.get('url'),
      org: defaults?.get('org'),
      project: defaults?.get('project'),
      token: auth?.get('token'),
    },
    warnings: unreadableLinesWarning(path, ini.unreadableLines),
  };
}

export async function readSentryProperties(dir: string): Promise<FileSettings> {
  const path = join(dir, sentryPropertiesName);
  const file = await readConfigText(path);
  if (file.kind === 'missing') return { settings: {}, warnings: [] };
  if (file.kind === 'unusable') return { settings: {}, warnings: [skippedFileWarning(path, file.reason)] };
  const { entries, unreadableLines } = parseJavaProperties(file.text);
  return {
    settings: {
      url: entries.get('defaults.url'),
      org: entries.get('defaults.org'),
      project: entries.get('defaults.project'),
      token: entries.get('auth.token'),
    },
    warnings: unreadableLinesWarning(path, unreadableLines),
  };
}

function skippedFileWarning(path: string, reason: string): string {
  return `Skipped ${path} because ${reason}.`;
}

/** Names the lines but never quotes them: a broken line may hold a token. */
function unreadableLinesWarning(path: string, lines: readonly number[]): string[] {
  if (lines.length === 0) return [];
  const shown = lines.slice(0, 5).join(', ') + (lines.length > 5 ? ', ...' : '');
  return [`Ignored ${lines.length === 1 ? 'line' : 'lines'} ${shown} of ${path}, which could not be read as settings.`];
}
