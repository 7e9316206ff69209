// Proves requests are sorted into Sentry's rate-limit groups, for Sentry's org-scoped and GlitchTip's top-level paths.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { endpointClassOf } from '../../../../src/core/api/endpointClass';

test('issue details, events, tags, updates and lists each have their class', () => {
  const cases: Array<[string, string, string]> = [
    ['GET', '/api/0/organizations/acme/issues/', 'issueList'],
    ['PUT', '/api/0/organizations/acme/issues/', 'issueUpdate'],
    ['GET', '/api/0/organizations/acme/issues/1001/', 'issueDetails'],
    ['GET', '/api/0/issues/1001/', 'issueDetails'],
    ['PUT', '/api/0/organizations/acme/issues/1001/', 'issueUpdate'],
    ['GET', '/api/0/organizations/acme/issues/1001/events/latest/', 'issueEvents'],
    ['GET', '/api/0/issues/1001/events/latest/', 'issueEvents'],
    ['GET', '/api/0/organizations/acme/issues/1001/tags/', 'issueTags'],
    ['GET', '/api/0/organizations/acme/events/', 'organizationEvents'],
    ['GET', '/api/0/organizations/acme/projects/', 'directory'],
    ['GET', '/api/0/organizations/acme/releases/shop%401.2.3/', 'directory'],
    ['GET', '/api/0/', 'directory'],
  ];
  for (const [method, path, expected] of cases)
    assert.equal(endpointClassOf(method, path), expected, `${method} ${path}`);
});
