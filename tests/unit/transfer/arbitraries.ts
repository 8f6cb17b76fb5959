// fast-check generators for the round-trip properties: valid stored contacts whose text is
// full of what breaks formats — commas, semicolons, backslashes, quotes, line breaks, formula
// characters, emoji, non-ASCII.
import fc from 'fast-check';
import { canonicalProfileUrl } from '../../../utils/linkedin/profile-url';
import { Contact, Email } from '../../../utils/model/contact';
import { stripControls } from '../../../utils/transfer/cells';
import { phoneKey } from '../../../utils/transfer/draft';

const TRICKY = [',', ';', '\\', '\n', ':', '"', "'", ' ', '\t', '=', '+', '-', '@', '^', 'a', 'Z', '0', 'ö', 'é', 'ß', 'Ø', '中', '🚀', '👩‍💻', '\u00A0', '^n'];

/** Any text: tricky characters, any Unicode code point, or plain ASCII. */
export const anyText = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: fc.constantFrom(...TRICKY), maxLength }),
    fc.string({ unit: 'binary', maxLength }).filter((s) => s.isWellFormed()),
    fc.string({ maxLength }),
  );

/** Text a contact can hold and an export keeps: control characters are left out by exports (cells.ts). */
const contactText = (maxLength: number) => anyText(maxLength).map(stripControls);

/** At most `max` UTF-16 units (what zod counts), never cutting a character in two. */
function clip(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** Line breaks are "\n" (notes come from a textarea; formats normalise CR). */
const multiLine = (max: number) => contactText(max).map((s) => clip(s.replace(/\r\n?/g, '\n'), max));
/** Fields shown on one line. */
const oneLine = (max: number) => contactText(max).map((s) => clip(s.replace(/[\r\n]+/g, ' ').trim(), max).trim()).filter((s) => s.length > 0);

const timestamp = fc.oneof(
  fc.integer({ min: 0, max: 4_102_444_800_000 }),
  fc.date({ min: new Date(1971, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }).map((d) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()),
  fc.constant(8.64e15),
);

const email = fc.emailAddress({ size: 'small' }).filter((e) => Email.safeParse(e).success).map((e) => Email.parse(e));
const slug = fc.stringMatching(/^[a-z0-9ö_-]{3,30}$/).filter((s) => !s.startsWith('acoaa'));

export const contactArb = (id: number) =>
  fc
    .record(
      {
        name: oneLine(200),
        headline: oneLine(500),
        company: oneLine(200),
        title: oneLine(200),
        location: oneLine(200),
        emails: fc.uniqueArray(email, { maxLength: 3 }),
        phones: fc.uniqueArray(oneLine(40).filter((p) => p.length >= 3), { maxLength: 3, selector: phoneKey }),
        linkedinSlug: slug,
        tags: fc.uniqueArray(oneLine(50), { maxLength: 4, selector: (t) => t.toLocaleLowerCase() }),
        type: oneLine(40),
        howWeMet: fc.record({ event: oneLine(200), date: timestamp, place: oneLine(200) }, { requiredKeys: [] }),
        notes: multiLine(400).map((n) => (n.trim() ? n : '')),
        interests: multiLine(200).filter((s) => s.trim().length > 0),
        cadenceDays: fc.integer({ min: 1, max: 3650 }),
        nextFollowUp: timestamp,
      },
      { requiredKeys: ['name', 'emails', 'phones', 'tags', 'notes'] },
    )
    .map((fields) => {
      const howWeMet = fields.howWeMet && Object.keys(fields.howWeMet).length ? fields.howWeMet : undefined;
      return Contact.safeParse({
        ...fields,
        howWeMet,
        ...(fields.linkedinSlug ? { linkedinUrl: canonicalProfileUrl(fields.linkedinSlug) } : {}),
        id,
        createdAt: 1_700_000_000_000,
        updatedAt: 1_700_000_000_000,
      });
    })
    .filter((parsed) => parsed.success)
    .map((parsed) => parsed.data!);

/** Several contacts with distinct ids (and, when asked, distinct LinkedIn profiles). */
export const contactsArb = (maxLength: number) =>
  fc.array(fc.nat(), { minLength: 1, maxLength }).chain((seeds) => fc.tuple(...seeds.map((_, i) => contactArb(i + 1))));

/** The fields an import row carries, for comparisons. */
export function importable(c: Contact) {
  const picked: Record<string, unknown> = {
    name: c.name, emails: c.emails, phones: c.phones, tags: c.tags, notes: c.notes,
    company: c.company, title: c.title, headline: c.headline, location: c.location, type: c.type,
    linkedinSlug: c.linkedinSlug, linkedinUrl: c.linkedinUrl, howWeMet: c.howWeMet, interests: c.interests,
    cadenceDays: c.cadenceDays, nextFollowUp: c.nextFollowUp,
  };
  for (const k of Object.keys(picked)) if (picked[k] === undefined) delete picked[k];
  return picked;
}
