// Grouping: the SDK fingerprint wins (with `{{ default }}`), else exception types and in-app frames (not lines), else
// the masked message. Same error from the same code groups; the same type from other code does not.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { groupingHashOf } from '../../../../src/core/local/grouping/groupingHash';
import type { GroupingException, GroupingInput } from '../../../../src/core/local/grouping/groupingInput';
import { maskMessage } from '../../../../src/core/local/grouping/messageMasking';
import { apiFrame, type ApiFrame } from '../../../../src/core/local/process/apiFrame';
import '../../../support/propertyRuns';

function frame(over: Partial<ApiFrame>): ApiFrame {
  return apiFrame({
    filename: 'src/cart.js',
    absPath: '/app/src/cart.js',
    function: 'computeTotal',
    lineNo: 10,
    colNo: 5,
    ...over,
  });
}

const library = frame({ filename: '/app/node_modules/express/lib/router.js', function: 'handle', inApp: false });
const caller = frame({ filename: 'src/server.js', function: 'onRequest', lineNo: 40 });
const thrower = frame({});

function input(exceptions: Array<Partial<GroupingException>>, over: Partial<GroupingInput> = {}): GroupingInput {
  return {
    platform: 'node',
    exceptions: exceptions.map((exception) => ({
      type: 'TypeError',
      value: 'x is undefined',
      frames: [library, caller, thrower],
      synthetic: false,
      ...exception,
    })),
    looseFrames: [],
    message: undefined,
    transaction: undefined,
    level: 'error',
    ...over,
  };
}

const hash = (value: GroupingInput, fingerprint?: string[]): string => groupingHashOf(value, fingerprint);

describe('default grouping of exceptions', () => {
  test('groups the same type from the same code whatever the line numbers and the message', () => {
    const moved = [library, { ...caller, lineNo: 55, colNo: 1 }, { ...thrower, lineNo: 3, colNo: 20 }];
    assert.equal(
      hash(input([{ value: 'cart 17 is empty' }])),
      hash(input([{ value: 'order abc failed', frames: moved }])),
    );
  });

  test('separates the same type raised in another function', () => {
    assert.notEqual(
      hash(input([{}])),
      hash(input([{ frames: [library, caller, { ...thrower, function: 'applyDiscount' }] }])),
    );
  });

  test('separates the same type raised in another file', () => {
    assert.notEqual(
      hash(input([{}])),
      hash(
        input([
          { frames: [library, caller, { ...thrower, filename: 'src/checkout.js', absPath: '/app/src/checkout.js' }] },
        ]),
      ),
    );
  });

  test('separates another type raised at the same place', () => {
    assert.notEqual(hash(input([{}])), hash(input([{ type: 'RangeError' }])));
  });

  test('ignores dependency frames when the stack has in-app ones', () => {
    const otherLibrary = frame({ filename: '/app/node_modules/koa/lib/app.js', function: 'dispatch', inApp: false });
    assert.equal(hash(input([{}])), hash(input([{ frames: [otherLibrary, otherLibrary, caller, thrower] }])));
  });

  test('groups by all frames when none is in-app', () => {
    const system = [
      frame({ filename: 'node:internal/timers', function: 'listOnTimeout', inApp: false }),
      frame({ filename: 'node:events', function: 'emit', inApp: false }),
    ];
    assert.equal(hash(input([{ frames: system, value: 'a 1' }])), hash(input([{ frames: system, value: 'b 2' }])));
    assert.notEqual(hash(input([{ frames: system }])), hash(input([{ frames: [system[0] ?? library] }])));
  });

  test('counts a recursion once, however deep', () => {
    const recursive = frame({ function: 'walk', filename: 'src/tree.js' });
    assert.equal(
      hash(input([{ frames: [caller, recursive, recursive, thrower] }])),
      hash(input([{ frames: [caller, recursive, recursive, recursive, recursive, thrower] }])),
    );
  });

  test('groups chained exceptions by every link', () => {
    const cause = { type: 'ECONNRESET', frames: [frame({ filename: 'src/db.js', function: 'query' })] };
    assert.notEqual(hash(input([cause, {}])), hash(input([{}])));
    assert.equal(hash(input([cause, {}])), hash(input([{ ...cause, value: 'other' }, { value: 'different' }])));
  });

  test('without frames, uses the type and the masked value', () => {
    assert.equal(
      hash(input([{ frames: [], value: 'user 17 not found' }])),
      hash(input([{ frames: [], value: 'user 4242 not found' }])),
    );
    assert.notEqual(
      hash(input([{ frames: [], value: 'user 17 not found' }])),
      hash(input([{ frames: [], value: 'order 17 not found' }])),
    );
  });

  test('uses the source line where a frame has no useful function name', () => {
    const anonymous = (line: string): ApiFrame => frame({ function: '<anonymous>', context: [[10, line]] });
    assert.equal(
      hash(input([{ frames: [anonymous('  throw new Error(msg);')] }])),
      hash(
        input([
          {
            frames: [
              { ...anonymous('  throw  new Error(msg);'), lineNo: 99, context: [[99, '  throw  new Error(msg);']] },
            ],
          },
        ]),
      ),
    );
    assert.notEqual(
      hash(input([{ frames: [anonymous('  throw new Error(msg);')] }])),
      hash(input([{ frames: [anonymous('  reject(err);')] }])),
    );
  });

  test('ignores the made-up type of a synthetic exception (captureMessage with a stack)', () => {
    assert.equal(
      hash(input([{ synthetic: true, type: undefined, value: 'hello 1' }])),
      hash(input([{ synthetic: true, type: 'Error', value: 'hello 2' }])),
    );
  });

  test('ignores cache-busting hashes in bundle names', () => {
    const at = (file: string): ApiFrame => frame({ filename: file, absPath: `http://localhost:3000${file}` });
    assert.equal(
      hash(input([{ frames: [at('/static/js/main.3f2a9c1b.js')] }])),
      hash(input([{ frames: [at('/static/js/main.77aa0e12.js')] }])),
    );
  });

  test('uses the module on platforms where it names the code (Python)', () => {
    const python = (file: string): ApiFrame =>
      frame({ filename: file, module: 'errors.views', function: 'get', platform: 'python' });
    assert.equal(
      hash(input([{ frames: [python('errors/views.py')] }], { platform: 'python' })),
      hash(input([{ frames: [python('/srv/app/errors/views.py')] }], { platform: 'python' })),
    );
  });
});

