// Logging ANY kind of interaction resets the keep-in-touch clock: checked end to end through
// the real interaction log (a fresh fake IndexedDB per test), which derives `lastContacted`,
// feeding the scheduler.
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContactService, type ContactService } from '../../../utils/background/contacts';
import { createInteractionService, type InteractionService } from '../../../utils/background/interactions';
import { addDays } from '../../../utils/dates';
import { INTERACTION_KINDS } from '../../../utils/model/interaction';
import { RapportDatabase } from '../../../utils/store/database';
import { computeSchedule } from '../../../utils/ticklers';
import { DAY, local, settings, wall } from './helpers';

let db: RapportDatabase;
let clock: number;
let contacts: ContactService;
let interactions: InteractionService;

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  db = new RapportDatabase('rapport-ticklers-cadence-test');
  clock = local(2026, 1, 5, 9);
  contacts = createContactService(db, () => clock);
  interactions = createInteractionService(db, () => clock);
});

afterEach(() => {
  db.close();
});

describe('the keep-in-touch clock', () => {
  it.each(INTERACTION_KINDS)('is reset by logging a %s', async (kind) => {
    const { contact } = await contacts.create({ name: 'Ada Lovelace', type: 'friend-family' });
    const cadence = () => computeSchedule({ contacts: [contact], reminders: [], settings: settings(), now: clock });
    // 30 days after being added she is due...
    clock = addDays(local(2026, 1, 5, 9), 31);
    expect(cadence().due.map((item) => item.key)).toEqual([`cadence:${contact.id}`]);

    // ...until any interaction is logged: the next round is 30 days after it.
    const when = local(2026, 2, 5, 8, 30);
    await interactions.log({ contactId: contact.id, kind, when });
    const stored = (await contacts.get(contact.id))!;
    const after = computeSchedule({ contacts: [stored], reminders: [], settings: settings(), now: clock });
    expect(after.due).toEqual([]);
    expect(wall(after.next)).toBe('2026-03-07T08:30');
    expect(after.next! - when).toBe(30 * DAY);
  });
});
