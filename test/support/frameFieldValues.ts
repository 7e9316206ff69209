// Values of every JSON type for the fields of a stack frame, for property tests that hold a hand-written frame reader
// to the zod schema it replaces: context-line lists and `[line, text]` pairs among them; object keys from a small set
// (no `__proto__`).
import fc from 'fast-check';

export const { value: frameFieldValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -100, max: 2_000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 12 }),
    fc.array(fc.option(fc.string({ maxLength: 8 }), { nil: null }), { maxLength: 4 }),
    fc.array(
      fc.oneof(
        fc.tuple(fc.integer({ min: 1, max: 200 }), fc.option(fc.string({ maxLength: 8 }), { nil: null })),
        fc.tuple(fc.integer({ min: 1, max: 200 }), fc.string({ maxLength: 4 }), tie('value')),
        fc.array(tie('value'), { maxLength: 2 }),
      ),
      { maxLength: 3 },
    ),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('k0', 'k1', 'k2'), tie('value'), { maxKeys: 3 }),
  ),
}));
