// Line hits for the marks tests, shaped like the scan's output for the example issues in test/fixtures/sentry-api.
import type { LineHit } from '../../../../src/core/index/issueIndex';

export function lineHit(overrides: Partial<LineHit> = {}): LineHit {
  return {
    issueId: '6507376925',
    shortId: 'CLOUDFLARE-MCP-41',
    title: 'Error: Tool list_organizations is already registered',
    level: 'error',
    role: 'raised',
    count: 25,
    userCount: 1,
    firstSeen: '2025-04-03T22:51:19.403000Z',
    lastSeen: '2025-04-12T11:34:11Z',
    folder: '/work/app',
    file: 'src/index.ts',
    line: 12,
    moved: false,
    stale: false,
    ...overrides,
  };
}
