// `node tests/bench/import-formats.ts`: parse + plan time of the import formats at the issue's
// scale (10,000 rows against 10,000 existing contacts; budget ≤ 3 s). Numbers, not pass/fail.
import './resolve-ts.ts';

const { Contact } = await import('../../utils/model/contact.ts');
const { readImportFile } = await import('../../utils/transfer/import-file.ts');
const { planImport } = await import('../../utils/transfer/plan.ts');
const { contactsCsv } = await import('../../utils/transfer/csv-export.ts');
const { writeVCards } = await import('../../utils/transfer/vcard.ts');

const N = 10_000;
const RUNS = 7;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
function time(label: string, fn: () => unknown) {
  fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    ms.push(performance.now() - start);
  }
  console.log(`${label}: median ${median(ms).toFixed(0)} ms (min ${Math.min(...ms).toFixed(0)}, max ${Math.max(...ms).toFixed(0)}, n=${RUNS})`);
}

// A Connections.csv as LinkedIn writes it: BOM, preamble, CRLF, quoted commas, mostly no e-mail.
const lines = ['Notes:', '"When exporting your connection data, you may notice that some of the email addresses are missing."', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
for (let i = 0; i < N; i++) {
  lines.push(`Förnamn${i},"Efternamn, ${i}",https://www.linkedin.com/in/person-${i}-0a1b2c,${i % 5 ? '' : `p${i}@example.org`},"Company ${i % 400}, Inc","Engineer, ""Platform""",12 Mar 2024`);
}
const connections = new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);

// Existing notebook: a third known by profile, a third by e-mail or name + company, a third unrelated.
const existing = Array.from({ length: N }, (_, i) =>
  Contact.parse({
    id: i + 1,
    name: i % 3 === 2 ? `Someone Else ${i}` : `Förnamn${i} Efternamn, ${i}`,
    company: `Company ${i % 400}`,
    ...(i % 3 === 0 ? { linkedinSlug: `person-${i}-0a1b2c` } : {}),
    emails: i % 3 === 1 ? [`p${i}@example.org`] : [],
    tags: ['imported'],
    notes: 'Written by the user',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  }),
);

const parsed = readImportFile('Connections.csv', connections);
const plan = planImport(parsed.rows, existing);
console.log(`${N} rows: ${parsed.rows.length} read, ${parsed.problems.length} problems; plan: ${plan.create.length} create, ${plan.update.length} update, ${plan.skip.length} skip`);

time(`Connections.csv parse (${(connections.length / 1024).toFixed(0)} KiB)`, () => readImportFile('Connections.csv', connections));
time(`plan ${N} rows against ${N} contacts`, () => planImport(parsed.rows, existing));
time('parse + plan', () => planImport(readImportFile('Connections.csv', connections).rows, existing));

const vcf = new TextEncoder().encode(writeVCards(existing));
time(`vCard 4.0 parse, ${N} cards (${(vcf.length / 1024).toFixed(0)} KiB)`, () => readImportFile('contacts.vcf', vcf));
time(`contacts CSV export, ${N} contacts`, () => contactsCsv(existing));
