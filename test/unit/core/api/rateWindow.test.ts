// Proves the client's picture of a fixed rate-limit window: it admits what the server said remains, waits for the
// reset, reopens with the known limit, and after a 429 sends one probe before the rest when it knows no limit.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { RateWindow } from '../../../../src/core/api/rateWindow';
import { propertyRuns } from '../../../support/propertyRuns';

const t0 = 1_800_000_000_000; // a whole second

function admitted(window: RateWindow, now: number, tries: number): number {
  let count = 0;
  for (let index = 0; index < tries; index++) if (window.take(now) === undefined) count++;
  return count;
}

const refusal = { concurrency: false } as const;

describe('RateWindow', () => {
  test('with nothing known it admits everything', () => {
    assert.equal(admitted(new RateWindow(), t0, 100), 100);
  });

  test('admits only what the server says remains, then waits until the reset', () => {
    const window = new RateWindow();
    window.learn({ limit: 40, remaining: 5, resetAtMs: t0 + 1000 }, 0);
    assert.equal(admitted(window, t0 + 10, 20), 5);
    assert.deepEqual(window.take(t0 + 10), { ms: 990 });
  });

  test('requests still in flight count against a newly seen window', () => {
    const window = new RateWindow();
    window.learn({ limit: 15, remaining: 14, resetAtMs: t0 + 1000 }, 10);
    assert.equal(admitted(window, t0, 20), 4);
  });

  test('a later answer in the same window can only lower what is left', () => {
    const window = new RateWindow();
    window.learn({ limit: 40, remaining: 10, resetAtMs: t0 + 1000 }, 0);
    window.learn({ limit: 40, remaining: 30, resetAtMs: t0 + 1000 }, 0);
    window.learn({ limit: 40, remaining: 2, resetAtMs: t0 + 1000 }, 0);
    assert.equal(admitted(window, t0, 10), 2);
  });

  test('after the reset a new window admits the known limit again', () => {
    const window = new RateWindow();
    window.learn({ limit: 5, remaining: 0, resetAtMs: t0 + 1000 }, 0);
    assert.equal(admitted(window, t0 + 500, 10), 0);
    assert.equal(admitted(window, t0 + 1000, 10), 5);
    assert.deepEqual(window.take(t0 + 1200), { ms: 800 });
  });

  test('a bare-string 429 closes the window until the end of the epoch-aligned window its text names', () => {
    const window = new RateWindow();
    const closedFor = window.refuse({ ...refusal, limit: 40, windowMs: 1000 }, t0 + 300, 5000);
    assert.equal(closedFor, 700);
    assert.deepEqual(window.take(t0 + 300), { ms: 700 });
    assert.equal(admitted(window, t0 + 1000, 100), 40);
  });

  test('Retry-After and the reset header decide the reopening before the fallback', () => {
    const byRetryAfter = new RateWindow();
    assert.equal(byRetryAfter.refuse({ ...refusal, retryAfterMs: 2000 }, t0, 300), 2000);
    const byReset = new RateWindow();
    assert.equal(byReset.refuse({ ...refusal, resetAtMs: t0 + 1500 }, t0, 300), 1500);
    const byFallback = new RateWindow();
    assert.equal(byFallback.refuse(refusal, t0, 300), 300);
  });

  test('with no limit known, a reopened window takes one probe; its success lets the rest go', () => {
    const window = new RateWindow();
    window.refuse(refusal, t0, 300);
    assert.equal(admitted(window, t0 + 300, 10), 1);
    assert.equal(window.take(t0 + 300), 'untilAnswer');
    window.admitted();
    assert.equal(admitted(window, t0 + 310, 10), 10);
  });

  test('a probe that got no answer frees the probe for the next request', () => {
    const window = new RateWindow();
    window.refuse(refusal, t0, 300);
    assert.equal(admitted(window, t0 + 300, 1), 1);
    window.abandoned();
    assert.equal(admitted(window, t0 + 300, 5), 1);
  });

  test('says a request may go whenever take() would not make it wait for a time, whatever came before', () => {
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('take' as const), inFlight: fc.integer({ min: 0, max: 3 }) }),
      fc.record({
        kind: fc.constant('learn' as const),
        limit: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        remaining: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
        resetInMs: fc.option(fc.integer({ min: -500, max: 2_000 }), { nil: undefined }),
        othersInFlight: fc.integer({ min: 0, max: 3 }),
      }),
      fc.record({
        kind: fc.constant('refuse' as const),
        retryAfterMs: fc.option(fc.integer({ min: 0, max: 2_000 }), { nil: undefined }),
        windowMs: fc.option(fc.constantFrom(1_000, 10_000), { nil: undefined }),
      }),
      fc.constant({ kind: 'admitted' as const }),
      fc.constant({ kind: 'abandoned' as const }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(operation, fc.integer({ min: 0, max: 700 })), { maxLength: 30 }), (steps) => {
        const window = new RateWindow();
        let now = t0;
        for (const [step, elapsedMs] of steps) {
          now += elapsedMs;
          if (step.kind === 'take') {
            const mayAdmit = window.mayAdmit(now);
            const wait = window.take(now, step.inFlight);
            if (!mayAdmit) assert.ok(typeof wait === 'object', `take() answered ${String(wait)}`);
          } else if (step.kind === 'learn') {
            const resetAtMs = step.resetInMs === undefined ? undefined : now + step.resetInMs;
            window.learn({ limit: step.limit, remaining: step.remaining, resetAtMs }, step.othersInFlight);
          } else if (step.kind === 'refuse') {
            window.refuse({ ...refusal, retryAfterMs: step.retryAfterMs, windowMs: step.windowMs }, now, 300);
          } else if (step.kind === 'admitted') window.admitted();
          else window.abandoned();
        }
      }),
      { numRuns: propertyRuns(1_000) },
    );
  });
});
