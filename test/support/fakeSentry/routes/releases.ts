// Routes for the organization's releases: the list (newest first, `project`, `query` substring) and one release.
import { json } from '../answer';
import { scopesFor } from '../auth';
import { param, queryList } from '../context';
import { findRelease, releaseJson, releasesNewestFirst } from '../releaseJson';
import { Route } from '../router';
import { findOrganization, notFound } from './lookup';
import { pagedList } from './lists';

const releaseList: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/releases/',
  scopes: scopesFor.releaseRead,
  handle: (context) => {
    const org = findOrganization(context);
    const projectIds = queryList(context, 'project').filter((id) => id !== '-1');
    // GlitchTip has no `query` filter on this list (sentry-api-notes §7).
    const wanted =
      context.state.options.flavour === 'glitchtip' ? '' : (context.query.get('query') ?? '').toLowerCase();
    const matching = releasesNewestFirst(context.state.data, org.slug).filter(
      (release) =>
        (projectIds.length === 0 || release.projectIds.some((id) => projectIds.includes(id))) &&
        release.version.toLowerCase().includes(wanted),
    );
    return pagedList(context, matching, (release) => releaseJson(context.state.data, release));
  },
};

const releaseDetail: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/releases/:version/',
  scopes: scopesFor.releaseRead,
  handle: (context) => {
    const release = findRelease(context.state.data, findOrganization(context).slug, param(context, 'version'));
    if (!release) throw notFound(context);
    return json(releaseJson(context.state.data, release));
  },
};

export const releaseRoutes: Route[] = [releaseList, releaseDetail];
