// The CSV importers against files in the exact shapes LinkedIn, Google and Outlook write (see
// ../shared/sites.md, "Files users already have"), quirks included.
import { describe, expect, it } from 'vitest';
import { applyMapping, columnMapping, googleLabels, readCsvTable, splitEmails } from '../../../utils/transfer/csv-import';
import { detectFormat } from '../../../utils/transfer/detect';
import { readImportFile } from '../../../utils/transfer/import-file';
import { fixture, localDay } from './helpers';

const read = (name: string) => readImportFile(name, fixture(name));
const byName = (file: ReturnType<typeof read>, name: string) => file.rows.find((r) => r.draft.name === name);

describe('LinkedIn Connections.csv', () => {
  const file = read('linkedin-connections.csv');

  it('finds the header below the BOM and the "Notes:" preamble', () => {
    expect(file.format).toBe('linkedin-connections');
    expect(file.problems).toEqual([]);
    expect(file.headers).toEqual(['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On']);
  });

  it('reads non-ASCII names and percent-encoded profile URLs into canonical slugs', () => {
    const thilde = byName(file, 'Thilde Markström')!;
    expect(thilde.line).toBe(5);
    expect(thilde.draft).toMatchObject({
      company: 'Volvo Cars',
      title: 'Data Engineer',
      emails: [],
      linkedinSlug: 'thilde-markström-02a5192b7',
      linkedinUrl: 'https://www.linkedin.com/in/thilde-markstr%C3%B6m-02a5192b7/',
    });
    expect(byName(file, 'Søren Kierkegaard')!.draft.linkedinSlug).toBe('søren-kierkegaard');
    // Upper-case letters in the URL do not change who it is.
    expect(file.rows.find((r) => r.line === 7)!.draft.linkedinSlug).toBe('grace-hopper-3d4e5f');
  });

  it('turns "Connected On" into how-we-met "Connected on LinkedIn" at local midnight', () => {
    expect(byName(file, 'Thilde Markström')!.draft.howWeMet).toEqual({ event: 'Connected on LinkedIn', date: localDay(2024, 3, 12) });
    expect(byName(file, 'Ada Lovelace')!.draft.howWeMet).toEqual({ event: 'Connected on LinkedIn', date: localDay(2023, 1, 3) });
  });

  it('keeps quoted commas, embedded quotes and a line break inside a quoted field', () => {
    expect(byName(file, 'Ada Lovelace')!.draft).toMatchObject({
      company: 'Babbage & Co., Ltd',
      title: 'Programmer, Analytical Engine',
      emails: ['ada@example.org'],
    });
    expect(file.rows.find((r) => r.line === 7)!.draft.name).toBe('Grace Hopper "Amazing Grace"');
    // The position spans lines 8–9: the record starts on 8, the next one on 10.
    const linus = byName(file, 'Linus Ek')!;
    expect(linus.line).toBe(8);
    expect(linus.draft.title).toBe('Engineering Manager Platform');
  });

  it('skips a row with neither name nor e-mail, naming its line', () => {
    expect(file.skipped).toEqual([{ line: 10, reason: 'no name and no e-mail address' }]);
  });

  it('leaves out an invalid e-mail and an impossible date with a warning, keeping the row', () => {
    const emile = byName(file, 'Émile Zola')!;
    expect(emile.line).toBe(11);
    expect(emile.draft.emails).toEqual([]);
    expect(emile.draft.howWeMet).toEqual({ event: 'Connected on LinkedIn' });
    expect(emile.warnings).toEqual([
      '"not-an-email" is not a valid e-mail address; left out',
      '"30 Feb 2024" is not a date this importer can read; the date is left out',
    ]);
  });

  it('counts lines the way editors do when line ends are mixed (CRLF, LF, a lone CR)', () => {
    const text = 'First Name,Last Name,Connected On\r\nAda,Lovelace,03 Jan 2023\nGrace,"Hopper\rB",01 Feb 2022\rLinus,Ek,15 Aug 2021\r\n';
    expect(readImportFile('Connections.csv', text).rows.map((r) => [r.line, r.draft.name])).toEqual([
      [2, 'Ada Lovelace'],
      [3, 'Grace Hopper B'],
      [5, 'Linus Ek'],
    ]);
  });

  it('reads an older export: no URL column, no preamble, no BOM, LF line ends', () => {
    const old = read('linkedin-connections-old.csv');
    expect(old.format).toBe('linkedin-connections');
    expect(old.problems).toEqual([]);
    expect(old.rows.map((r) => [r.line, r.draft.name, r.draft.linkedinSlug, r.draft.emails])).toEqual([
      [2, 'Ada Lovelace', undefined, ['ada@example.org']],
      [3, 'Thilde Markström', undefined, []],
    ]);
    expect(old.rows[1]!.draft.howWeMet).toEqual({ event: 'Connected on LinkedIn', date: localDay(2017, 3, 12) });
  });
});

