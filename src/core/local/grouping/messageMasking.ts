// Masks the variable parts of a message (numbers, hex, ids, addresses, dates) so that "user 17 not found" and
// "user 42 not found" group together, as Sentry's message parameterization does.

const MASKS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g, '<uuid>'],
  [/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, '<email>'],
  [/\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g, '<date>'],
  [/\b\d{1,3}(?:\.\d{1,3}){3}\b/g, '<ip>'],
  [/\b0[xX][0-9a-fA-F]+\b/g, '<hex>'],
  // Bare hex of 8+ characters with at least one digit and one letter: hashes, object ids, trace ids.
  [/\b(?=[0-9a-fA-F]*\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\b/g, '<hex>'],
  [/\d+(?:\.\d+)?/g, '<int>'],
];

/** The message with its variable parts masked; whitespace runs become one space. */
export function maskMessage(message: string): string {
  let masked = message.trim().replace(/\s+/g, ' ');
  for (const [pattern, mask] of MASKS) masked = masked.replace(pattern, mask);
  return masked;
}
