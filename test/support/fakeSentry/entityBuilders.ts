// Builders for the small entities: organizations, projects, releases, members and code mappings.
import { nextNumericId } from './ids';
import { FakeCodeMapping, FakeMember, FakeOrganization, FakeProject, FakeRelease } from './model';

export function organization(input: Partial<FakeOrganization> = {}): FakeOrganization {
  const slug = input.slug ?? 'acme';
  return {
    id: input.id ?? String(nextNumericId()),
    slug,
    name: input.name ?? titleCase(slug),
    ...pick(input, 'regionUrl', 'organizationUrl'),
  };
}

export function project(input: Partial<FakeProject> = {}): FakeProject {
  const slug = input.slug ?? 'project';
  return {
    id: input.id ?? String(nextNumericId()),
    slug,
    name: input.name ?? slug,
    platform: input.platform ?? 'javascript',
    organization: input.organization ?? 'acme',
  };
}

export function release(input: Partial<FakeRelease> & { version: string }): FakeRelease {
  return {
    id: input.id ?? nextNumericId(),
    version: input.version,
    organization: input.organization ?? 'acme',
    dateCreated: input.dateCreated ?? '2025-05-01T09:00:00Z',
    dateReleased: input.dateReleased === undefined ? null : input.dateReleased,
    projectIds: input.projectIds ?? [],
    ...(input.newGroups !== undefined ? { newGroups: input.newGroups } : {}),
  };
}

export function member(input: Partial<FakeMember> = {}): FakeMember {
  const id = input.id ?? String(nextNumericId());
  const name = input.name ?? `Member ${id}`;
  return {
    id,
    userId: input.userId ?? String(nextNumericId()),
    email: input.email ?? `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@example.com`,
    name,
    organization: input.organization ?? 'acme',
    orgRole: input.orgRole ?? 'member',
  };
}

export function codeMapping(input: Partial<FakeCodeMapping> & { projectId: string }): FakeCodeMapping {
  return {
    id: input.id ?? String(nextNumericId()),
    projectId: input.projectId,
    repoId: input.repoId ?? '1',
    repoName: input.repoName ?? 'acme/app',
    stackRoot: input.stackRoot ?? '',
    sourceRoot: input.sourceRoot ?? '',
    defaultBranch: input.defaultBranch ?? 'main',
    automaticallyGenerated: input.automaticallyGenerated ?? false,
  };
}

function titleCase(slug: string): string {
  return slug.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => (dash ? ' ' : '') + letter.toUpperCase());
}

function pick<T extends object, K extends keyof T>(source: T, ...keys: K[]): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) picked[key] = source[key];
  return picked;
}
