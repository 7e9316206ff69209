// Proves the gate never lets more tasks run at once than its limit, including after the limit is lowered.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConcurrencyGate } from '../../../../src/core/api/concurrencyGate';

async function observeMaxInFlight(gate: ConcurrencyGate, tasks: number, lowerTo?: number): Promise<number> {
  let inFlight = 0;
  let max = 0;
  const run = async (index: number): Promise<void> => {
    inFlight++;
    max = Math.max(max, inFlight);
    if (index === 0 && lowerTo) gate.lowerLimitTo(lowerTo);
    await new Promise((resolve) => setImmediate(resolve));
    inFlight--;
  };
  await Promise.all(Array.from({ length: tasks }, (_, index) => gate.run(() => run(index))));
  return max;
}

test('runs at most `limit` tasks at once and all of them finish', async () => {
  assert.equal(await observeMaxInFlight(new ConcurrencyGate(3), 20), 3);
});

test('a lowered limit holds for the tasks that start afterwards', async () => {
  const gate = new ConcurrencyGate(4);
  await observeMaxInFlight(gate, 10, 2);
  assert.equal(gate.currentLimit, 2);
  assert.equal(await observeMaxInFlight(gate, 10), 2);
});

test('the limit is never raised nor set below one', () => {
  const gate = new ConcurrencyGate(4);
  gate.lowerLimitTo(10);
  gate.lowerLimitTo(0);
  gate.lowerLimitTo(Number.NaN);
  assert.equal(gate.currentLimit, 4);
});

test('urgent tasks wait ahead of the queued ones', async () => {
  const gate = new ConcurrencyGate(1);
  const order: string[] = [];
  let release: () => void = () => undefined;
  const blocker = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
  const normal = gate.run(async () => void order.push('normal'));
  const urgent = gate.run(async () => void order.push('urgent'), true);
  await new Promise((resolve) => setImmediate(resolve)); // the blocker has started and holds the only slot
  release();
  await Promise.all([blocker, normal, urgent]);
  assert.deepEqual(order, ['urgent', 'normal']);
});
