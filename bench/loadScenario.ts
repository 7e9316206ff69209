// The benchmark's release: N issues of one project, each raised in one workspace file and called from another, a
// quarter of them new in the release; the workspace files their frames point into; and what a full load must mark.
import {
  emptyData,
  event,
  eventCount,
  issue,
  organization,
  project,
  release,
  type FakeSentryData,
} from '../test/support/fakeSentry';

export const benchOrg = 'acme';
export const benchProject = { id: '101', slug: 'shop-web' };
export const benchRelease = 'shop@2.0.0';
const previousRelease = 'shop@1.9.0';
const linesPerFile = 60;

export interface LoadScenario {
  readonly data: FakeSentryData;
  /** Workspace-relative path -> text. */
  readonly files: Readonly<Record<string, string>>;
  /** The file in the active editor: its issues must load first. */
  readonly activeFile: string;
  /** Issues whose stack touches the active file. */
  readonly activeIssueIds: ReadonlySet<string>;
  /** Marks a complete load has (one per distinct file and line of each issue's frames). */
  readonly expectedMarks: number;
  readonly newIssues: number;
}

// A separator before the number: `*mod_1.ts` (the open file search) must not also match `mod_11.ts`.
const fileOf = (index: number): string => `src/mod_${index}.ts`;

export function loadScenario(count: number): LoadScenario {
  const data = emptyData('2025-06-01T12:00:00Z');
  const web = project({ ...benchProject, name: 'Shop Web', platform: 'javascript' });
  data.organizations.push(organization({ id: '1', slug: benchOrg }));
  data.projects.push(web);
  data.releases.push(
    release({ id: 1, version: previousRelease, dateCreated: '2025-05-01T09:00:00Z', projectIds: [web.id] }),
    release({ id: 2, version: benchRelease, dateCreated: '2025-05-25T09:00:00Z', projectIds: [web.id] }),
  );
  // About ten issues touch each file, so the active file's issues fit in one window of the events endpoint.
  const fileCount = Math.max(4, Math.ceil(count / 5));
  const files: Record<string, string> = {};
  for (let index = 0; index < fileCount; index++)
    files[fileOf(index)] = Array.from(
      { length: linesPerFile },
      (_, line) => `export const value${line} = ${line};`,
    ).join('\n');
  const activeIssueIds = new Set<string>();
  let expectedMarks = 0;
  let newIssues = 0;
  const base = Date.parse(data.now) - 3_600_000;
  for (let n = 0; n < count; n++) {
    const raised = { file: n % fileCount, line: 10 + (n % 40) };
    const caller = { file: (n * 7 + 3) % fileCount, line: 5 + ((n * 3) % 40) };
    const id = String(10_000 + n);
    if (raised.file === 0 || caller.file === 0) activeIssueIds.add(id);
    expectedMarks += raised.file === caller.file && raised.line === caller.line ? 1 : 2;
    const fresh = n % 4 === 0;
    if (fresh) newIssues++;
    const lastSeen = new Date(base - n * 1000).toISOString();
    const frame = (at: { file: number; line: number }, fn: string) => ({
      filename: `./${fileOf(at.file)}`,
      absPath: `webpack://shop/./${fileOf(at.file)}`,
      lineNo: at.line,
      colNo: 1,
      function: fn,
    });
    data.issues.push(
      issue({
        id,
        project: web,
        events: [
          event({
            release: benchRelease,
            environment: 'production',
            dateCreated: lastSeen,
            exceptionType: 'Error',
            value: `Failure ${n}`,
            frames: [frame(caller, 'caller'), frame(raised, `step${n}`)],
          }),
        ],
        eventCounts: [
          ...(fresh
            ? []
            : [
                eventCount({
                  release: previousRelease,
                  environment: 'production',
                  count: 3,
                  userCount: 1,
                  firstSeen: '2025-05-02T10:00:00Z',
                  lastSeen: '2025-05-20T10:00:00Z',
                }),
              ]),
          eventCount({
            release: benchRelease,
            environment: 'production',
            count: count - n + 5,
            userCount: 1 + (n % 5),
            firstSeen: '2025-05-26T10:00:00Z',
            lastSeen,
          }),
        ],
      }),
    );
  }
  return { data, files, activeFile: fileOf(0), activeIssueIds, expectedMarks, newIssues };
}
