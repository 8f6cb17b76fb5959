// Elevator pitches over a real RapportDatabase.
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPitchService, type PitchService } from '../../../utils/background/pitches';
import { RequestError } from '../../../utils/background/request-error';
import { Pitch } from '../../../utils/model/pitch';
import { RapportDatabase } from '../../../utils/store/database';

const T0 = Date.UTC(2025, 2, 1, 12, 0, 0);

let db: RapportDatabase;
let clock: number;
let pitches: PitchService;

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  db = new RapportDatabase('rapport-pitches-test');
  clock = T0;
  pitches = createPitchService(db, () => clock);
});

afterEach(() => {
  db.close();
});

async function expectNotFound(promise: Promise<unknown>, id: number) {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RequestError);
  expect((error as RequestError).code).toBe('not-found');
  expect((error as RequestError).message).toContain(String(id));
}

describe('pitches', () => {
  it('save without an id creates a pitch and returns what it stored', async () => {
    const pitch = await pitches.save({ audience: 'Recruiters', text: 'I turn engines into poetry.' });
    expect(pitch).toEqual({ id: expect.any(Number), audience: 'Recruiters', text: 'I turn engines into poetry.', createdAt: T0, updatedAt: T0 });
    expect(await db.pitches.get(pitch.id)).toEqual(pitch);
    expect(Pitch.safeParse(pitch).success).toBe(true);
    // Two pitches may share an audience.
    const second = await pitches.save({ audience: 'Recruiters', text: 'Shorter.' });
    expect(second.id).not.toBe(pitch.id);
    expect(await db.pitches.count()).toBe(2);
  });

  it('save with an id replaces audience and text, keeps createdAt, bumps updatedAt', async () => {
    const pitch = await pitches.save({ audience: 'Recruiters', text: 'v1' });
    const other = await pitches.save({ audience: 'Alumni', text: 'other' });
    clock += 60_000;
    const updated = await pitches.save({ id: pitch.id, audience: 'Hiring managers', text: 'v2' });
    expect(updated).toEqual({ id: pitch.id, audience: 'Hiring managers', text: 'v2', createdAt: T0, updatedAt: T0 + 60_000 });
    expect(await db.pitches.get(pitch.id)).toEqual(updated);
    expect(await db.pitches.get(other.id)).toEqual(other);
    expect(await db.pitches.count()).toBe(2);
  });

  it('save with an unknown id is not-found and creates nothing', async () => {
    await pitches.save({ audience: 'Recruiters', text: 'v1' });
    const before = await db.pitches.toArray();
    await expectNotFound(pitches.save({ id: 42, audience: 'Alumni', text: 'x' }), 42);
    expect(await db.pitches.toArray()).toEqual(before);
  });

  it('list sorts by audience, then by age', async () => {
    const b1 = await pitches.save({ audience: 'Recruiters', text: '1' });
    const a = await pitches.save({ audience: 'alumni', text: '2' });
    const b2 = await pitches.save({ audience: 'Recruiters', text: '3' });
    const c = await pitches.save({ audience: 'Engineers', text: '4' });
    expect((await pitches.list()).map((p) => p.id)).toEqual([a.id, c.id, b1.id, b2.id]);
    expect(await pitches.list()).toEqual([a, c, b1, b2]);
  });

  it('remove deletes and returns the pitch; a missing one is not-found', async () => {
    const pitch = await pitches.save({ audience: 'Recruiters', text: 'v1' });
    const keep = await pitches.save({ audience: 'Alumni', text: 'keep' });
    expect(await pitches.remove(pitch.id)).toEqual(pitch);
    expect(await pitches.list()).toEqual([keep]);
    await expectNotFound(pitches.remove(pitch.id), pitch.id);
    expect(await pitches.list()).toEqual([keep]);
  });
});
