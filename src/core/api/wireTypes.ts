// Lenient zod building blocks for Sentry's wire format: counts that arrive as strings, ids that may be numbers.
import { z } from 'zod';

/** `count` arrives as a string on Sentry (`"25"`) and may exceed 2^31; GlitchTip also sends strings. Numbers are accepted too. */
export const countSchema = z
  .union([z.string(), z.number()])
  .transform((value) => Number(value))
  .refine((value) => Number.isFinite(value) && value >= 0, 'expected a non-negative count');

/** Ids are strings on Sentry (`"6507376925"`), numbers in some places and on GlitchTip; inside we keep strings. */
export const idSchema = z.union([z.string(), z.number()]).transform((value) => String(value));

/** A field that may be missing or null; both mean absent. */
export function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? undefined);
}