describe('stored hashes', () => {
  // A stored issue is found again by its hash: how the hash is computed may change, its value may not.
  test('are the hashes of earlier versions, for the default grouping, fingerprints and messages', () => {
    assert.equal(hash(input([{}])), '39dc1656feff5ec2656c7257ba3582d8');
    assert.equal(hash(input([{}]), ['{{ default }}', 'café ✓', '42']), '504a64d5a8a666afc1ab2e3e5a735221');
    assert.equal(hash(input([], { message: 'Ünïcode message 12' })), '2d04b85f5f826c95f6183b625acde427');
  });
});

describe('fingerprints', () => {
  test('an SDK fingerprint groups events the default grouping would separate', () => {
    const elsewhere = input([{ type: 'RangeError', frames: [frame({ function: 'other', filename: 'src/other.js' })] }]);
    assert.equal(hash(input([{}]), ['payment-gateway-down']), hash(elsewhere, ['payment-gateway-down']));
    assert.notEqual(hash(input([{}]), ['payment-gateway-down']), hash(input([{}]), ['database-down']));
  });

  test('{{ default }} alone is the default grouping, in any spacing', () => {
    assert.equal(hash(input([{}]), ['{{ default }}']), hash(input([{}])));
    assert.equal(hash(input([{}]), ['{{default}}']), hash(input([{}])));
  });

  test('{{ default }} plus a value splits the default group by that value', () => {
    const tenantA = hash(input([{}]), ['{{ default }}', 'tenant-a']);
    assert.equal(tenantA, hash(input([{ value: 'other value' }]), ['{{ default }}', 'tenant-a']));
    assert.notEqual(tenantA, hash(input([{}]), ['{{ default }}', 'tenant-b']));
    assert.notEqual(tenantA, hash(input([{}])));
    assert.notEqual(
      hash(input([{}]), ['{{ default }}', 'x']),
      hash(input([{ frames: [frame({ function: 'elsewhere' })] }]), ['{{ default }}', 'x']),
    );
  });

  test('{{ type }} and {{ function }} expand to the thrown exception', () => {
    const other = input([{ frames: [frame({ function: 'elsewhere', filename: 'src/x.js' })] }]);
    assert.equal(hash(input([{}]), ['{{ type }}']), hash(other, ['{{ type }}']));
    assert.notEqual(hash(input([{}]), ['{{ function }}']), hash(other, ['{{ function }}']));
  });

  test('an empty fingerprint means the default grouping', () => {
    assert.equal(hash(input([{}]), []), hash(input([{}])));
  });
});

