// Benchmark of the contact search index (utils/search/contact-index.ts) at 10,000 contacts and
// 100,000 interactions, generated deterministically. Numbers, not pass/fail; the goal is
// ≤ 50 ms per query. Run with plain Node 22 (type stripping):
//   node tests/bench/search-index.ts            (CONTACTS=20000 INTERACTIONS=200000 to scale)
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  contactIndexFromJSON,
  createContactIndex,
  type IndexableContact,
  type IndexableInteraction,
} from '../../utils/search/contact-index.ts';
import { seededRandom } from './random.ts';

const CONTACTS = Number(process.env.CONTACTS ?? 10_000);
const INTERACTIONS = Number(process.env.INTERACTIONS ?? 100_000);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

// ---------------------------------------------------------------------------------------------
// Deterministic data

const { random, int, pick } = seededRandom(20240611);
/** Roughly Zipf-distributed pick: early entries are much more frequent than late ones. */
const zipf = <T>(list: readonly T[]): T => list[Math.min(list.length - 1, Math.floor(Math.exp(random() * Math.log(list.length + 1))) - 1)]!;

const FIRST = `Ada Grace Alan Lena Björn Zoë José François Łukasz Søren Ngozi Aiko Priya Mateo Chloé Jürgen Inês Óscar
Siobhán Åsa Ørjan Çağla Kateřina Ülkü Elif Mohammed Fatima Wei Jing Hiroshi Yuki Olga Dmitri Sven Ingrid Mats Anneli
Matti Aino Giulia Marco Sofia Lucas Emma Noah Olivia Liam Ava Ethan Mia Amara Kwame Thandiwe Tomás Renée Nuño Zsófia
Gábor Ágnes Paweł Małgorzata Radu Ioana Dragoș Hélène Gaëlle Benoît Jörg Käthe Rūta Jānis Eglė Mārtiņš Sanna Pekka
Sarah David Michael Laura Daniel Anna James Maria John Linda Robert Emily Thomas Julia Peter Nina Carlos Lucía Diego
Valentina Ravi Ananya Arjun Meera Sunil Deepika Kofi Abena Chidi Adaeze Leila Omar Yara Karim Noor Hamid Shirin`.split(/\s+/);
const LAST = `Lovelace Hopper Turing Markström Müller García Núñez Søndergaard Kowalski Wiśniewski Dvořák Öztürk Nguyễn
Lefèvre O'Brien Smith-Jones Johansson Andersson Lindqvist Bergström Åberg Nyström Svensson Karlsson Nieminen Virtanen
Korhonen Hämäläinen Schmidt Schneider Fischer Weber Wagner Becker Hoffmann Schäfer Koch Richter Klein Wolf Schröder
Neumann Braun Zimmermann Krüger Hartmann Lange Werner Köhler Martin Bernard Dubois Thomas Robert Richard Petit Durand
Leroy Moreau Simon Laurent Michel Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo
Conti De-Luca Costa Giordano Mancini Rizzo Lombardi Moretti Smith Johnson Williams Brown Jones Miller Davis Wilson
Anderson Taylor Moore Jackson White Harris Thompson Young Allen King Wright Scott Green Baker Adams Nelson Hill
Campbell Mitchell Roberts Carter Phillips Evans Turner Torres Parker Collins Edwards Stewart Morris Murphy Cook Rogers
Morgan Peterson Cooper Reed Bailey Bell Gómez Kelly Howard Ward Cox Díaz Richardson Wood Watson Brooks Bennett Gray
James Reyes Cruz Hughes Price Myers Long Foster Sanders Ross Morales Powell Sullivan Russell Ortiz Jenkins Gutiérrez
Perry Butler Barnes Fernández Henderson Coleman Simmons Patterson Jordan Reynolds Hamilton Graham Kim Park Lee Chen
Wang Li Zhang Liu Yamamoto Tanaka Suzuki Watanabe Sato Kobayashi Patel Sharma Singh Gupta Kumar Reddy Iyer Okafor
Mensah Adeyemi Haddad Nasser Khalil Rahimi Petrov Ivanova Popescu Horváth Nagy Kovács Szabó Tóth Jankowski Zieliński`.split(/\s+/);
const COMPANY_STEMS = `Acme Globex Initech Umbrella Hooli Vandelay Stark Wayne Wonka Tyrell Cyberdyne Soylent Massive Dynamic
Aperture Black-Mesa Oscorp Pied-Piper Spotify Klarna Zalando Nestlé Siemens Ericsson Volvo Nokia Société-Générale
Schibsted Telenor Equinor Ørsted Maersk Novo Lego Philips Adyen Booking Bolt Wise Revolut Monzo Deliveroo Ocado
Northwind Contoso Fabrikam Tailspin Litware Proseware Woodgrove Datadog Snowflake Databricks Confluent Elastic
Cloudflare Fastly Stripe Shopify Atlassian Canva Figma Notion Airtable Miro Celonis N26 Personio Trade-Republic
Helsing Mistral Aleph-Alpha DeepL Northvolt Einride Voi Tier Lime Gorillas Getir Flink Wolt Supercell Rovio Unity
Mojang King Paradox Embark Sana Kry Doctolib Alan BlaBlaCar Ledger Qonto Swile Back-Market Vinted Bolt Pipedrive`.split(/\s+/);
const COMPANY_SUFFIXES = ['', '', '', ' Inc.', ' GmbH', ' AB', ' Ltd', ' Labs', ' Technologies', ' AS', ' SA', ' Group'];
const TITLES = `Senior Data Engineer|Data Engineer|Staff Software Engineer|Engineering Manager|Product Manager|Senior Product
Manager|Head of Data|Recruiter|Technical Recruiter|Talent Partner|Founder & CEO|Co-founder & CTO|UX Researcher|Product
Designer|Machine Learning Engineer|Data Scientist|VP Engineering|Director of Product|Solutions Architect|Developer
Advocate|Analytics Engineer|Platform Engineer|Site Reliability Engineer|Investor|Partner|Professor|PhD Student|Consultant|
Account Executive|Customer Success Manager|Marketing Lead|Growth Manager|Chief of Staff|Operations Manager`.split('|').map((s) => s.replace(/\s+/g, ' '));
const TAGS = `alumni mentor fintech climate data-engineering ml hiring conference-2024 conference-2025 referral investor
founder design product infra security open-source remote berlin stockholm london paris uni-friend ex-colleague
meetup podcast speaker angel mobility health edtech web3 ai-safety recruiter-agency intro-pending follow-up
warm-lead cold-outreach coffee-chat book-club`.split(/\s+/);
const CITIES = `Stockholm Malmö Göteborg Oslo Copenhagen Helsinki Berlin München Hamburg Zürich Wien Paris Lyon London
Manchester Dublin Amsterdam Rotterdam Brussels Madrid Barcelona Lisbon Porto Milano Roma Warszawa Kraków Praha Budapest
Tallinn Riga Vilnius São-Paulo Bogotá Ciudad-de-México New-York San-Francisco Toronto Montréal Bengaluru Singapore Tokyo
Seoul Lagos Nairobi Cape-Town Tel-Aviv Dubai`.split(/\s+/).map((s) => s.replace(/-/g, ' '));
const EVENTS = ['PyCon', 'Data Council', 'Web Summit', 'Slush', 'Women in Tech meetup', 'alumni dinner', 'career fair', 'KubeCon', 'Hackathon', 'Startup Grind', 'book club', 'a friend’s wedding', 'Strata Data', 'NeurIPS', 'local meetup'];
const COMMON = `the a and to of in for on with about we he she they it was is that this at from his her their our
had has have will would could should can met talked discussed mentioned said asked told wants needs looking team
company role job work project product people time year next week month last new good great interesting really very
also but not more some lots lot other after before over into up out like just think know get make see help introduce
intro coffee call meeting chat lunch dinner follow up email send sent share shared reading book article paper idea
ideas plan plans hiring hire interview interviews offer salary move moving relocate relocating kids family vacation
trip travel running climbing cycling sailing chess guitar cooking garden dog cat football tennis ski`.split(/\s+/);
const DOMAIN = `data engineering|machine learning|product management|distributed systems|stream processing|data
platform|career change|series b|series a|user research|design systems|developer experience|open source|climate tech|
venture capital|engineering culture|technical interviews|remote work|public speaking|kubernetes|terraform|snowflake|
dbt|airflow|spark|kafka|postgres|rust|typescript|python|golang|llms|recommender systems|fraud detection|payments|
supply chain|growth|pricing|analytics|observability|incident response|on-call|hiring pipeline|team leadership|
salary negotiation|visa sponsorship|parental leave|phd applications|startup equity`.split('|').map((s) => s.replace(/\s+/g, ' '));
const SYLLABLES = 'ka lo mi ne ru sa ti vo ber gan dor fel hin jor kel mur nal pex quo ris tan ul vex wim yor zel'.split(' ');
/** A long tail of rare words (project code names, places, jargon): 20,000 pseudo-words. */
const RARE = Array.from({ length: 20_000 }, () => Array.from({ length: 2 + int(3) }, () => pick(SYLLABLES)).join(''));

