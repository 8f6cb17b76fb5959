import { z } from 'zod';
import { Id, Timestamp, longText, shortText } from './common';

export const Pitch = z.object({
  id: Id,
  audience: shortText(100),
  text: longText(5_000),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Pitch = z.infer<typeof Pitch>;
