// `node tests/bench/duplicates.ts`: the duplicate finder (utils/merge/find-duplicates.ts) at
// 10,000 contacts, generated deterministically with ~3% planted duplicates of every kind.
// Budget: well under a second. Numbers, not pass/fail. CONTACTS=50000 to scale.
import './resolve-ts.ts';
import { seededRandom } from './random.ts';

const { findDuplicates } = await import('../../utils/merge/find-duplicates.ts');
type Candidate = Parameters<typeof findDuplicates>[0][number];

const N = Number(process.env.CONTACTS ?? 10_000);
const RUNS = 9;

const { random, int, pick } = seededRandom(4122026);

const FIRST = `Ada Grace Alan Lena Björn Zoë José François Łukasz Søren Ngozi Aiko Priya Mateo Chloé Jürgen Inês Óscar
Siobhán Åsa Ørjan Elif Mohammed Fatima Wei Jing Hiroshi Yuki Olga Dmitri Sven Ingrid Mats Anneli Matti Aino Giulia
Marco Sofia Lucas Emma Noah Olivia Liam Ava Ethan Mia Amara Kwame Tomás Renée Gábor Ágnes Paweł Radu Ioana Hélène
Sarah David Michael Laura Daniel Anna James Maria John Linda Robert Emily Thomas Julia Peter Nina Carlos Lucía Diego
Valentina Ravi Ananya Arjun Meera Kofi Abena Chidi Leila Omar Yara Karim Noor William Elizabeth Katherine`.split(/\s+/);
const LAST = `Lovelace Hopper Turing Markström Müller García Núñez Søndergaard Kowalski Wiśniewski Dvořák Öztürk Nguyễn
Lefèvre O'Brien Smith-Jones Johansson Andersson Lindqvist Bergström Åberg Nyström Svensson Karlsson Nieminen Virtanen
Schmidt Schneider Fischer Weber Wagner Becker Hoffmann Schäfer Koch Richter Klein Wolf Martin Bernard Dubois Petit
Rossi Russo Ferrari Esposito Bianchi Romano Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor
Moore Jackson White Harris Thompson Young Allen King Wright Scott Green Baker Adams Nelson Hill Campbell Kim Park
Lee Chen Wang Li Zhang Liu Tanaka Suzuki Patel Sharma Singh Gupta Kumar Okafor Mensah Haddad Petrov Popescu Nagy`.split(/\s+/);
const SUFFIXES = ['', 'a', 'o', 'sen', 'son', 'berg', 'er', 'i', 'ez', 'ski', 'ová', 'escu', 'ich', 'ian', 'ani', 'ström', 'eau', 'ini', 'ley', 'field'];
const COMPANIES = Array.from({ length: 600 }, (_, i) => `${pick(['Acme', 'Globex', 'Initech', 'Hooli', 'Stark', 'Wayne', 'Nordic', 'Blue'])} ${i}${pick(['', ' Inc.', ' AB', ' GmbH'])}`);
// A few very large employers, where most of a network works.
const BIG = ['Google', 'Microsoft', 'Spotify', 'Klarna', 'Ericsson'];

function generate(n: number): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    const first = pick(FIRST);
    // Real networks have far more family names than this list: a suffix widens it to ~2,000.
    const last = `${pick(LAST)}${pick(SUFFIXES)}`;
    const company = random() < 0.3 ? pick(BIG) : random() < 0.85 ? pick(COMPANIES) : undefined;
    const c: Candidate = {
      id: i + 1,
      name: `${first} ${last}`,
      emails: random() < 0.6 ? [`${first}.${last}.${i}@mail.example`.toLowerCase()] : [],
      updatedAt: 1_700_000_000_000 + i,
      ...(company ? { company } : {}),
      ...(random() < 0.5 ? { linkedinSlug: `${first}-${last}-${i}`.toLowerCase() } : {}),
    };
    out.push(c);
  }
  // ~3% planted duplicates: the same address, the same profile, the name reversed, a typo, a nickname.
  const planted = Math.floor(n * 0.03);
  for (let k = 0; k < planted; k++) {
    const original = out[int(n)]!;
    const [first, ...rest] = original.name.split(' ');
    const last = rest.join(' ');
    const variants: Partial<Candidate>[] = [
      { emails: original.emails },
      { linkedinUrl: original.linkedinSlug ? `https://www.linkedin.com/in/${original.linkedinSlug}/` : undefined },
      { name: `${last}, ${first}`, company: original.company },
      { name: `${first} ${last.slice(0, -1)}`, company: original.company },
      { name: `${first![0]}. ${last}`, company: original.company },
    ];
    out.push({ id: out.length + 1, name: original.name, emails: [], updatedAt: 1_700_000_000_000, ...pick(variants) } as Candidate);
  }
  return out;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

const contacts = generate(N);
findDuplicates(contacts); // warm-up
const ms: number[] = [];
let found = 0;
for (let i = 0; i < RUNS; i++) {
  const started = performance.now();
  found = findDuplicates(contacts).length;
  ms.push(performance.now() - started);
}
console.log(
  `Duplicate finder, ${contacts.length.toLocaleString('en')} contacts (${(contacts.length - N).toLocaleString('en')} planted duplicates): ` +
    `median ${median(ms).toFixed(1)} ms (n=${RUNS}, min ${Math.min(...ms).toFixed(1)}, max ${Math.max(...ms).toFixed(1)}); ${found.toLocaleString('en')} suggestions`,
);
