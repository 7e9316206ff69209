// The default data set (one organization, two projects, three releases, ten issues) and bulk issues for pagination.
import { codeMapping, member, organization, project, release } from './entityBuilders';
import { event, exception, frame, FrameInput } from './eventBuilder';
import { eventCount, issue } from './issueBuilder';
import { JsonObject } from './json';
import { emptyData, FakeEventCount, FakeIssue, FakeSentryData } from './model';
import { lineOf, scenarioSources } from './scenarioSources';

/** Names and ids of the default scenario, for assertions. */
export const scenario = {
  org: 'acme',
  projects: { web: { id: '101', slug: 'shop-web' }, api: { id: '102', slug: 'shop-api' } },
  /** Oldest first. `v120` has a `+` so clients must URL-encode it. */
  releases: { v100: 'shop@1.0.0', v110: 'shop@1.1.0', v120: 'shop@1.2.0+45' },
  environments: ['production', 'staging'],
  members: { penguin: { id: '57377908164', userId: '280094367316' }, jane: { id: '57377908166', userId: '12345' } },
} as const;

const { v100, v110, v120 } = scenario.releases;

/** Frame in a scenario source file with its real context lines; `form` picks how Sentry spells the path. */
function sourceFrame(
  path: string,
  text: string,
  fn: string,
  form: 'current' | 'oldSelfHosted' | 'appRoot' = 'current',
  vars?: JsonObject,
): FrameInput {
  const lineNo = lineOf(path, text);
  const source = scenarioSources[path] ?? '';
  const colNo = (source.split('\n')[lineNo - 1] ?? '').search(/\S/) + 1;
  const spelled = {
    current: { filename: `./${path}`, absPath: `webpack://shop/./${path}` },
    oldSelfHosted: { filename: `webpack://shop/./${path}`, absPath: `webpack://shop/./${path}` },
    appRoot: { filename: `app:///${path}`, absPath: `app:///${path}` },
  }[form];
  // The Node SDK names modules `dir.sub:file`; the browser SDKs get theirs from the path (the builder's default).
  const nodeModule = path
    .replace(/\.[a-z]+$/, '')
    .replace(/\/([^/]*)$/, ':$1')
    .replace(/\//g, '.');
  return {
    ...spelled,
    ...(form === 'appRoot' ? { module: nodeModule } : {}),
    lineNo,
    colNo,
    function: fn,
    source,
    ...(vars ? { vars } : {}),
  };
}

/** Local variables as @sentry/node sends them with `includeLocalVariables`: the raising line's and its caller's. */
const reduceVars: JsonObject = { sum: 12.5, line: { sku: 'sku-9', quantity: 2 } };
const cartTotalVars: JsonObject = {
  lines: [
    { sku: 'sku-1', quantity: 1, item: { price: 12.5 } },
    { sku: 'sku-9', quantity: 2 },
  ],
  sessionToken: 'tok_live_4242',
};

const clickHandler = (): FrameInput =>
  sourceFrame('src/main.ts', "addToCart('sku-1', 1)", 'HTMLButtonElement.<anonymous>');

function counts(...rows: Array<[string | null, string, number, number, string, string]>): FakeEventCount[] {
  return rows.map(([rel, environment, count, userCount, firstSeen, lastSeen]) =>
    eventCount({ release: rel, environment, count, userCount, firstSeen, lastSeen }),
  );
}

export function defaultScenario(): FakeSentryData {
  const data = emptyData('2025-06-01T12:00:00Z');
  const web = project({ ...scenario.projects.web, name: 'Shop Web', platform: 'javascript' });
  const api = project({ ...scenario.projects.api, name: 'Shop API', platform: 'node' });
  data.organizations.push(organization({ id: '1', slug: scenario.org, name: 'Acme' }));
  data.projects.push(web, api);
  data.releases.push(
    release({
      id: 1,
      version: v100,
      dateCreated: '2025-05-01T09:00:00Z',
      dateReleased: '2025-05-01T10:00:00Z',
      projectIds: [web.id, api.id],
    }),
    release({
      id: 2,
      version: v110,
      dateCreated: '2025-05-15T09:00:00Z',
      dateReleased: '2025-05-15T10:00:00Z',
      projectIds: [web.id, api.id],
    }),
    release({
      id: 3,
      version: v120,
      dateCreated: '2025-05-28T09:00:00Z',
      dateReleased: null,
      projectIds: [web.id, api.id],
    }),
  );
  data.members.push(
    member({
      id: scenario.members.penguin.id,
      userId: scenario.members.penguin.userId,
      name: 'Sir Penguin',
      email: 'sirpenguin@antarcticarocks.com',
    }),
    member({
      id: scenario.members.jane.id,
      userId: scenario.members.jane.userId,
      name: 'Jane Developer',
      email: 'jane@example.com',
      orgRole: 'admin',
    }),
  );
  data.codeMappings.push(
    codeMapping({
      id: '11',
      projectId: web.id,
      repoId: '7',
      repoName: 'acme/shop',
      stackRoot: './src/',
      sourceRoot: 'src/',
    }),
    codeMapping({
      id: '12',
      projectId: api.id,
      repoId: '7',
      repoName: 'acme/shop',
      stackRoot: 'app:///server/',
      sourceRoot: 'server/',
      automaticallyGenerated: true,
    }),
  );
  data.issues.push(...webIssues(web), ...apiIssues(api));
  // Stable event ids (issue id, then event index), so every call builds the same scenario.
  for (const built of data.issues)
    built.events.forEach((e, index) => (e.eventID = `${built.id}${index}`.padStart(32, '0')));
  return data;
}

function webIssues(web: ReturnType<typeof project>): FakeIssue[] {
  const jane = {
    type: 'user' as const,
    id: scenario.members.jane.userId,
    name: 'Jane Developer',
    email: 'jane@example.com',
  };
  const network = [
    sourceFrame('src/checkout.ts', "await post('/orders'", 'checkout'),
    sourceFrame('src/api/client.ts', "throw new Error('Network request failed')", 'post'),
  ];
  return [
    issue({
      id: '1001',
      project: web,
      assignedTo: jane,
      events: [
        event({
          release: v120,
          dateCreated: '2025-06-01T09:30:00Z',
          exceptionType: 'TypeError',
          value: "Cannot read properties of undefined (reading 'price')",
          frames: [
            clickHandler(),
            sourceFrame('src/cart.ts', 'renderTotal();', 'addToCart'),
            sourceFrame('src/cart.ts', 'formatPrice(cartTotal())', 'renderTotal'),
            sourceFrame('src/cart.ts', 'return lines.reduce', 'cartTotal', 'current', cartTotalVars),
            sourceFrame('src/cart.ts', 'line.item.price', 'Array.reduce', 'current', reduceVars),
          ],
        }),
      ],
      eventCounts: counts(
        [v110, 'production', 40, 12, '2025-05-16T08:00:00Z', '2025-05-27T18:00:00Z'],
        [v120, 'production', 25, 9, '2025-05-28T11:00:00Z', '2025-06-01T09:30:00Z'],
        [v120, 'staging', 3, 1, '2025-05-28T09:30:00Z', '2025-05-29T10:00:00Z'],
      ),
    }),
    issue({
      id: '1002',
      project: web,
      substatus: 'new',
      events: [
        event({
          release: v120,
          dateCreated: '2025-06-01T08:00:00Z',
          exceptionType: 'RangeError',
          value: 'Invalid quantity',
          handled: true,
          frames: [clickHandler(), sourceFrame('src/cart.ts', "throw new RangeError('Invalid quantity')", 'addToCart')],
        }),
      ],
      eventCounts: counts([v120, 'production', 8, 5, '2025-05-30T07:00:00Z', '2025-06-01T08:00:00Z']),
    }),
    issue({
      id: '1003',
      project: web,
      status: 'resolved',
      statusDetails: { inNextRelease: true },
      events: [
        event({
          release: v110,
          dateCreated: '2025-05-20T12:00:00Z',
          value: 'Payment declined',
          frames: [
            sourceFrame('src/main.ts', 'void checkout()', 'HTMLButtonElement.<anonymous>', 'oldSelfHosted'),
            sourceFrame('src/checkout.ts', "throw new Error('Payment declined')", 'checkout', 'oldSelfHosted'),
          ],
        }),
      ],
      eventCounts: counts(
        [v100, 'production', 14, 6, '2025-05-02T10:00:00Z', '2025-05-14T10:00:00Z'],
        [v110, 'production', 6, 4, '2025-05-15T12:00:00Z', '2025-05-20T12:00:00Z'],
      ),
    }),
    issue({
      id: '1004',
      project: web,
      substatus: 'regressed',
      events: [
        event({
          release: v120,
          dateCreated: '2025-05-31T15:00:00Z',
          exceptionType: 'TypeError',
          value: 'cents.toFixed is not a function',
          frames: [
            sourceFrame('src/cart.ts', 'formatPrice(cartTotal())', 'renderTotal'),
            sourceFrame('src/lib/format.ts', 'cents.toFixed(2)', 'formatPrice'),
          ],
        }),
      ],
      eventCounts: counts(
        [v100, 'production', 5, 2, '2025-05-03T10:00:00Z', '2025-05-05T10:00:00Z'],
        [v120, 'production', 11, 7, '2025-05-29T10:00:00Z', '2025-05-31T15:00:00Z'],
      ),
    }),
    chunkLoadIssue(web),
    issue({
      id: '1008',
      project: web,
      priority: 'high',
      events: [
        event({ release: v120, dateCreated: '2025-06-01T11:00:00Z', value: 'Network request failed', frames: network }),
        event({
          release: v120,
          environment: 'staging',
          dateCreated: '2025-05-31T11:00:00Z',
          value: 'Network request failed',
          frames: network,
        }),
      ],
      eventCounts: counts(
        [v120, 'production', 310, 120, '2025-05-28T10:00:00Z', '2025-06-01T11:00:00Z'],
        [v120, 'staging', 12, 2, '2025-05-28T12:00:00Z', '2025-05-31T11:00:00Z'],
      ),
    }),
    minifiedIssue(web),
  ];
}

// Only third-party frames (not in app): nothing in the workspace to mark.
function chunkLoadIssue(web: ReturnType<typeof project>): FakeIssue {
  const reactDom = 'node_modules/react-dom/cjs/react-dom.production.min.js';
  return issue({
    id: '1005',
    project: web,
    status: 'ignored',
    substatus: 'archived_until_escalating',
    events: [
      event({
        release: v120,
        dateCreated: '2025-05-30T20:00:00Z',
        exceptionType: 'ChunkLoadError',
        value: 'Loading chunk 42 failed.',
        frames: [
          {
            filename: `./${reactDom}`,
            absPath: `webpack://shop/./${reactDom}`,
            lineNo: 1,
            colNo: 5124,
            function: 'ki',
            inApp: false,
          },
          {
            filename: 'webpack/runtime/jsonp chunk loading',
            absPath: 'webpack://shop/webpack/runtime/jsonp chunk loading',
            lineNo: 27,
            colNo: 11,
            function: 'requireEnsure',
            inApp: false,
          },
        ],
      }),
    ],
    eventCounts: counts([v120, 'production', 4, 4, '2025-05-29T20:00:00Z', '2025-05-30T20:00:00Z']),
  });
}

// An event whose source map never applied: the minified bundle position, no rawStacktrace, a js_ processing error.
function minifiedIssue(web: ReturnType<typeof project>): FakeIssue {
  const bundle = 'https://shop.example.com/assets/index-3f2a9c.js';
  const missingSource = {
    type: 'js_no_source',
    message: 'Source code was not found',
    data: { symbolicator_type: 'missing_source', url: bundle },
  };
  return issue({
    id: '1009',
    project: web,
    events: [
      event({
        release: v120,
        dateCreated: '2025-05-31T07:00:00Z',
        exceptionType: 'TypeError',
        value: "Cannot read properties of null (reading 'textContent')",
        frames: [
          frame({
            filename: bundle,
            absPath: bundle,
            module: 'assets/index-3f2a9c',
            lineNo: 1,
            colNo: 18734,
            function: 'Hn',
          }),
        ],
        extraFields: { errors: [missingSource] },
      }),
    ],
    eventCounts: counts([v120, 'production', 7, 6, '2025-05-29T07:00:00Z', '2025-05-31T07:00:00Z']),
  });
}

function apiIssues(api: ReturnType<typeof project>): FakeIssue[] {
  const serverEvent = (dateCreated: string, environment: string, value: string, frames: FrameInput[], type = 'Error') =>
    event({ release: v120, environment, platform: 'node', dateCreated, exceptionType: type, value, frames });
  const expressLayer: FrameInput = {
    filename: 'app:///node_modules/express/lib/router/layer.js',
    lineNo: 95,
    colNo: 5,
    function: 'Layer.handle [as handle_request]',
    module: 'express.lib.router:layer',
    inApp: false,
  };
  return [
    issue({
      id: '1006',
      project: api,
      events: [
        serverEvent('2025-06-01T10:30:00Z', 'production', 'Order not found', [
          expressLayer,
          sourceFrame('server/orders.ts', 'const order = await getOrder(id)', 'orderTotal', 'appRoot'),
          sourceFrame('server/orders.ts', 'throw new Error(`Order not found`)', 'getOrder', 'appRoot'),
        ]),
      ],
      eventCounts: counts(
        [v110, 'production', 22, 10, '2025-05-16T10:00:00Z', '2025-05-27T10:00:00Z'],
        [v120, 'production', 18, 8, '2025-05-28T10:00:00Z', '2025-06-01T10:30:00Z'],
      ),
    }),
    issue({
      id: '1007',
      project: api,
      events: [
        serverEvent(
          '2025-05-31T16:00:00Z',
          'staging',
          "Cannot read properties of undefined (reading 'price')",
          [sourceFrame('server/orders.ts', 'return order.lines.reduce', 'orderTotal', 'appRoot')],
          'TypeError',
        ),
      ],
      eventCounts: counts([v120, 'staging', 9, 1, '2025-05-30T16:00:00Z', '2025-05-31T16:00:00Z']),
    }),
    issue({
      id: '1010',
      project: api,
      level: 'warning',
      isBookmarked: true,
      events: [
        event({
          release: v100,
          platform: 'node',
          dateCreated: '2025-05-10T09:00:00Z',
          exceptions: [
            exception({
              type: 'Warning',
              value: 'Slow query on orders',
              handled: true,
              frames: [sourceFrame('server/orders.ts', 'await db.orders.findOne', 'getOrder', 'appRoot')],
            }),
          ],
        }),
      ],
      eventCounts: counts([v100, 'production', 3, 1, '2025-05-02T09:00:00Z', '2025-05-10T09:00:00Z']),
    }),
  ];
}

export interface ManyIssuesOptions {
  projectId?: string;
  release?: string;
  environment?: string;
  /** Every n-th issue (1-based) gets `droppedFromListPages`, to make Sentry-style short pages. */
  dropEvery?: number;
}

/**
 * Adds `count` unresolved issues with distinct lastSeen times one minute apart (the first added is the most recently
 * seen), numbered after the largest numeric id present (at least 2001). Returns them.
 */
export function addManyIssues(data: FakeSentryData, count: number, options: ManyIssuesOptions = {}): FakeIssue[] {
  const start = Math.max(2000, ...data.issues.map((existing) => Number(existing.id)).filter(Number.isFinite)) + 1;
  const projectId = options.projectId ?? data.projects[0]?.id ?? '1';
  const owner = data.projects.find((p) => p.id === projectId);
  const base = Date.parse(data.now) - 60 * 60 * 1000;
  const added: FakeIssue[] = [];
  for (let n = 0; n < count; n++) {
    const lastSeen = new Date(base - n * 60_000).toISOString();
    const firstSeen = new Date(base - n * 60_000 - 86_400_000).toISOString();
    const release = options.release ?? data.releases[data.releases.length - 1]?.version ?? null;
    const environment = options.environment ?? 'production';
    added.push(
      issue({
        id: String(start + n),
        ...(owner ? { project: owner } : { projectId }),
        events: [
          event({
            release,
            environment,
            dateCreated: lastSeen,
            exceptionType: 'Error',
            value: `Bulk failure ${n + 1}`,
            frames: [
              {
                filename: './src/bulk.ts',
                absPath: 'webpack://shop/./src/bulk.ts',
                lineNo: 10 + (n % 50),
                colNo: 3,
                function: `step${n % 7}`,
              },
            ],
          }),
        ],
        eventCounts: [
          eventCount({ release, environment, count: count - n, userCount: 1 + (n % 5), firstSeen, lastSeen }),
        ],
        ...(options.dropEvery && (n + 1) % options.dropEvery === 0 ? { droppedFromListPages: true } : {}),
      }),
    );
  }
  data.issues.push(...added);
  return added;
}
