import { z } from 'zod';

// Extension pages forbid eval (MV3 CSP): skip zod's probe for a `new Function` fast path.
z.config({ jitless: true });

/** Every date is stored as milliseconds since the epoch (IndexedDB sorts numbers natively). */
export const Timestamp = z.number().int().min(0).max(8.64e15);

export const Id = z.number().int().positive();

/** Short single-line text: trimmed, bounded, no empty strings stored. */
export const shortText = (max: number) => z.string().trim().min(1).max(max);

/** Multi-line free text (notes, details): may be empty, bounded so a page cannot flood the store. */
export const longText = (max: number) => z.string().max(max);

/**
 * A schema for a change to some fields of `schema`: every field optional and WITHOUT its
 * default, so a patch naming one field never parses into one that resets the others; `null`
 * clears a field (Chrome's messaging drops keys whose value is undefined, so undefined cannot
 * mean "clear"). Strict: unknown keys are refused.
 */
export function patchOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).nullable().optional(),
    ]),
  ) as { [K in keyof Shape]: z.ZodOptional<z.ZodNullable<z.ZodType<z.output<Shape[K]>, z.input<Shape[K]>>>> };
  return z.object(shape).strict();
}

/** Applies a patch: named fields replace, `null` (or undefined) removes. */
export function applyPatch<T extends object>(record: T, patch: object): T {
  const next = { ...record, ...patch } as Record<string, unknown>;
  for (const key of Object.keys(next)) if (next[key] === null || next[key] === undefined) delete next[key];
  return next as T;
}
