// The route table of each backend flavour.
import { Route } from '../router';
import { Flavour } from '../options';
import { discoverRoutes } from './discover';
import { glitchtipDirectoryRoutes, sentryDirectoryRoutes } from './directory';
import { glitchtipIssueDetailRoutes, sentryIssueDetailRoutes } from './issueDetail';
import { glitchtipEventRoutes, sentryEventRoutes } from './issueEvents';
import { glitchtipIssueListRoute, sentryIssueListRoute } from './issueList';
import { glitchtipTagRoutes, sentryTagRoutes } from './issueTags';
import { releaseRoutes } from './releases';

export function routesFor(flavour: Flavour): Route[] {
  if (flavour === 'glitchtip') {
    return [
      ...glitchtipDirectoryRoutes,
      ...releaseRoutes,
      glitchtipIssueListRoute,
      ...glitchtipIssueDetailRoutes,
      ...glitchtipEventRoutes,
      ...glitchtipTagRoutes,
    ];
  }
  return [
    ...sentryDirectoryRoutes,
    ...releaseRoutes,
    sentryIssueListRoute,
    ...sentryIssueDetailRoutes,
    ...sentryEventRoutes,
    ...sentryTagRoutes,
    ...discoverRoutes,
  ];
}
