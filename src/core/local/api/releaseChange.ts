// Reads the release bodies sentry-cli and the bundler plugins send (create, update, deploy) into release state, as
// Sentry validates them: version rules, project ids or slugs, ISO dates, commits and refs.
import { z } from 'zod';
import type { LocalStore } from '../store/localStore';
import { RELEASE_LIMITS, type ReleaseCommit, type ReleaseDeploy, type ReleaseState } from '../store/releaseState';
import type { StoreRecord } from '../store/storeRecords';
import { AnswerNow, detail } from './apiAnswer';

const isoDate = z.string().nullable().optional();
const commitSchema = z.looseObject({
  id: z.string().min(1).max(64),
  repository: z.string().max(200).nullable().optional(),
  message: z.string().nullable().optional(),
  author_name: z.string().nullable().optional(),
  author_email: z.string().nullable().optional(),
  timestamp: isoDate,
});
const refSchema = z.looseObject({
  repository: z.string().max(200),
  commit: z.string().min(1).max(64),
  previousCommit: z.string().nullable().optional(),
});

export const releaseBodySchema = z.looseObject({
  version: z.string().optional(),
  projects: z.array(z.union([z.string(), z.number()])).optional(),
  url: z.string().max(1000).nullable().optional(),
  ref: z.string().max(1000).nullable().optional(),
  dateStarted: isoDate,
  dateReleased: isoDate,
  status: z.enum(['open', 'archived']).optional(),
  commits: z.array(commitSchema).optional(),
  refs: z.array(refSchema).optional(),
});
type ReleaseBody = z.infer<typeof releaseBodySchema>;

const deployBodySchema = z.looseObject({
  environment: z.string().min(1).max(64),
  name: z.string().max(64).nullable().optional(),
  url: z.string().max(1000).nullable().optional(),
  dateStarted: isoDate,
  dateFinished: isoDate,
});

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new AnswerNow(
      detail(400, parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ')),
    );
  return parsed.data;
}

export const parseReleaseBody = (body: unknown): ReleaseBody => parseBody(releaseBodySchema, body);

/** Sentry's rules: no slashes, tabs or newlines; not `.`, `..` or blank; at most 200 characters. */
export function checkVersion(version: string | undefined): string {
  if (
    version === undefined ||
    version.trim() === '' ||
    version === '.' ||
    version === '..' ||
    version.length > 200 ||
    /[/\\\n\r\t]/.test(version)
  ) {
    throw new AnswerNow(
      detail(
        400,
        `Release with name ${JSON.stringify(version ?? '')} is not allowed: a version is 1 to 200 characters without slashes, tabs or newlines`,
      ),
    );
  }
  return version;
}

/** Project ids for the ids or slugs a client names; a numeric id the server has not seen yet is created. */
export function projectIdsOf(
  store: LocalStore,
  names: ReadonlyArray<string | number>,
  now: number,
): { ids: string[]; records: StoreRecord[] } {
  const records: StoreRecord[] = [];
  const ids = names.map((raw) => {
    const name = String(raw);
    const known = store.projects().find((project) => project.id === name || project.slug === name);
    if (known) return known.id;
    const id = /^[1-9]\d{0,18}$/.test(name) ? name : /^project-([1-9]\d{0,18})$/.exec(name)?.[1];
    if (id === undefined)
      throw new AnswerNow(
        detail(
          400,
          `Invalid project ids or slugs: ${name.slice(0, 100)} (the local server's projects are the DSN project ids, e.g. 1)`,
        ),
      );
    records.push(...store.ensureProject(id, null, now).records);
    return id;
  });
  return { ids: [...new Set(ids)], records };
}

function dateOf(text: string | null | undefined, field: string): number | null | undefined {
  if (text === undefined || text === null) return text;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) throw new AnswerNow(detail(400, `${field}: not a date: ${text.slice(0, 60)}`));
  return ms;
}

function commitsOf(body: ReleaseBody): ReleaseCommit[] | undefined {
  if (body.commits !== undefined) {
    return body.commits.slice(0, RELEASE_LIMITS.maxCommits).map((commit) => ({
      id: commit.id,
      repository: commit.repository ?? null,
      message: commit.message ?? null,
      authorName: commit.author_name ?? null,
      authorEmail: commit.author_email ?? null,
      timestamp: dateOf(commit.timestamp, 'commits.timestamp') ?? null,
    }));
  }
  // Sentry fetches the commits between the refs from the repository's provider; locally only the head is known.
  return body.refs?.slice(0, RELEASE_LIMITS.maxCommits).map((ref) => ({
    id: ref.commit,
    repository: ref.repository,
    message: null,
    authorName: null,
    authorEmail: null,
    timestamp: null,
  }));
}

/** The release after the body's changes; `base` is the current state or a new release's defaults. */
export function applyReleaseBody(base: ReleaseState, body: ReleaseBody, projectIds: readonly string[]): ReleaseState {
  return {
    ...base,
    projects: [...new Set([...base.projects, ...projectIds])],
    url: body.url === undefined ? base.url : body.url,
    ref: body.ref === undefined ? base.ref : body.ref,
    dateStarted: dateOf(body.dateStarted, 'dateStarted') ?? base.dateStarted,
    dateReleased: dateOf(body.dateReleased, 'dateReleased') ?? base.dateReleased,
    status: body.status ?? base.status,
    commits: commitsOf(body) ?? base.commits,
  };
}

export function newRelease(version: string, now: number): ReleaseState {
  return {
    version,
    projects: [],
    dateCreated: now,
    dateStarted: null,
    dateReleased: null,
    url: null,
    ref: null,
    status: 'open',
    commits: [],
    deploys: [],
  };
}

export function deployOf(body: unknown, id: string, now: number): ReleaseDeploy {
  const parsed = parseBody(deployBodySchema, body);
  return {
    id,
    environment: parsed.environment,
    name: parsed.name ?? null,
    url: parsed.url ?? null,
    dateStarted: dateOf(parsed.dateStarted, 'dateStarted') ?? null,
    dateFinished: dateOf(parsed.dateFinished, 'dateFinished') ?? now,
  };
}
