// Properties of frame path normalisation over arbitrary, hostile inputs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { normalizeFramePath } from '../../../../src/core/resolve/paths';
import { propertyRuns } from '../../../support/propertyRuns';

/** Strings built from the pieces that make paths tricky, so that the interesting cases are common. */
const pathPiece = fc.constantFrom(
  '..',
  '.',
  '/',
  '\\',
  '~',
  'C:',
  'a',
  'src',
  'x.ts',
  '%2e%2e',
  '%2F',
  '?',
  '#',
  ':',
  '//',
  'webpack://',
  'http://h:1/',
  'app:///',
  'file:///',
  '<',
  '[',
  'node:',
  ' ',
  '\0',
);
const hostilePath = fc.oneof(
  fc.string(),
  fc.array(pathPiece, { maxLength: 12 }).map((pieces) => pieces.join('')),
);

test('normalizeFramePath is idempotent', () => {
  fc.assert(
    fc.property(hostilePath, (raw) => {
      const once = normalizeFramePath(raw);
      if (once !== undefined) assert.equal(normalizeFramePath(once), once);
    }),
    { numRuns: propertyRuns(5000) },
  );
});

test('normalizeFramePath never yields a leading slash, an empty, `.` or `..` segment, or a backslash', () => {
  fc.assert(
    fc.property(hostilePath, (raw) => {
      const path = normalizeFramePath(raw);
      if (path === undefined) return;
      assert.ok(!path.startsWith('/'), path);
      assert.ok(!path.includes('\\'), path);
      for (const segment of path.split('/')) assert.ok(segment !== '' && segment !== '.' && segment !== '..', path);
    }),
    { numRuns: propertyRuns(5000) },
  );
});
