// The default of every `sentryInsight.*` setting, in one place: the editor's settings reader falls back to these, the
// CLI and the core use the same facts, and a test checks each against package.json's `contributes.configuration`.
import { defaultAlertSettings } from '../alerts/alertSettings';
import { defaultStatsPeriod } from '../api/statsPeriod';
import { defaultLocalPort } from '../local/localPort';

export const settingDefaults = {
  url: '',
  organization: '',
  project: '',
  release: '',
  environments: [],
  pathMappings: [],
  statsPeriod: defaultStatsPeriod,
  'inlineAnnotations.enabled': true,
  'marks.show': 'all',
  'codeLens.enabled': false,
  'diagnostics.enabled': false,
  refreshIntervalMinutes: 5,
  showUserData: false,
  'tree.sortBy': 'users',
  'local.port': defaultLocalPort,
  'alerts.enabled': defaultAlertSettings.enabled,
  'alerts.quietMode': defaultAlertSettings.quietMode,
  'alerts.eventsPerHourThreshold': defaultAlertSettings.eventsPerHourThreshold,
  'alerts.cooldownHours': defaultAlertSettings.cooldownHours,
} as const;
