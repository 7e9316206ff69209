// Command ids, as contributed in package.json; surfaces use these names rather than string literals.

export const commandIds = {
  signIn: 'sentryInsight.signIn',
  signOut: 'sentryInsight.signOut',
  selectProject: 'sentryInsight.selectProject',
  selectRelease: 'sentryInsight.selectRelease',
  selectEnvironment: 'sentryInsight.selectEnvironment',
  refresh: 'sentryInsight.refresh',
  showIssueDetails: 'sentryInsight.showIssueDetails',
  openInSentry: 'sentryInsight.openInSentry',
  toggleAnnotations: 'sentryInsight.toggleAnnotations',
  /** Switches `sentryInsight.marks.show` between all issues and those new in the release. */
  toggleNewInReleaseMarks: 'sentryInsight.toggleNewInReleaseMarks',
  compareReleases: 'sentryInsight.compareReleases',
  refreshReleaseComparison: 'sentryInsight.refreshReleaseComparison',
  /** Args: `{ issueId: string, url?: string }`; the panel for a loaded issue, else its page on Sentry. */
  openComparedIssue: 'sentryInsight.openComparedIssue',
  showOutput: 'sentryInsight.showOutput',
  resolve: 'sentryInsight.resolve',
  resolveInNextRelease: 'sentryInsight.resolveInNextRelease',
  resolveInCurrentRelease: 'sentryInsight.resolveInCurrentRelease',
  unresolve: 'sentryInsight.unresolve',
  archive: 'sentryInsight.archive',
  archiveFor: 'sentryInsight.archiveFor',
  assignToMe: 'sentryInsight.assignToMe',
  assign: 'sentryInsight.assign',
  assignToOwner: 'sentryInsight.assignToOwner',
  openCommit: 'sentryInsight.openCommit',
  bookmark: 'sentryInsight.bookmark',
  copyLink: 'sentryInsight.copyLink',
  /** Args: `{ uri: string, line: number }` (1-based line); opens the file at the line. */
  openFrame: 'sentryInsight.openFrame',
  statusBarMenu: 'sentryInsight.statusBarMenu',
  /** Args: an issue id or `{ issueId }`; opens its latest event as a stopped debug session. */
  replayInDebugger: 'sentryInsight.replayInDebugger',
  startLocalServer: 'sentryInsight.startLocalServer',
  stopLocalServer: 'sentryInsight.stopLocalServer',
  copyLocalDsn: 'sentryInsight.copyLocalDsn',
  toggleAlertQuietMode: 'sentryInsight.toggleAlertQuietMode',
  unmuteAllAlerts: 'sentryInsight.unmuteAllAlerts',
  /** Args: an issue id or `{ issueId }`; opens the chat on `@sentry /explain`, or copies the context without one. */
  explainWithAi: 'sentryInsight.explainWithAi',
  fixWithAi: 'sentryInsight.fixWithAi',
} as const;

/** Context keys set for `when` clauses in package.json. */
export const contextKeys = {
  signedIn: 'sentryInsight.signedIn',
  projectSelected: 'sentryInsight.projectSelected',
} as const;
