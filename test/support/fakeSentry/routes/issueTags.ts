// An issue's tag distributions: `tags/?key=..&limit=` (all or named keys) and Sentry's `tags/{key}/`.
import { json } from '../answer';
import { scopesFor } from '../auth';
import { param, queryList, RouteContext } from '../context';
import { glitchtipTags } from '../glitchtipJson';
import { issueTags, tagTotal, topValues } from '../issueTags';
import { JsonObject } from '../json';
import { FakeTag } from '../model';
import { Route } from '../router';
import { findIssue, findOrganization, notFound } from './lookup';

function sentryTagJson(tag: FakeTag, limit: number | undefined): JsonObject {
  return {
    key: tag.key,
    name: tag.name,
    totalValues: tagTotal(tag),
    uniqueValues: tag.values.length,
    topValues: topValues(tag, limit).map((value) => ({
      key: tag.key,
      name: value.value,
      value: value.value,
      count: value.count,
      firstSeen: value.firstSeen,
      lastSeen: value.lastSeen,
    })),
  };
}

function limitOf(context: RouteContext): number | undefined {
  const limit = Number(context.query.get('limit'));
  return Number.isInteger(limit) && limit > 0 ? limit : undefined;
}

const sentryTags: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/issues/:issue/tags/',
  scopes: scopesFor.eventRead,
  regionScoped: true,
  handle: (context) => {
    const keys = queryList(context, 'key');
    const tags = issueTags(findIssue(context, findOrganization(context))).filter(
      (tag) => keys.length === 0 || keys.includes(tag.key),
    );
    return json(tags.map((tag) => sentryTagJson(tag, limitOf(context) ?? 9)));
  },
};

const sentryTag: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/issues/:issue/tags/:key/',
  scopes: scopesFor.eventRead,
  regionScoped: true,
  handle: (context) => {
    const tag = issueTags(findIssue(context, findOrganization(context))).find(
      (candidate) => candidate.key === param(context, 'key'),
    );
    if (!tag) throw notFound(context);
    return json(sentryTagJson(tag, limitOf(context)));
  },
};

const glitchtipTagList: Route = {
  method: 'GET',
  pattern: '/api/0/issues/:issue/tags/',
  scopes: scopesFor.eventRead,
  handle: (context) => json(glitchtipTags(findIssue(context, null), queryList(context, 'key'))),
};

export const sentryTagRoutes: Route[] = [sentryTags, sentryTag];
export const glitchtipTagRoutes: Route[] = [glitchtipTagList];
