// Organizations, projects, members, environments and releases in the Web API's shapes (sentry-api-notes §3.6, §3.7).
import { createHash } from 'node:crypto';
import type { LocalStore } from '../store/localStore';
import type { ReleaseCommit, ReleaseDeploy } from '../store/releaseState';
import type { ProjectRecord } from '../store/storeRecords';
import { environmentsOf, LOCAL_ORG, LOCAL_TEAM, LOCAL_USER, type ReleaseSummary } from './localDirectory';

const iso = (ms: number): string => new Date(ms).toISOString();

/** Product features a project has data for, which the published schema requires; a local project has none of them. */
const PROJECT_FEATURE_FLAGS = [
  'hasFeedbacks',
  'hasFlags',
  'hasInsightsAgentMonitoring',
  'hasInsightsAppStart',
  'hasInsightsAssets',
  'hasInsightsCaches',
  'hasInsightsDb',
  'hasInsightsHttp',
  'hasInsightsMCP',
  'hasInsightsQueues',
  'hasInsightsScreenLoad',
  'hasInsightsVitals',
  'hasLogs',
  'hasMinifiedStackTrace',
  'hasMonitors',
  'hasNewFeedbacks',
  'hasProfiles',
  'hasReplays',
  'hasTraceMetrics',
  'hasUserReports',
];

export function organizationJson(origin: string, created: number): Record<string, unknown> {
  return {
    ...LOCAL_ORG,
    dateCreated: iso(created),
    isEarlyAdopter: false,
    require2FA: false,
    allowMemberInvite: true,
    allowMemberProjectCreation: true,
    allowSuperuserAccess: false,
    hasAuthProvider: false,
    status: { id: 'active', name: 'active' },
    avatar: { avatarType: 'letter_avatar', avatarUuid: null },
    features: [],
    links: { organizationUrl: origin, regionUrl: origin },
  };
}

export function projectJson(
  store: LocalStore,
  project: ProjectRecord,
  latestRelease: ReleaseSummary | undefined,
): Record<string, unknown> {
  const issues = store.issues().filter((issue) => issue.projectId === project.id);
  const firstEvent = issues.reduce<number | undefined>(
    (first, issue) => (first === undefined ? issue.firstSeen : Math.min(first, issue.firstSeen)),
    undefined,
  );
  return {
    id: project.id,
    slug: project.slug,
    name: project.name,
    platform: project.platform,
    platforms: project.platform === null ? [] : [project.platform],
    dateCreated: iso(project.dateCreated),
    isBookmarked: false,
    isInternal: false,
    isPublic: false,
    avatar: { avatarType: 'letter_avatar', avatarUuid: null, avatarUrl: null },
    color: '#3f70b3',
    isMember: true,
    hasAccess: true,
    features: [],
    firstEvent: firstEvent === undefined ? null : iso(firstEvent),
    firstTransactionEvent: false,
    hasSessions: false,
    ...Object.fromEntries(PROJECT_FEATURE_FLAGS.map((flag) => [flag, false])),
    access: ['project:read', 'project:write', 'project:releases', 'event:read', 'event:write'],
    team: null,
    environments: environmentsOf(store, project.id),
    latestRelease: latestRelease === undefined ? null : { version: latestRelease.version },
    status: 'active',
    teams: [],
    organization: { id: LOCAL_ORG.id, slug: LOCAL_ORG.slug, name: LOCAL_ORG.name },
  };
}

/**
 * One project as `GET /api/0/projects/{org}/{project}/` answers it: the list's fields, its team, the whole organization,
 * and the settings the published schema requires, at the values a new Sentry project has (the local server has no
 * settings of its own: it scrubs by Sentry's default rules, groups with its own rules, and keeps no symbol sources).
 */
export function projectDetailJson(
  store: LocalStore,
  project: ProjectRecord,
  latestRelease: ReleaseSummary | undefined,
  origin: string,
): Record<string, unknown> {
  const team = { ...LOCAL_TEAM };
  return {
    ...projectJson(store, project, latestRelease),
    team,
    teams: [team],
    organization: organizationJson(origin, project.dateCreated),
    options: {},
    defaultEnvironment: null,
    allowedDomains: ['*'],
    resolveAge: 0,
    digestsMinDelay: 300,
    digestsMaxDelay: 1800,
    subjectPrefix: '',
    subjectTemplate: '$shortID - $title',
    dataScrubber: true,
    dataScrubberDefaults: true,
    scrubIPAddresses: false,
    sensitiveFields: [],
    safeFields: [],
    relayPiiConfig: null,
    scrapeJavaScript: true,
    scmSourceContextEnabled: false,
    verifySSL: false,
    securityToken: createHash('sha256').update(`project-${project.id}`).digest('hex').slice(0, 32),
    securityTokenHeader: null,
    storeCrashReports: null,
    processingIssues: 0,
    symbolSources: '[]',
    builtinSymbolSources: [],
    debugFilesRole: null,
    groupingConfig: 'newstyle:2023-01-11',
    secondaryGroupingConfig: null,
    secondaryGroupingExpiry: 0,
    groupingEnhancements: '',
    derivedGroupingEnhancements: '',
    fingerprintingRules: '',
    highlightTags: [],
    highlightContext: {},
    highlightPreset: { tags: [], context: {} },
    isDynamicallySampled: false,
    dynamicSamplingBiases: null,
    enableAutoReleaseCreation: false,
    autofixAutomationTuning: 'off',
    seerScannerAutomation: false,
    seerNightshiftTweaks: null,
    tempestFetchScreenshots: false,
  };
}

