// How many cases a property test tries: its own count times PROPERTY_RUNS_SCALE (default 1), at least one, so a quick
// local run can take PROPERTY_RUNS_SCALE=0.1 and a soak PROPERTY_RUNS_SCALE=20 without editing the tests. Importing
// this module also scales fast-check's default of 100 for the properties that name no count.
import fc from 'fast-check';

const scale = Number(process.env['PROPERTY_RUNS_SCALE'] ?? '1');
if (!Number.isFinite(scale) || scale <= 0)
  throw new Error(`PROPERTY_RUNS_SCALE must be a positive number, not ${process.env['PROPERTY_RUNS_SCALE']}`);

export function propertyRuns(runs: number): number {
  return Math.max(1, Math.round(runs * scale));
}

fc.configureGlobal({ ...fc.readConfigureGlobal(), numRuns: propertyRuns(100) });
