// The one typed reader of the extension's settings, with change events. Settings that can redirect requests (the
// server URL, path mappings) come from user settings only while the workspace is untrusted.
import * as vscode from 'vscode';
import type { AlertSettings } from '../core/alerts/alertSettings';
import { settingDefaults as defaults, storeLimitSettings } from '../core/config/settingDefaults';
import { storeLimitFromUnits, type StoreLimits } from '../core/local/store/storeLimits';
import type { PathMapping } from '../core/resolve/frame';
import type { MarkFilter } from '../core/state/markFilter';

const section = 'sentryInsight';

export type TreeSort = 'users' | 'events' | 'lastSeen';

export interface FolderSettings {
  readonly url?: string;
  readonly organization?: string;
  readonly project?: string;
  readonly release?: string;
  readonly environments: readonly string[];
  readonly pathMappings: readonly PathMapping[];
}

export interface Settings {
  folder(folder: vscode.WorkspaceFolder | undefined): FolderSettings;
  readonly statsPeriod: string;
  readonly inlineAnnotations: boolean;
  readonly codeLens: boolean;
  readonly diagnostics: boolean;
  readonly refreshIntervalMinutes: number;
  readonly showUserData: boolean;
  readonly treeSort: TreeSort;
  readonly localPort: number;
  /** How much the embedded local Sentry's store keeps; a value out of bounds keeps the store's default. */
  readonly localStoreLimits: Partial<StoreLimits>;
  readonly alerts: AlertSettings;
  /** Which issues the line marks show: all, or only those new in the folder's release. */
  readonly marksShow: MarkFilter;
  /** Writes a folder-scoped setting (project, organization, release, environments) for one workspace folder. */
  setForFolder(
    folder: vscode.WorkspaceFolder,
    key: 'organization' | 'project' | 'release' | 'environments',
    value: unknown,
  ): Thenable<void>;
  setGlobal(
    key: 'url' | 'inlineAnnotations.enabled' | 'marks.show' | 'alerts.quietMode',
    value: unknown,
  ): Thenable<void>;
  readonly onDidChange: vscode.Event<void>;
  /** Fires only for settings that change what is loaded (server, project, release, environments, mappings, period). */
  readonly onDidChangeConnection: vscode.Event<void>;
}

const connectionKeys = ['url', 'organization', 'project', 'release', 'environments', 'pathMappings', 'statsPeriod'].map(
  (key) => `${section}.${key}`,
);

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function mappings(value: unknown): PathMapping[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    const { stackRoot, sourceRoot } = (item ?? {}) as { stackRoot?: unknown; sourceRoot?: unknown };
    return typeof stackRoot === 'string' && typeof sourceRoot === 'string' ? [{ stackRoot, sourceRoot }] : [];
  });
}

/** The user-level value only: what a workspace's own settings cannot override. */
function userValue<T>(config: vscode.WorkspaceConfiguration, key: string): T | undefined {
  return config.inspect<T>(key)?.globalValue;
}

export function createSettings(): Settings & vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const connectionChanged = new vscode.EventEmitter<void>();
  const listener = vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(section)) changed.fire();
    if (connectionKeys.some((key) => event.affectsConfiguration(key))) connectionChanged.fire();
  });
  const trustListener = vscode.workspace.onDidGrantWorkspaceTrust(() => {
    changed.fire();
    connectionChanged.fire();
  });
  const global = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration(section);
  return {
    folder(folder) {
      const config = vscode.workspace.getConfiguration(section, folder);
      const trusted = vscode.workspace.isTrusted;
      return {
        url: text(trusted ? config.get('url') : userValue(config, 'url')),
        organization: text(config.get('organization')),
        project: text(config.get('project')),
        release: text(config.get('release')),
        environments: (config.get<unknown[]>('environments') ?? []).filter(
          (item): item is string => typeof item === 'string' && item.trim() !== '',
        ),
        pathMappings: mappings(trusted ? config.get('pathMappings') : userValue(config, 'pathMappings')),
      };
    },
    get statsPeriod() {
      return text(global().get('statsPeriod')) ?? defaults.statsPeriod;
    },
    get inlineAnnotations() {
      return global().get<boolean>('inlineAnnotations.enabled') ?? defaults['inlineAnnotations.enabled'];
    },
    get codeLens() {
      return global().get<boolean>('codeLens.enabled') ?? defaults['codeLens.enabled'];
    },
    get diagnostics() {
      return global().get<boolean>('diagnostics.enabled') ?? defaults['diagnostics.enabled'];
    },
    get refreshIntervalMinutes() {
      const minutes = global().get<number>('refreshIntervalMinutes') ?? defaults.refreshIntervalMinutes;
      return Number.isFinite(minutes) && minutes > 0 ? Math.max(1, minutes) : 0;
    },
    get showUserData() {
      return global().get<boolean>('showUserData') ?? defaults.showUserData;
    },
    get localPort() {
      const port = global().get<number>('local.port') ?? defaults['local.port'];
      return Number.isInteger(port) && port > 0 && port < 65536 ? port : defaults['local.port'];
    },
    get localStoreLimits() {
      const limits: Partial<Record<keyof StoreLimits, number>> = {};
      for (const [limit, key] of Object.entries(storeLimitSettings) as Array<
        [keyof StoreLimits, keyof typeof defaults]
      >) {
        const value = storeLimitFromUnits(limit, global().get<number>(key) ?? Number.NaN);
        if (value !== undefined) limits[limit] = value;
      }
      return limits;
    },
    get marksShow() {
      return global().get<string>('marks.show') === 'newInRelease' ? 'newInRelease' : defaults['marks.show'];
    },
    get alerts() {
      const threshold =
        global().get<number>('alerts.eventsPerHourThreshold') ?? defaults['alerts.eventsPerHourThreshold'];
      const cooldown = global().get<number>('alerts.cooldownHours') ?? defaults['alerts.cooldownHours'];
      return {
        enabled: global().get<boolean>('alerts.enabled') ?? defaults['alerts.enabled'],
        quietMode: global().get<boolean>('alerts.quietMode') ?? defaults['alerts.quietMode'],
        eventsPerHourThreshold: Number.isFinite(threshold) && threshold > 0 ? threshold : 0,
        cooldownHours: Number.isFinite(cooldown) && cooldown > 0 ? cooldown : 0,
      };
    },
    get treeSort() {
      const sort = global().get<string>('tree.sortBy');
      return sort === 'events' || sort === 'lastSeen' ? sort : defaults['tree.sortBy'];
    },
    setForFolder(folder, key, value) {
      return vscode.workspace
        .getConfiguration(section, folder)
        .update(key, value, vscode.ConfigurationTarget.WorkspaceFolder);
    },
    setGlobal(key, value) {
      return global().update(key, value, vscode.ConfigurationTarget.Global);
    },
    onDidChange: changed.event,
    onDidChangeConnection: connectionChanged.event,
    dispose() {
      connectionChanged.dispose();
      listener.dispose();
      trustListener.dispose();
      changed.dispose();
    },
  };
}