/** Each contact is about a few topics (some topics are much more popular than others). */
const topicsOf = new Map<number, string[]>();
const topics = () => Array.from({ length: 2 + int(3) }, () => (random() < 0.5 ? zipf(DOMAIN) : pick(DOMAIN)));

function sentence(about: readonly string[]): string {
  const words: string[] = [];
  const n = 8 + int(11);
  for (let i = 0; i < n; i++) {
    const r = random();
    words.push(r < 0.06 ? pick(about) : r < 0.18 ? zipf(RARE) : r < 0.21 ? pick(FIRST) : zipf(COMMON));
  }
  const s = words.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + pick(['.', '.', '.', '!', '?']);
}
const paragraph = (about: readonly string[]) => Array.from({ length: 3 + int(4) }, () => sentence(about)).join(' ');

function makeContact(id: number): IndexableContact {
  const first = pick(FIRST);
  const last = pick(LAST);
  const company = random() < 0.85 ? pick(COMPANY_STEMS).replace(/-/g, ' ') + pick(COMPANY_SUFFIXES) : undefined;
  const title = random() < 0.8 ? pick(TITLES) : undefined;
  const domain = company ? company.toLowerCase().split(/[^a-z]+/)[0] || 'example' : 'gmail';
  const about = topics();
  topicsOf.set(id, about);
  return {
    id,
    name: `${first} ${last}`,
    company,
    title,
    headline: random() < 0.5 ? `${title ?? 'Engineer'} · ${about[0]} · ${about[1]}` : undefined,
    location: random() < 0.7 ? pick(CITIES) : undefined,
    emails: random() < 0.7 ? [`${first}.${last}@${domain}.com`.toLowerCase().replace(/[^a-z0-9.@'-]/g, 'x')] : [],
    tags: Array.from({ length: int(4) }, () => zipf(TAGS)),
    howWeMet: random() < 0.5 ? { event: pick(EVENTS), place: pick(CITIES) } : undefined,
    notes: Array.from({ length: 1 + int(3) }, () => paragraph(about)).join('\n\n'),
    interests: random() < 0.3 ? about.join(', ') : undefined,
  };
}
const SUMMARIES = [
  (about: readonly string[]) => `Coffee about ${pick(about)}`,
  (about: readonly string[]) => `Call re: ${pick(about)} at ${pick(COMPANY_STEMS)}`,
  () => `Intro to ${pick(FIRST)} ${pick(LAST)}`,
  (about: readonly string[]) => `Informational interview: ${pick(about)}`,
  () => 'Sent thank-you note',
  () => `Met at ${pick(EVENTS)}`,
  (about: readonly string[]) => `Lunch, talked about ${pick(about)} and ${zipf(RARE)}`,
  () => `Follow-up e-mail about the ${zipf(COMMON)} ${zipf(RARE)}`,
  (about: readonly string[]) => `LinkedIn message: ${pick(about)}`,
];
function makeInteraction(contactId: number): IndexableInteraction {
  const about = topicsOf.get(contactId) ?? topics();
  return {
    summary: pick(SUMMARIES)(about),
    details: random() < 0.3 ? Array.from({ length: 1 + int(2) }, () => sentence(about)).join(' ') : undefined,
  };
}

const genStart = performance.now();
const contacts = Array.from({ length: CONTACTS }, (_, i) => makeContact(i + 1));
const interactionsOf = new Map<number, IndexableInteraction[]>();
for (let i = 0; i < INTERACTIONS; i++) {
  // Skewed: some contacts have many interactions, most a few.
  const id = 1 + Math.min(CONTACTS - 1, Math.floor(CONTACTS * random() ** 1.5));
  let list = interactionsOf.get(id);
  if (!list) interactionsOf.set(id, (list = []));
  list.push(makeInteraction(id));
}
// Make sure the examples from the issue are in there.
contacts[41] = { ...contacts[41]!, name: 'Ada Lovelace', company: 'Analytical Engines Ltd', emails: ['ada.lovelace@analytical.org'] };
contacts[42] = { ...contacts[42]!, name: 'Lena Markström', company: 'Spotify' };
const textChars = contacts.reduce((n, c) => n + (c.notes?.length ?? 0), 0);
const interactionChars = [...interactionsOf.values()].flat().reduce((n, i) => n + (i.summary?.length ?? 0) + (i.details?.length ?? 0), 0);
console.log(
  `Data: ${CONTACTS} contacts, ${INTERACTIONS} interactions; notes ${(textChars / 2 ** 20).toFixed(1)} MiB, ` +
    `interaction text ${(interactionChars / 2 ** 20).toFixed(1)} MiB (generated in ${(performance.now() - genStart).toFixed(0)} ms)`,
);

// ---------------------------------------------------------------------------------------------
// Measurements

const fmt = (ms: number) => (ms < 1 ? `${ms.toFixed(3)} ms` : `${ms.toFixed(1)} ms`);
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const median = (values: number[]) => quantile(values, 0.5);
function time<T>(f: () => T): [T, number] {
  const start = performance.now();
  const value = f();
  return [value, performance.now() - start];
}

const heapBefore = heap();
const [index, buildMs] = time(() => {
  const idx = createContactIndex();
  for (const c of contacts) idx.addContact(c, interactionsOf.get(c.id) ?? []);
  return idx;
});
const heapIndex = heap() - heapBefore;
console.log(`\nBuild (normalise + index all): ${fmt(buildMs)}; ${index.size} documents, ${index.termCount} distinct terms`);
console.log(`Heap held by the index: ${(heapIndex / 2 ** 20).toFixed(1)} MiB`);

const rareWord = RARE[15_000]!;
const QUERIES = [
  'lovelace', 'Lovelace', 'Markström', 'markstrom', 'spotify', 'recruiter', 'kubernetes', 'stockholm',
  'ada', 'mar', 'eng', 'a', 'da', 'ada lovelace', 'data engineering', 'product manager', 'coffee berlin',
  'engineering manager stockholm', '"data engineering"', '"machine learning"', '"thank-you note"', '"series b" hiring',
  'lovelce', 'enginering', 'recruter', 'kubernets', rareWord, 'the', 'meeting', 'coffee', 'ada.lovelace@analytical.org',
  'data-driven', 'call', 'who did I talk to about data engineering', 'x'.repeat(10_000),
];
// In a block so that the snapshot copies are garbage before the query timings (a worker holds one index).
{
  const [snapshot, toJsonMs] = time(() => index.toJSON());
  const [json, stringifyMs] = time(() => JSON.stringify(snapshot));
  const storedChars = (snapshot.index as { storedFields: Record<string, { t: string }> }).storedFields;
  const storedLength = Object.values(storedChars).reduce((n, s) => n + s.t.length, 0);
  console.log(
    `\nSnapshot: ${(Buffer.byteLength(json) / 1024).toFixed(0)} KiB JSON ` +
      `(of which stored normalised text ${(storedLength / 1024).toFixed(0)} KiB); ` +
      `toJSON ${fmt(toJsonMs)} + JSON.stringify ${fmt(stringifyMs)}`,
  );
  // IndexedDB stores by structured clone: one string clones far faster than the object tree.
  const cloneObjectMs = time(() => structuredClone(snapshot))[1];
  const cloneStringMs = time(() => structuredClone(json))[1];
  console.log(`Structured clone (what IndexedDB does on put/get): object tree ${fmt(cloneObjectMs)}, JSON string ${fmt(cloneStringMs)}`);
  const [parsed, parseMs] = time(() => JSON.parse(json) as unknown);
  const [loaded, loadMs] = time(() => contactIndexFromJSON(parsed));
  console.log(
    `Load: JSON.parse ${fmt(parseMs)} + fromJSON ${fmt(loadMs)} = ${fmt(parseMs + loadMs)}  vs rebuild ${fmt(buildMs)} ` +
      `(rebuild also has to read ${CONTACTS} contacts + ${INTERACTIONS} interactions from IndexedDB, not counted)`,
  );
  const differing = QUERIES.filter((q) => JSON.stringify(index.search(q)) !== JSON.stringify(loaded.search(q)));
  console.log(`Loaded snapshot answers every query identically: ${differing.length === 0 ? 'yes' : `NO: ${JSON.stringify(differing)}`}`);
}
heap();

const RUNS = 15;
for (const q of QUERIES) index.search(q); // warm-up (JIT)
const all: number[] = [];
const perQuery: { q: string; ms: number; hits: number }[] = [];
for (const q of QUERIES) {
  const runs: number[] = [];
  let hits = 0;
  for (let r = 0; r < RUNS; r++) {
    const [res, ms] = time(() => index.search(q));
    runs.push(ms);
    hits = res.length;
  }
  all.push(...runs);
  perQuery.push({ q, ms: median(runs), hits });
}
console.log(`\nQueries (${QUERIES.length} queries × ${RUNS} runs, all hits returned, no limit):`);
for (const { q, ms, hits } of perQuery) console.log(`  ${fmt(ms).padStart(9)}  ${String(hits).padStart(5)} hits  ${JSON.stringify(q.length > 40 ? `${q.slice(0, 20)}… (${q.length} chars)` : q)}`);
console.log(`  → median ${fmt(median(all))}, p95 ${fmt(quantile(all, 0.95))}, max ${fmt(Math.max(...all))}`);
const limited: number[] = [];
for (const q of QUERIES) for (let r = 0; r < RUNS; r++) limited.push(time(() => index.search(q, { limit: 50 }))[1]);
console.log(`  with limit 50: median ${fmt(median(limited))}, p95 ${fmt(quantile(limited, 0.95))}`);
const someIds = new Set(contacts.filter((_, i) => i % 10 === 0).map((c) => c.id));
const restricted: number[] = [];
for (const q of QUERIES) for (let r = 0; r < RUNS; r++) restricted.push(time(() => index.search(q, { ids: someIds }))[1]);
console.log(`  restricted to ${someIds.size} ids (ids option): median ${fmt(median(restricted))}, p95 ${fmt(quantile(restricted, 0.95))}`);


// ---------------------------------------------------------------------------------------------
// Incremental updates on the full index

function measure(label: string, n: number, f: (i: number) => void) {
  const values: number[] = [];
  for (let i = 0; i < n; i++) values.push(time(() => f(i))[1]);
  console.log(`  ${label}: median ${fmt(median(values))}, p95 ${fmt(quantile(values, 0.95))}`);
}
console.log(`\nIncremental updates (${index.size} indexed, 200 samples each):`);
const target = (i: number) => contacts[(i * 37) % CONTACTS]!;
measure('updateContact (notes edited, interactions kept)', 200, (i) => {
  const c = target(i);
  index.updateContact({ ...c, notes: `${c.notes} Follow up about ${pick(DOMAIN)} ${zipf(RARE)}.` });
});
measure('setInteractions (one interaction logged)', 200, (i) => {
  const c = target(i + 500);
  const list = [...(interactionsOf.get(c.id) ?? []), makeInteraction(c.id)];
  interactionsOf.set(c.id, list);
  index.setInteractions(c.id, list);
});
measure('removeContact', 200, (i) => index.removeContact(target(i + 1000).id));
measure('addContact (new, 10 interactions)', 200, (i) => {
  const c = makeContact(CONTACTS + 1 + i);
  index.addContact(c, Array.from({ length: 10 }, () => makeInteraction(c.id)));
});
console.log(`  after the updates: ${index.size} documents, ${index.termCount} distinct terms`);
const after: number[] = [];
for (const q of QUERIES) for (let r = 0; r < 5; r++) after.push(time(() => index.search(q))[1]);
console.log(`  queries after the updates: median ${fmt(median(after))}, p95 ${fmt(quantile(after, 0.95))}`);