export function projectRefJson(project: ProjectRecord | undefined, projectId: string): Record<string, unknown> {
  return {
    id: projectId,
    name: project?.name ?? projectId,
    slug: project?.slug ?? projectId,
    platform: project?.platform ?? null,
  };
}

/** The local user in Sentry's user shape, as members and `/auth/` carry it. */
export function localUserJson(created: number): Record<string, unknown> {
  return {
    id: LOCAL_USER.id,
    name: LOCAL_USER.name,
    username: LOCAL_USER.username,
    email: LOCAL_USER.email,
    emails: [{ id: LOCAL_USER.id, email: LOCAL_USER.email, is_verified: true }],
    avatarUrl: '',
    dateJoined: iso(created),
    lastLogin: null,
    lastActive: null,
    experiments: {},
    has2fa: false,
    hasPasswordAuth: false,
    isActive: true,
    isManaged: false,
    isStaff: false,
    isSuperuser: false,
    isSuspended: false,
  };
}

/** The one member of the local organization, in the members list's shape. */
export function memberJson(created: number): Record<string, unknown> {
  const joined = iso(created);
  const user = localUserJson(created);
  const flags = {
    'idp:provisioned': false,
    'idp:role-restricted': false,
    'member-limit:restricted': false,
    'partnership:restricted': false,
    'sso:invalid': false,
    'sso:linked': false,
  };
  return {
    id: LOCAL_USER.id,
    email: LOCAL_USER.email,
    name: LOCAL_USER.name,
    role: 'owner',
    orgRole: 'owner',
    pending: false,
    expired: false,
    inviteStatus: 'approved',
    inviterName: null,
    flags,
    dateCreated: joined,
    user,
  };
}

export function environmentJson(name: string): Record<string, unknown> {
  return { id: String(numericId(name)), name, isHidden: false };
}

export function releaseJson(release: ReleaseSummary, store: LocalStore): Record<string, unknown> {
  const [packageName, version] = splitVersion(release.version);
  const newGroups = [...release.projects.values()].reduce((sum, count) => sum + count, 0);
  const created = release.created;
  const commits = created?.commits ?? [];
  const deploys = created?.deploys ?? [];
  const lastDeploy = deploys[deploys.length - 1];
  return {
    id: numericId(release.version),
    version: release.version,
    // Sentry answers the whole version here (a search for `release:<shortVersion>` must find it).
    shortVersion: release.version,
    status: created?.status ?? 'open',
    versionInfo: { package: packageName, version: { raw: version }, description: version, buildHash: null },
    ref: created?.ref ?? null,
    url: created?.url ?? null,
    data: {},
    owner: null,
    dateCreated: iso(release.dateCreated),
    dateReleased: isoOrNull(created?.dateReleased),
    dateStarted: isoOrNull(created?.dateStarted),
    firstEvent: isoOrNull(release.firstEvent),
    lastEvent: isoOrNull(release.lastEvent),
    newGroups,
    commitCount: commits.length,
    lastCommit: commits[0] === undefined ? null : releaseCommitJson(commits[0]),
    deployCount: deploys.length,
    lastDeploy: lastDeploy === undefined ? null : releaseDeployJson(lastDeploy),
    authors: [
      ...new Map(
        commits
          .filter((commit) => commit.authorEmail !== null)
          .map((commit) => [
            commit.authorEmail,
            { name: commit.authorName ?? commit.authorEmail, email: commit.authorEmail },
          ]),
      ).values(),
    ],
    projects: [...release.projects.entries()].map(([projectId, projectNewGroups]) => {
      const project = store.project(projectId);
      return {
        id: Number(projectId),
        slug: project?.slug ?? `project-${projectId}`,
        name: project?.name ?? `Project ${projectId}`,
        newGroups: projectNewGroups,
        platform: project?.platform ?? null,
        platforms: project?.platform ? [project.platform] : [],
        hasHealthData: false,
      };
    }),
  };
}

export function releaseCommitJson(commit: ReleaseCommit): Record<string, unknown> {
  return {
    id: commit.id,
    message: commit.message,
    dateCreated: isoOrNull(commit.timestamp),
    author:
      commit.authorEmail === null ? null : { name: commit.authorName ?? commit.authorEmail, email: commit.authorEmail },
    repository:
      commit.repository === null
        ? null
        : {
            id: String(numericId(commit.repository)),
            name: commit.repository,
            url: null,
            provider: null,
            status: 'active',
            dateCreated: isoOrNull(commit.timestamp),
          },
    releases: [],
  };
}

export function releaseDeployJson(deploy: ReleaseDeploy): Record<string, unknown> {
  return {
    id: deploy.id,
    environment: deploy.environment,
    name: deploy.name,
    url: deploy.url,
    dateStarted: isoOrNull(deploy.dateStarted),
    dateFinished: iso(deploy.dateFinished),
  };
}

const isoOrNull = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : iso(ms));

/** The short form Sentry shows for `package@version+build`: the part after `@`. */
function splitVersion(version: string): [string | null, string] {
  const at = version.lastIndexOf('@');
  return at > 0 ? [version.slice(0, at), version.slice(at + 1)] : [null, version];
}

/** A stable positive 31-bit number for names that need a numeric id (releases, environments). */
function numericId(text: string): number {
  return Number.parseInt(createHash('md5').update(text).digest('hex').slice(0, 7), 16) + 1;
}
