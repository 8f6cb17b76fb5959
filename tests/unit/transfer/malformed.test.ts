// Malformed input of every kind into every parser: never an unhandled throw, always rows or
// problems — and never both (a refused file yields nothing to write).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContactDraft } from '../../../utils/model/contact';
import { parseBackup, serializeBackup } from '../../../utils/transfer/backup';
import { parseCsv } from '../../../utils/transfer/csv-import';
import { detectFormat } from '../../../utils/transfer/detect';
import { readImportFile, type ImportFile } from '../../../utils/transfer/import-file';
import { planImport } from '../../../utils/transfer/plan';
import { parseVCard } from '../../../utils/transfer/vcard';
import { fixture } from './helpers';

const NAMES = ['contacts.csv', 'Connections.csv', 'contacts.vcf', 'backup.json', 'file'];
const FLAVOURS = ['linkedin-connections', 'google-csv', 'outlook-csv', 'generic-csv'] as const;
const SOURCES = [
  'linkedin-connections.csv', 'linkedin-connections-old.csv', 'google-contacts.csv', 'google-contacts-legacy.csv', 'outlook.csv',
  'outlook-categories.csv', 'generic-odd-headers.csv', 'contacts-2.1.vcf', 'contacts-3.0.vcf', 'contacts-4.0.vcf',
];

/** Text built from the characters that matter to CSV and vCard parsers. */
const structured = fc.string({
  unit: fc.constantFrom('"', ',', ';', '\t', '\r', '\n', '\r\n', ' ', ':', '=', '\\', 'a', 'ö', '🚀', 'BEGIN:VCARD', 'END:VCARD', 'FN:', 'EMAIL:', 'x@y.org', 'First Name', 'Last Name', 'Connected On', '{', '}', '\uFEFF', '\0'),
  maxLength: 200,
});
const anyInput = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), structured, fc.uint8Array({ maxLength: 400 }));

/** The invariant of every parse result. */
function wellFormed(file: Pick<ImportFile, 'rows' | 'skipped' | 'problems'>) {
  expect(Array.isArray(file.rows) && Array.isArray(file.skipped) && Array.isArray(file.problems)).toBe(true);
  if (file.problems.length) expect(file.rows).toEqual([]);
  for (const row of file.rows) {
    expect(Number.isInteger(row.line) && row.line >= 1).toBe(true);
    expect(ContactDraft.safeParse(row.draft).success).toBe(true);
  }
  for (const problem of file.problems) expect(problem.message.length).toBeGreaterThan(0);
}

/** A real file with bytes deleted, inserted, duplicated or cut. */
const mutated = fc
  .tuple(fc.constantFrom(...SOURCES), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('delete', 'insert', 'cut', 'copy')), { minLength: 1, maxLength: 5 }))
  .map(([name, edits]) => {
    let bytes = fixture(name);
    for (const [at, len, byte, kind] of edits) {
      const i = at % (bytes.length + 1);
      const n = (len % 40) + 1;
      if (kind === 'delete') bytes = new Uint8Array([...bytes.subarray(0, i), ...bytes.subarray(i + n)]);
      else if (kind === 'insert') bytes = new Uint8Array([...bytes.subarray(0, i), byte, ...bytes.subarray(i)]);
      else if (kind === 'cut') bytes = bytes.subarray(0, i);
      else bytes = new Uint8Array([...bytes.subarray(0, i), ...bytes.subarray(i, i + n), ...bytes.subarray(i)]);
    }
    return { name, bytes };
  });

describe('malformed input never throws and never half-imports', () => {
  it('the entry point, with any bytes or text and any file name', () => {
    fc.assert(
      fc.property(anyInput, fc.constantFrom(...NAMES), (input, name) => {
        const file = readImportFile(name, input);
        wellFormed(file);
        // The catch-all in readImportFile is for bugs: it must never be what answered.
        for (const p of file.problems) expect(p.message).not.toContain('could not read this file');
        const plan = planImport(file.rows, [], { problems: file.problems, skipped: file.skipped });
        if (file.problems.length) expect(plan.create.length + plan.update.length).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('real files with bytes deleted, inserted, duplicated or cut off', () => {
    fc.assert(
      fc.property(mutated, ({ name, bytes }) => {
        const file = readImportFile(name, bytes);
        wellFormed(file);
        for (const p of file.problems) expect(p.message).not.toContain('could not read this file');
      }),
      { numRuns: 1000 },
    );
  });

  it('each parser on its own (no safety net)', () => {
    fc.assert(
      fc.property(anyInput, fc.constantFrom(...FLAVOURS), (input, flavour) => {
        wellFormed(parseVCard(input));
        const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
        expect(parseBackup(text).backup === undefined || parseBackup(text).problems.length === 0).toBe(true);
        const detected = detectFormat('x.csv', input);
        if (detected.csv) wellFormed(parseCsv(detected.text, flavour, detected.csv));
      }),
      { numRuns: 1000 },
    );
  });

  it('pathological lines are read in linear time (these once took minutes)', () => {
    const n = 200_000;
    // 100,000 bare vCard parameters on one property.
    expect(readImportFile('x.vcf', `BEGIN:VCARD\nFN${';X'.repeat(n / 2)}:Ada\nEND:VCARD\n`).rows[0]!.draft.name).toBe('Ada');
    // An e-mail cell that opens "<" and never closes it, full of "@".
    expect(readImportFile('x.csv', `Name,Email\nAda,<${'a@'.repeat(n / 2)}\n`).rows[0]!.warnings).toHaveLength(1);
    expect(readImportFile('x.csv', `Name,Email\nAda,${'<'.repeat(n)}ada@example.org>\n`).rows[0]!.draft.emails).toEqual(['ada@example.org']);
    // A header of 100,000 columns.
    expect(readImportFile('x.csv', `Name,${'mail,'.repeat(n / 2)}\nAda\n`).rows[0]!.draft.name).toBe('Ada');
  });

  it('JSON that is almost a backup', () => {
    const valid = JSON.parse(serializeBackup({ contacts: [], interactions: [], reminders: [], companies: [], pitches: [], settings: [] }));
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('tables', 'schemaVersion', 'format', 'contacts', 'settings'), (value, key) => {
        const damaged = key === 'contacts' || key === 'settings' ? { ...valid, tables: { ...valid.tables, [key]: value } } : { ...valid, [key]: value };
        const result = parseBackup(JSON.stringify(damaged));
        expect(result.backup !== undefined || result.problems.length > 0).toBe(true);
        if (result.backup) expect(result.problems).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
