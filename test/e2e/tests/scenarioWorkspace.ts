// The workspace the e2e tests open: the fake Sentry scenario's sources, a .sentryclirc naming the fake server and the
// scenario's project, and the release in the workspace settings; plus the scenario facts the tests assert on.
import {
  DEFAULT_TOKEN,
  scenario,
  scenarioSources,
  type FakeIssue,
  type FakeSentryData,
} from '../../support/fakeSentry';

export interface ScenarioWorkspaceOptions {
  /** The `url` line of .sentryclirc; left out when undefined. */
  clircUrl?: string;
  /** Extra workspace settings (`.vscode/settings.json`) beside the release. */
  settings?: Record<string, unknown>;
}

/** Files of a workspace whose Sentry project is the scenario's web project in release shop@1.2.0+45. */
export function scenarioWorkspace(options: ScenarioWorkspaceOptions): Record<string, string> {
  const url = options.clircUrl === undefined ? '' : `url = ${options.clircUrl}\n`;
  return {
    ...scenarioSources,
    '.sentryclirc': `[defaults]\n${url}org = ${scenario.org}\nproject = ${scenario.projects.web.slug}\n\n[auth]\ntoken = ${DEFAULT_TOKEN}\n`,
    '.vscode/settings.json': JSON.stringify(
      { 'sentryInsight.release': scenario.releases.v120, ...options.settings },
      null,
      2,
    ),
  };
}

/** The id VS Code gives the extension's status bar item (`<publisher>.<name>.<item id>`). */
export const sentryStatusBarItem = 'sentry-insight.sentry-insight.sentryInsight.status';

/** The accessible name of the Sentry view's tree (the view's name in package.json). */
export const issuesTree = 'Issues';

export function issueById(data: FakeSentryData, id: string): FakeIssue {
  const found = data.issues.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`the scenario has no issue ${id}`);
  return found;
}

/** The issues the workspace's release has open: unresolved, in the web project, with events in shop@1.2.0+45. */
export function openIssuesOfRelease(data: FakeSentryData): FakeIssue[] {
  return data.issues.filter(
    (candidate) =>
      candidate.projectId === scenario.projects.web.id &&
      candidate.status === 'unresolved' &&
      candidate.eventCounts.some((row) => row.release === scenario.releases.v120),
  );
}
