// Organizations, projects, members, environments, code mappings and the API index, as Sentry serializes them.
import { templates } from './examples';
import { isJsonObject, JsonObject } from './json';
import { FakeCodeMapping, FakeMember, FakeOrganization, FakeProject, FakeSentryData } from './model';
import { Flavour } from './options';

export function organizationJson(organization: FakeOrganization, serverUrl: string, flavour: Flavour): JsonObject {
  const json: JsonObject = Object.assign(templates.organization(), {
    id: organization.id,
    slug: organization.slug,
    name: organization.name,
    links: {
      organizationUrl: organization.organizationUrl ?? serverUrl,
      regionUrl: organization.regionUrl ?? serverUrl,
    },
  });
  // GlitchTip has no regions, so no `links` (sentry-api-notes §7).
  if (flavour === 'glitchtip') delete json['links'];
  return json;
}

export function projectJson(data: FakeSentryData, project: FakeProject): JsonObject {
  const environments = [
    ...new Set(
      data.issues
        .filter((issue) => issue.projectId === project.id)
        .flatMap((issue) => issue.eventCounts.map((row) => row.environment)),
    ),
  ].sort();
  return Object.assign(templates.project(), {
    id: project.id,
    slug: project.slug,
    name: project.name,
    platform: project.platform,
    platforms: [project.platform],
    environments,
  });
}

/** The organization's environments (`[{id, name}]`), from every event count of its projects, sorted by name. */
export function environmentNames(data: FakeSentryData, org: string): string[] {
  const projectIds = new Set(
    data.projects.filter((project) => project.organization === org).map((project) => project.id),
  );
  const names = data.issues
    .filter((issue) => projectIds.has(issue.projectId))
    .flatMap((issue) => issue.eventCounts.map((row) => row.environment));
  return [...new Set(names)].sort();
}

export function memberJson(member: FakeMember): JsonObject {
  const json = templates.member();
  const user = json['user'];
  const userJson = isJsonObject(user) ? user : {};
  return Object.assign(json, {
    id: member.id,
    email: member.email,
    name: member.name,
    orgRole: member.orgRole,
    user: Object.assign(userJson, {
      id: member.userId,
      name: member.name,
      username: member.email,
      email: member.email,
      emails: [{ id: member.userId, email: member.email, is_verified: true }],
    }),
  });
}

/** Sentry's RepositoryProjectPathConfigSerializer shape (the endpoint is private, so there is no example file). */
export function codeMappingJson(data: FakeSentryData, mapping: FakeCodeMapping): JsonObject {
  const owner = data.projects.find((project) => project.id === mapping.projectId);
  return {
    id: mapping.id,
    projectId: mapping.projectId,
    projectSlug: owner?.slug ?? mapping.projectId,
    repoId: mapping.repoId,
    repoName: mapping.repoName,
    integrationId: '1',
    provider: {
      key: 'github',
      slug: 'github',
      name: 'GitHub',
      canAdd: true,
      canDisable: false,
      features: ['codeowners', 'commits', 'issue-basic', 'stacktrace-link'],
      aspects: {},
    },
    stackRoot: mapping.stackRoot,
    sourceRoot: mapping.sourceRoot,
    defaultBranch: mapping.defaultBranch,
    automaticallyGenerated: mapping.automaticallyGenerated,
  };
}

/** `GET /api/0/`: `auth.scopes` and `user` of the token, or nulls without one. */
export function apiIndexJson(scopes: readonly string[] | null, user: FakeMember | undefined): JsonObject {
  if (scopes === null) return { version: '0', auth: null, user: null };
  const userJson = user ? (memberJson(user)['user'] ?? null) : null;
  return { version: '0', auth: { scopes: [...scopes] }, user: userJson };
}
