// Fresh ids for entities a test builds without naming them; started high so they never meet the scenario's fixed ids.

let nextNumber = 900_000;

export function nextNumericId(): number {
  nextNumber += 1;
  return nextNumber;
}

/** A 32-digit hex id, the form of Sentry event ids. */
export function nextEventId(): string {
  return nextNumericId().toString(16).padStart(32, '0');
}
