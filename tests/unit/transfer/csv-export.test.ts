// The CSV export: fixed columns, spreadsheet-safe cells, and a file that reads back unchanged
// through the generic CSV import.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../../utils/model/interaction';
import { formatDate, guardFormula, joinList, parseDate, splitList, unguardFormula } from '../../../utils/transfer/cells';
import { columnMapping } from '../../../utils/transfer/csv-import';
import { contactColumns, contactsCsv, interactionsCsv } from '../../../utils/transfer/csv-export';
import { readImportFile } from '../../../utils/transfer/import-file';
import { planImport } from '../../../utils/transfer/plan';
import { anyText, contactsArb, importable } from './arbitraries';
import { localDay, storedContact } from './helpers';

const rowsOf = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

const ada = storedContact({
  id: 7,
  name: 'Ada Lovelace',
  emails: ['ada@example.org', 'ada.l@example.net'],
  phones: ['+44 20 7946 0000'],
  company: 'Babbage & Co., Ltd',
  linkedinSlug: 'ada-lovelace-0a1b2c3d',
  linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace-0a1b2c3d/',
  tags: ['math', 'R&D; EMEA'],
  howWeMet: { event: 'Difference Engine meetup', date: localDay(2024, 3, 12) },
  notes: '=HYPERLINK("http://evil.example","click")\nsecond line',
  cadenceDays: 30,
  createdAt: Date.UTC(2024, 2, 12, 13, 5),
  updatedAt: Date.UTC(2024, 2, 12, 13, 5),
});
const grace = storedContact({ id: 8, name: 'Grace Hopper', introducedBy: 7, notes: '' });