describe('Google Contacts CSV', () => {
  it('current format: numbered e-mail/phone groups, " ::: " multi-values, labels without system groups', () => {
    const file = read('google-contacts.csv');
    expect(file.format).toBe('google-csv');
    expect(file.problems).toEqual([]);
    const ada = file.rows[0]!;
    expect(ada.line).toBe(2);
    expect(ada.draft).toMatchObject({
      name: 'Ada King Lovelace',
      company: 'Babbage & Co., Ltd',
      title: 'Programmer',
      location: 'London, United Kingdom',
      // "ada@…  ::: ada.l@…" in one cell, and the same address again (other case) in group 2.
      emails: ['ada@example.org', 'ada.l@example.net'],
      phones: ['+44 20 7946 0000'],
      tags: ['Mentors'],
      notes: 'Met at the Difference Engine meetup.\nAsk about Bernoulli numbers.',
      // A website that is a LinkedIn profile, written without scheme; the blog is ignored.
      linkedinSlug: 'ada-lovelace-0a1b2c3d',
    });
    expect(ada.warnings).toEqual([]);
  });

  it('current format: nickname when there is no name, the e-mail when there is neither, else skipped', () => {
    const file = read('google-contacts.csv');
    expect(file.rows.find((r) => r.line === 4)!.draft).toMatchObject({ name: 'Bosse', tags: ['Stockholm', 'Running club'] });
    const noName = file.rows.find((r) => r.line === 5)!;
    expect(noName.draft.name).toBe('noname@example.com');
    expect(noName.warnings).toEqual(['no name in the file: named after the e-mail address']);
    expect(file.skipped).toEqual([{ line: 6, reason: 'no name and no e-mail address' }]);
    expect(file.rows.find((r) => r.line === 7)!.draft.emails).toEqual(['thilde@example.se', 'thilde.m@example.com']);
  });

  it('legacy format: Name, Group Membership, any number of E-mail/Organization groups', () => {
    const file = read('google-contacts-legacy.csv');
    expect(file.format).toBe('google-csv');
    expect(file.problems).toEqual([]);
    expect(file.rows[0]!.draft).toMatchObject({
      name: 'Grace Hopper',
      emails: ['grace@example.org', 'g.hopper@example.net', 'hopper@example.mil', 'amazing.grace@example.com'],
      phones: ['+1 202 555 0100', '+1 202 555 0101'],
      // Organization 1 has only a title; the first organisation with a name is the employer.
      company: 'US Navy',
      title: 'Rear Admiral',
      tags: ['Friends', 'Navy'],
      notes: 'Said "call me Grace".',
      linkedinSlug: 'grace-hopper-3d4e5f',
    });
    // Empty "Name": built from Given + Family.
    expect(file.rows[1]!.draft).toMatchObject({ name: 'Linus Ek', company: 'Spotify', title: 'Engineering Manager' });
  });

  it('drops "* myContacts" and "* starred", keeps other starred groups without the star', () => {
    expect(googleLabels('* myContacts ::: Friends ::: * starred')).toEqual(['Friends']);
    expect(googleLabels('* My Contacts ::: * Coworkers ::: Imported on 3/4/21')).toEqual(['Coworkers', 'Imported on 3/4/21']);
    expect(googleLabels('')).toEqual([]);
  });
});