describe('message grouping', () => {
  const message = (text: string): GroupingInput => input([], { message: text });

  test('masks numbers, hex, uuids, addresses and dates', () => {
    assert.equal(
      maskMessage(
        'user 42 at 10.0.0.1 id 0x1f uuid 123e4567-e89b-12d3-a456-426614174000 on 2026-05-01T10:00:00Z hash deadbeef12',
      ),
      'user <int> at <ip> id <hex> uuid <uuid> on <date> hash <hex>',
    );
  });

  test('groups messages that differ in their variable parts only', () => {
    assert.equal(
      hash(message('Timeout after 3000 ms for job 17')),
      hash(message('Timeout after 5000 ms for job 4242')),
    );
    assert.notEqual(hash(message('Timeout after 3000 ms for job 17')), hash(message('Retry after 3000 ms for job 17')));
  });

  test('an event with neither exception nor message still gets a group', () => {
    assert.equal(hash(input([])), hash(input([], { level: 'warning' })));
  });
});

describe('grouping properties', () => {
  const name = fc.stringMatching(/^[a-zA-Z_$][\w$]{0,15}$/);
  const position = fc.record({ lineNo: fc.integer({ min: 1, max: 100_000 }), colNo: fc.integer({ min: 1, max: 500 }) });

  test('line and column numbers and exception values never change the group', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(name, position, position), { minLength: 1, maxLength: 8 }),
        fc.string(),
        fc.string(),
        (frames, valueA, valueB) => {
          const a = frames.map(([fn, at]) => frame({ function: fn, ...at }));
          const b = frames.map(([fn, , at]) => frame({ function: fn, ...at }));
          assert.equal(hash(input([{ frames: a, value: valueA }])), hash(input([{ frames: b, value: valueB }])));
        },
      ),
    );
  });

  test('a frame list groups the same in every event that shares it, whatever the other lists and the platform', () => {
    const listFrame = fc
      .tuple(name, fc.constantFrom('src/a.js', 'app.3f2a9c1b.js', '/app/node_modules/x/y.js'), fc.boolean())
      .map(([fn, filename, inApp]) => frame({ function: fn, filename, inApp, module: 'mod' }));
    const list = fc.array(listFrame, { maxLength: 5 });
    const platform = fc.constantFrom('node', 'python', 'javascript');
    fc.assert(
      fc.property(list, list, platform, platform, (a, b, first, second) => {
        // The same lists, in events that read them under other options: each must group as its fresh copy does.
        const events = [
          input([{ frames: a }], { platform: first }),
          input([{ frames: b }, { frames: a }], { platform: second }),
          input([], { platform: first, looseFrames: a }),
          input([{ frames: a }, { frames: b }], { platform: first }),
          input([], { platform: second, looseFrames: b }),
        ];
        for (const event of events) assert.equal(hash(event), hash(structuredClone(event)));
      }),
    );
  });

  test('renaming the raising function always changes the group', () => {
    fc.assert(
      fc.property(name, name, (one, two) => {
        fc.pre(one !== two && one !== 'anonymous' && two !== 'anonymous');
        assert.notEqual(
          hash(input([{ frames: [caller, frame({ function: one })] }])),
          hash(input([{ frames: [caller, frame({ function: two })] }])),
        );
      }),
    );
  });

  test('dependency frames added anywhere never change the group of a stack with in-app frames', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3), name), { maxLength: 6 }), (insertions) => {
        const frames = [caller, thrower];
        for (const [at, fn] of insertions)
          frames.splice(
            Math.min(at, frames.length),
            0,
            frame({ filename: `/app/node_modules/lib/${fn}.js`, function: fn, inApp: false }),
          );
        assert.equal(hash(input([{ frames }])), hash(input([{ frames: [caller, thrower] }])));
      }),
    );
  });
});