describe('contacts CSV', () => {
  it('has a BOM, CRLF line ends and columns in a fixed order', () => {
    const csv = contactsCsv([grace, ada]);
    expect(csv.startsWith('\uFEFFName,E-mails,Phones,Company,Title,Headline,Location,LinkedIn,Tags,Type,How we met,Met on,Met at,Notes,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, first, second] = rowsOf(csv);
    expect(header).toEqual(contactColumns(() => undefined).map(([h]) => h));
    const cell = (row: string[] | undefined, name: string) => row![header!.indexOf(name)];
    // Sorted by name; lists joined with "; " (a ";" inside a value escaped); calendar dates as dates.
    expect(cell(first, 'Name')).toBe('Ada Lovelace');
    expect(cell(first, 'E-mails')).toBe('ada@example.org; ada.l@example.net');
    expect(cell(first, 'Tags')).toBe('math; R&D\\; EMEA');
    expect(cell(first, 'Met on')).toBe('2024-03-12');
    expect(cell(first, 'Created')).toBe('2024-03-12T13:05:00.000Z');
    expect(cell(first, 'Cadence (days)')).toBe('30');
    expect(cell(first, 'Rapport ID')).toBe('7');
    expect(cell(second, 'Introduced by')).toBe('Ada Lovelace');
  });

  it('guards cells a spreadsheet would run as formulas', () => {
    const [header, first] = rowsOf(contactsCsv([ada]));
    expect(first![header!.indexOf('Notes')]).toBe('\'=HYPERLINK("http://evil.example","click")\nsecond line');
    expect(first![header!.indexOf('Phones')]).toBe("'+44 20 7946 0000");
    for (const evil of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', "'=1"]) expect(guardFormula(evil).startsWith("'")).toBe(true);
    for (const plain of ['Ada', "'quoted'", '1-2', 'a=b']) expect(guardFormula(plain)).toBe(plain);
  });

  it('leaves out control characters (they would make the file look binary), keeps tabs and line breaks', () => {
    const odd = storedContact({ name: 'Ada\u0000 Love\u0007lace', notes: 'a\tb\nc\u001b' });
    const [header, row] = rowsOf(contactsCsv([odd]));
    expect(row![header!.indexOf('Name')]).toBe('Ada Lovelace');
    expect(row![header!.indexOf('Notes')]).toBe('a\tb\nc');
    expect(readImportFile('x.csv', contactsCsv([odd])).rows[0]!.draft.name).toBe('Ada Lovelace');
  });

  it('its headers map onto the import fields (and the informational ones onto nothing)', () => {
    const headers = contactColumns(() => undefined).map(([h]) => h);
    expect(Object.fromEntries(headers.map((h, i) => [h, columnMapping(headers)[i]]))).toEqual({
      Name: 'name', 'E-mails': 'email', Phones: 'phone', Company: 'company', Title: 'title', Headline: 'headline',
      Location: 'location', LinkedIn: 'linkedinUrl', Tags: 'tags', Type: 'type', 'How we met': 'howWeMetEvent',
      'Met on': 'howWeMetDate', 'Met at': 'howWeMetPlace', Notes: 'notes', Interests: 'interests',
      'Cadence (days)': 'cadenceDays', 'Next follow-up': 'nextFollowUp', 'Introduced by': null, 'Last contacted': null,
      Archived: null, Created: null, Updated: null, 'Rapport ID': null,
    });
  });

  it('property: export → import keeps every field the CSV carries', () => {
    fc.assert(
      fc.property(contactsArb(5), (contacts) => {
        const file = readImportFile('rapport-contacts.csv', contactsCsv(contacts));
        expect(file.format).toBe('generic-csv');
        expect(file.problems).toEqual([]);
        expect(file.skipped).toEqual([]);
        const key = (v: unknown) => JSON.stringify(v, Object.keys(v as object).sort());
        expect(file.rows.map((r) => key(r.draft)).sort()).toEqual(contacts.map((c) => key(importable(c))).sort());
        for (const row of file.rows) expect(row.warnings).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('property: re-importing an export changes nothing (every row matches its contact by LinkedIn profile)', () => {
    fc.assert(
      fc.property(contactsArb(5), (generated) => {
        const contacts = generated.map((c, i) => ({ ...c, linkedinSlug: `person-${i}`, linkedinUrl: `https://www.linkedin.com/in/person-${i}/` }));
        const file = readImportFile('rapport-contacts.csv', contactsCsv(contacts));
        const plan = planImport(file.rows, contacts);
        expect(plan.create).toEqual([]);
        expect(plan.update).toEqual([]);
        expect(plan.skip).toHaveLength(contacts.length);
      }),
      { numRuns: 100 },
    );
  });
});

describe('interactions CSV', () => {
  it('one line per interaction, oldest first, naming the contact', () => {
    const base = { source: 'manual', createdAt: 1, updatedAt: 1 } as const;
    const interactions: Interaction[] = [
      { ...base, id: 2, contactId: 8, kind: 'call', when: Date.UTC(2024, 4, 2, 9), summary: '-1 on the plan', details: 'a, "b"\nc' },
      { ...base, id: 1, contactId: 7, kind: 'informational-interview', when: localDay(2024, 3, 12), summary: 'Careers', debrief: { q1: 'yes', q2: 'partly' } },
      { ...base, id: 3, contactId: 99, kind: 'email', when: Date.UTC(2024, 4, 3), summary: '' },
    ];
    const rows = rowsOf(interactionsCsv(interactions, [ada, grace]));
    expect(rows[0]).toEqual(['Contact', 'When', 'Kind', 'Summary', 'Details', 'Source', 'Debrief', 'Contact ID', 'Interaction ID', 'Created', 'Updated']);
    expect(rows.slice(1).map((r) => r.slice(0, 9))).toEqual([
      ['Ada Lovelace', '2024-03-12', 'informational-interview', 'Careers', '', 'manual', 'q1: yes; q2: partly', '7', '1'],
      ['Grace Hopper', '2024-05-02T09:00:00.000Z', 'call', "'-1 on the plan", 'a, "b"\nc', 'manual', '', '8', '2'],
      ['#99', '2024-05-03T00:00:00.000Z', 'email', '', '', 'manual', '', '99', '3'],
    ]);
  });
});

describe('cell conventions', () => {
  it('property: lists, formula guards and dates read back as written', () => {
    fc.assert(
      fc.property(fc.array(anyText(20).map((s) => s.replace(/[\r\n]/g, '').trim()).filter(Boolean)), anyText(30), (items, text) => {
        expect(splitList(joinList(items))).toEqual(items);
        expect(unguardFormula(guardFormula(text))).toBe(text);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8.64e15 }), (ms) => {
        expect(parseDate(formatDate(ms))).toBe(ms);
      }),
    );
  });

  it('reads the date forms files use, and refuses ambiguous ones', () => {
    expect(parseDate('12 Mar 2024')).toBe(localDay(2024, 3, 12));
    expect(parseDate('Mar 12, 2024')).toBe(localDay(2024, 3, 12));
    expect(parseDate('12 March 2024')).toBe(localDay(2024, 3, 12));
    expect(parseDate('2024-03-12')).toBe(localDay(2024, 3, 12));
    expect(parseDate('25/12/2023')).toBe(localDay(2023, 12, 25));
    expect(parseDate('2024-03-12T10:00:00+01:00')).toBe(Date.UTC(2024, 2, 12, 9));
    for (const bad of ['03/04/2024', '30 Feb 2024', 'yesterday', '', '2024-13-01', '12 Foo 2024']) expect(parseDate(bad)).toBeUndefined();
  });
});