describe('Outlook CSV', () => {
  it('desktop export in Windows-1252, without Categories: "Title" is the name prefix, not the job', () => {
    const file = read('outlook.csv');
    expect(file.format).toBe('outlook-csv');
    expect(file.problems).toEqual([]);
    expect(file.notices).toEqual([expect.stringContaining('Windows-1252')]);
    const thilde = file.rows[0]!;
    expect(thilde.draft).toMatchObject({
      name: 'Thilde Markström',
      title: 'Data Engineer',
      company: 'Volvo Cars',
      location: 'Göteborg, Sweden',
      emails: ['thilde@example.se'],
      // The mobile; not the fax and not the assistant's number.
      phones: ['+46 70 123 45 67'],
      linkedinSlug: 'thilde-markström-02a5192b7',
      notes: 'Prefers e-mail.\nCoffee: oat milk, no sugar.',
      tags: [],
    });
    // Exchange writes an X.500 address where the SMTP one should be.
    expect(thilde.warnings).toEqual([expect.stringMatching(/^"\/o=ExchangeLabs.* is not a valid e-mail address; left out$/)]);
    expect(file.rows[1]!.draft).toMatchObject({ name: 'Émile Zola', location: 'Paris, France', title: 'Writer' });
  });

  it('Outlook.com export with ";"-separated Categories', () => {
    const file = read('outlook-categories.csv');
    expect(file.format).toBe('outlook-csv');
    expect(file.rows[0]!.draft).toMatchObject({
      name: 'Ada Lovelace',
      emails: ['ada@example.org', 'ada.l@example.net'],
      phones: ['+44 20 7946 0000'],
      tags: ['Mentors', 'Math', 'London'],
      location: 'London, United Kingdom',
    });
    expect(file.rows[1]!.draft.tags).toEqual(['Philosophy']);
  });
});

describe('any other CSV: column mapping', () => {
  it('suggests a mapping from odd header names and reads a ";" file with a "sep=" line', () => {
    const file = read('generic-odd-headers.csv');
    expect(file.format).toBe('generic-csv');
    expect(file.problems).toEqual([]);
    expect(file.headers).toEqual([
      'Full name', 'E-Mail (work)', 'Mobile #', 'Employer', 'Role', 'Tags', 'Comments', 'LinkedIn profile', 'Date met', 'Favourite colour',
    ]);
    expect(file.mapping).toEqual(['name', 'email', 'phone', 'company', 'title', 'tags', 'notes', 'linkedinUrl', 'howWeMetDate', null]);
    expect(file.rows.map((r) => r.line)).toEqual([3, 4, 6, 7]);
    expect(file.rows[0]!.draft).toMatchObject({
      name: 'Thilde Markström',
      emails: ['thilde@example.se', 'thilde.m@example.com'],
      tags: ['data', 'ML'],
      notes: 'Met at a meetup; "great" talk',
      linkedinSlug: 'thilde-markström-02a5192b7',
      howWeMet: { date: localDay(2024, 3, 12) },
    });
    // "Ada <ada@…>" gives the address; "12/03/2024" could be March or December: refused, not guessed.
    expect(file.rows[1]!.draft.emails).toEqual(['ada@example.org']);
    expect(file.rows[1]!.warnings).toEqual(['"12/03/2024" is not a date this importer can read; the date is left out']);
    expect(file.rows[3]!.warnings).toEqual([
      '"https://example.com/me" is not a LinkedIn profile address; left out',
      '"03/04/2024" is not a date this importer can read; the date is left out',
    ]);
  });

  it('applies a mapping the user corrected', () => {
    const detected = detectFormat('odd.csv', fixture('generic-odd-headers.csv'));
    const table = readCsvTable(detected.text, detected.csv!);
    const mapping = columnMapping(table.headers);
    mapping[9] = 'tags';
    mapping[6] = null;
    const { rows } = applyMapping(table, mapping);
    expect(rows[0]!.draft.tags).toEqual(['data', 'ML', 'green']);
    expect(rows[0]!.draft.notes).toBe('');
    // Or through the entry point.
    expect(readImportFile('odd.csv', fixture('generic-odd-headers.csv'), { mapping }).rows[1]!.draft.tags).toEqual(['mentor', 'blue']);
  });

  it('maps first/last name columns and common synonyms', () => {
    expect(columnMapping(['Given name', 'Surname', 'Work e-mail 2', 'Phone (mobile)', 'Organisation', 'Job title', 'Notes', 'Labels', 'E-mail type'])).toEqual(
      ['firstName', 'lastName', 'email', 'phone', 'company', 'title', 'notes', 'tags', null],
    );
  });

  it('refuses a mapping with no name or e-mail column, naming the header line', () => {
    const file = readImportFile('x.csv', 'Colour,Size\nred,big\n');
    expect(file.format).toBe('generic-csv');
    expect(file.problems).toEqual([{ line: 1, message: 'Line 1: no column holds a name or an e-mail address. Choose which columns to import.' }]);
    expect(file.rows).toEqual([]);
  });

  it('splits several e-mail addresses in one cell', () => {
    expect(splitEmails('a@x.org, b@y.org;c@z.org d@w.org')).toEqual(['a@x.org', 'b@y.org', 'c@z.org', 'd@w.org']);
    expect(splitEmails('"Ada" <ada@x.org>, Grace <grace@y.org>')).toEqual(['ada@x.org', 'grace@y.org']);
  });
});

describe('bad files: a message naming the line and the problem, and no rows', () => {
  it('an unterminated quote', () => {
    const file = read('broken-unterminated-quote.csv');
    expect(file.problems).toEqual([
      { line: 6, message: 'Line 6: a quoted field is never closed (a " is missing), so the rest of the file cannot be read.' },
    ]);
    expect(file.rows).toEqual([]);
  });

  it('a quote inside a quoted field that is not doubled', () => {
    const file = readImportFile('x.csv', 'Name,Email\n"Ada "the" Lovelace",ada@example.org\n');
    expect(file.problems[0]).toEqual({ line: 2, message: 'Line 2: a quote inside a quoted field must be doubled ("").' });
    expect(file.rows).toEqual([]);
  });

  it('more fields than the header (an unquoted comma); a trailing empty field is harmless', () => {
    const file = read('broken-too-many-fields.csv');
    expect(file.problems).toEqual([
      { line: 3, message: 'Line 3: 8 fields where the header has 7. A value containing "," is probably not quoted.' },
    ]);
    expect(file.rows).toEqual([]);
    const fine = readImportFile('x.csv', 'First Name,Last Name,Connected On\nAda,Lovelace,03 Jan 2023,\nGrace,Hopper\n');
    expect(fine.problems).toEqual([]);
    expect(fine.rows.map((r) => r.draft.name)).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });

  it('a header and no rows', () => {
    expect(read('header-only.csv').problems).toEqual([{ line: 1, message: 'Line 1: the file has a header but no rows.' }]);
  });

  it('an empty file, binary data, a JSON file that is no backup, a one-word text', () => {
    expect(read('empty.csv').problems).toEqual([{ message: 'The file is empty.' }]);
    expect(read('binary.bin').problems).toEqual([{ message: expect.stringContaining('not a text file') }]);
    expect(readImportFile('data.json', '{"hello": 1}').problems).toEqual([{ message: 'This JSON file is not a Rapport backup.' }]);
    expect(readImportFile('notes', 'hello').format).toBe('unknown');
  });

  it('a row the store would refuse (a name of 300 characters) is skipped with the reason', () => {
    const file = readImportFile('x.csv', `Name,Email\n${'A'.repeat(300)},a@example.org\nAda,ada@example.org\n`);
    expect(file.skipped).toEqual([{ line: 2, reason: 'name is longer than 200 characters' }]);
    expect(file.rows.map((r) => r.draft.name)).toEqual(['Ada']);
  });
});

describe('detectFormat', () => {
  it('judges by content, not by name', () => {
    expect(detectFormat('contacts.txt', fixture('contacts-4.0.vcf')).format).toBe('vcard');
    expect(detectFormat('Connections.vcf.csv', fixture('linkedin-connections.csv')).format).toBe('linkedin-connections');
    expect(detectFormat('x.csv', fixture('google-contacts-legacy.csv')).format).toBe('google-csv');
    expect(detectFormat('x.csv', fixture('outlook-categories.csv')).format).toBe('outlook-csv');
    expect(detectFormat('backup.txt', '{\n  "format": "rapport-backup",\n  "schemaVersion": 1\n}').format).toBe('rapport-backup');
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text": tab-separated)', () => {
    const text = '\uFEFFName\tEmail\nThilde Markström\tthilde@example.se\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[i * 2] = text.charCodeAt(i) & 0xff;
      bytes[i * 2 + 1] = text.charCodeAt(i) >> 8;
    }
    const file = readImportFile('unicode.txt', bytes);
    expect(file.format).toBe('generic-csv');
    expect(file.rows[0]!.draft).toMatchObject({ name: 'Thilde Markström', emails: ['thilde@example.se'] });
  });

  it('a .vcf that does not start with BEGIN:VCARD', () => {
    expect(readImportFile('x.vcf', 'FN:Ada\nEND:VCARD\n').problems).toEqual([{ message: 'Line 1: a vCard file must start with BEGIN:VCARD.' }]);
  });
});
