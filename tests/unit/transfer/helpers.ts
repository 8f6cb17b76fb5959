// Shared by the transfer tests: fixture files as the browser hands them over (bytes), dates in
// local time, and valid stored contacts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Contact } from '../../../utils/model/contact';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/import');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(FIXTURES, name)));
}

/** Local midnight of a calendar day (the tests run in Europe/Stockholm). */
export const localDay = (year: number, month: number, day: number) => new Date(year, month - 1, day).getTime();

let nextId = 1;
/** A stored contact, as the store would hold it (schema-parsed). */
export function storedContact(fields: Partial<Contact> & { name: string }): Contact {
  const id = fields.id ?? nextId++;
  return Contact.parse({ createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000, ...fields, id });
}
