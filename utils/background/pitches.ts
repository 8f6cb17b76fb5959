import type { Pitch } from '../model/pitch';
import type { RapportDatabase } from '../store/database';
import { RequestError } from './request-error';

/** Elevator pitches, one or more per audience. */
export function createPitchService(db: RapportDatabase, now: () => number) {
  return {
    async list(): Promise<Pitch[]> {
      return (await db.pitches.toArray()).sort((a, b) => a.audience.localeCompare(b.audience) || a.id - b.id);
    },

    async save(input: { id?: number; audience: string; text: string }): Promise<Pitch> {
      return db.transaction('rw', db.pitches, async () => {
        const at = now();
        if (input.id !== undefined) {
          const existing = await db.pitches.get(input.id);
          if (!existing) throw new RequestError('not-found', `There is no pitch #${input.id}.`);
          const updated = { ...existing, audience: input.audience, text: input.text, updatedAt: at };
          await db.pitches.put(updated);
          return updated;
        }
        const record = { audience: input.audience, text: input.text, createdAt: at, updatedAt: at };
        const id = await db.pitches.add(record as Pitch);
        return { ...record, id };
      });
    },

    async remove(id: number): Promise<Pitch> {
      return db.transaction('rw', db.pitches, async () => {
        const existing = await db.pitches.get(id);
        if (!existing) throw new RequestError('not-found', `There is no pitch #${id}.`);
        await db.pitches.delete(id);
        return existing;
      });
    },
  };
}
export type PitchService = ReturnType<typeof createPitchService>;
