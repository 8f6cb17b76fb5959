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
