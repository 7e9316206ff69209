// The default of every `sentryInsight.*` setting, in one place: the editor's settings reader falls back to these, the
// CLI and the core use the same facts, and a test checks each against package.json's `contributes.configuration`.
import { defaultAlertSettings } from '../alerts/alertSettings';
import { defaultStatsPeriod } from '../api/statsPeriod';
import { defaultLocalPort } from '../local/localPort';
import { defaultStoreLimitInUnits, type StoreLimits } from '../local/store/storeLimits';

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
  'local.maxEvents': defaultStoreLimitInUnits('maxEvents'),
  'local.maxEventsPerIssue': defaultStoreLimitInUnits('maxEventsPerIssue'),
  'local.maxIssues': defaultStoreLimitInUnits('maxIssues'),
  'local.maxStoreMb': defaultStoreLimitInUnits('maxEventChars'),
  'alerts.enabled': defaultAlertSettings.enabled,
  'alerts.quietMode': defaultAlertSettings.quietMode,
  'alerts.eventsPerHourThreshold': defaultAlertSettings.eventsPerHourThreshold,
  'alerts.cooldownHours': defaultAlertSettings.cooldownHours,
} as const;

/** The setting of each local store limit, in the unit storeLimitBounds gives (megabytes for the event bodies). */
export const storeLimitSettings = {
  maxEvents: 'local.maxEvents',
  maxEventsPerIssue: 'local.maxEventsPerIssue',
  maxIssues: 'local.maxIssues',
  maxEventChars: 'local.maxStoreMb',
} as const satisfies Record<keyof StoreLimits, keyof typeof settingDefaults>;
