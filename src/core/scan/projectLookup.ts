// Finds a project by slug in an organization, with a 404 message that lists the slugs the token can see.
import type { SentryClient } from '../api/client';
import type { Project } from '../api/directorySchemas';
import { apiError, type ApiError } from '../api/errors';
import { err, ok, type Result } from '../result';

export async function findProject(
  client: SentryClient,
  org: string,
  slug: string,
  signal?: AbortSignal,
): Promise<Result<Project, ApiError>> {
  const projects = await client.projects(org, signal);
  if (!projects.ok) return projects;
  const project = projects.value.find((candidate) => candidate.slug === slug || candidate.id === slug);
  if (project) return ok(project);
  const known = projects.value.map((candidate) => candidate.slug).sort();
  const hint =
    known.length > 0
      ? ` Projects the token can see: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''}.`
      : ' The token sees no projects there.';
  return err(apiError('notFound', `Project "${slug}" was not found in organization "${org}".${hint}`, { status: 404 }));
}
