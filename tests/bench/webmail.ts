// `npm run bench` (webmail part): with 10,000 contacts and 100,000 interactions in the store,
// how long from 100 / 500 Gmail rows appearing (one DOM operation, as a refresh or a scroll
// brings them) until every badge is drawn; how many messages the content script sent; the
// long tasks (≥50 ms) the page saw, with and without Rapport; the lookup time in the worker.
// Needs a built extension (npm run build).
import { chromium, type Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchHarness } from '../e2e/support/browser.ts';
import { FIXTURE_HOSTS } from '../e2e/support/certificate.ts';
import { CHROMIUM } from '../e2e/support/paths.ts';

const CONTACTS = 10_000;
const INTERACTIONS = 100_000;
const RUNS = 8;
const DAY = 86_400_000;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const summary = (values: number[], unit = 'ms') =>
  `median ${median(values).toFixed(1)} ${unit} (n=${values.length}, min ${Math.min(...values).toFixed(1)}, max ${Math.max(...values).toFixed(1)})`;

const h = await launchHarness();

// ---- Seed the store directly (the extension's own IndexedDB, from an extension page). ----
await h.send('contacts.search', { query: 'warm-up', limit: 1 }); // the worker opens (and creates) the database
const seeding = Date.now();
const ext = await h.extensionPage();
await ext.evaluate(
  async ({ contacts, interactions, day }) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('rapport');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const now = Date.now();
    const write = (store: string, rows: object[]) =>
      new Promise<void>((resolve, reject) => {
        const tx = db.transaction(store, 'readwrite');
        const os = tx.objectStore(store);
        for (const row of rows) os.put(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    const people = [];
    for (let i = 1; i <= contacts; i++) {
      const name = `Person ${i} Benchmark`;
      people.push({
        id: i,
        name,
        nameKey: name.toLowerCase(),
        emails: [`person${i}@bench.example`],
        phones: [],
        tags: i % 7 === 0 ? ['alumni'] : [],
        notes: '',
        company: `Company ${i % 500}`,
        companyKey: `company ${i % 500}`,
        lastContacted: now - (i % 400) * day,
        ...(i % 10 === 0 ? { nextFollowUp: now - day } : {}),
        createdAt: now - 500 * day,
        updatedAt: now - 500 * day,
      });
    }
    await write('contacts', people);
    for (let start = 0; start < interactions; start += 20_000) {
      const rows = [];
      for (let i = start; i < Math.min(interactions, start + 20_000); i++) {
        const contactId = (i % contacts) + 1;
        rows.push({ id: i + 1, contactId, kind: 'email', when: now - ((i * 7) % 400) * day, summary: `Message ${i}`, source: 'manual', createdAt: now, updatedAt: now });
      }
      await write('interactions', rows);
    }
    db.close();
  },
  { contacts: CONTACTS, interactions: INTERACTIONS, day: DAY },
);
console.log(`\nWebmail (store: ${CONTACTS} contacts, ${INTERACTIONS} interactions; seeded in ${((Date.now() - seeding) / 1000).toFixed(1)} s)`);

const workerLookups = async () =>
  (await h.worker()).evaluate(() => performance.getEntriesByName('rapport:senders.lookup').map((e) => e.duration));

/** Senders for one burst: 70% contacts (not asked about before), 30% strangers. */
let nextContact = 1;
let nextStranger = 1;
function senders(rows: number) {
  return Array.from({ length: rows }, (_, i) =>
    i % 10 < 7
      ? { name: `Person ${nextContact} Benchmark`, email: `person${nextContact++}@bench.example` }
      : { name: `Stranger ${nextStranger}`, email: `stranger${nextStranger++}@elsewhere.example` },
  );
}

/**
 * Inserts the rows in one DOM operation (the fixture app's addRows) and resolves when every
 * known sender has its badge host next to it, plus the long tasks seen meanwhile.
 */
/** Every burst lands on a fresh inbox (a dozen rows), not on the thousands earlier bursts left. */
async function freshInbox(page: Page) {
  await page.reload();
  await page.waitForFunction(() => (window as any).fixtureGmail && document.querySelectorAll('tr.zA').length > 0);
  await page.waitForTimeout(400);
}

async function burst(page: Page, list: { name: string; email: string }[], expectBadges: boolean) {
  return page.evaluate(
    async ({ list, expectBadges }) => {
      const known = new Set(list.filter((p) => p.email.startsWith('person')).map((p) => p.email));
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((entries) => {
        for (const entry of entries.getEntries()) longTasks.push(entry.duration);
      });
      observer.observe({ type: 'longtask' });
      // A badge host is the attribute-less span Rapport puts right after a sender's span:
      // counted as it arrives (a mutation observer costs the page next to nothing).
      const target = expectBadges ? list.filter((p) => known.has(p.email)).length : 0;
      let drawn = 0;
      let done = 0;
      const allDrawn = new Promise<void>((resolve) => {
        if (!target) return resolve();
        const watcher = new MutationObserver((records) => {
          for (const record of records) {
            for (const node of record.addedNodes) {
              const el = node as Element;
              const before = el.previousElementSibling;
              if (el.tagName === 'SPAN' && el.attributes.length === 0 && before && known.has(before.getAttribute('email') ?? '')) drawn++;
            }
          }
          if (drawn >= target) {
            done = performance.now();
            watcher.disconnect();
            resolve();
          }
        });
        watcher.observe(document.body, { childList: true, subtree: true });
      });
      const started = performance.now();
      (window as any).fixtureGmail.addRows(list.length, { senders: list, position: 'top' });
      const inserted = performance.now();
      // The page's own first frame with the new rows (style, layout, paint).
      let framed = 0;
      requestAnimationFrame(() => setTimeout(() => (framed = performance.now()), 0));
      // Never wait forever: a burst whose badges don't all arrive is reported as such.
      const complete = await Promise.race([allDrawn.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 15_000))]);
      const missing = complete ? 0 : target - drawn;
      // …and the badges painted: the next frame.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      await new Promise((resolve) => setTimeout(resolve, 300));
      observer.disconnect();
      return { insertMs: inserted - started, frameMs: framed - inserted, drawnMs: target ? done - inserted : 0, longTasks, missing };
    },
    { list, expectBadges },
  );
}

/** Main-thread time spent inside Rapport's content script (JS and the DOM calls it makes), from a CPU profile. */
async function rapportCpu(page: Page, run: () => Promise<unknown>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await run();
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: { id: number; callFrame: { url: string }; children?: number[] }[]; samples: number[]; timeDeltas: number[] };
  };
  await cdp.detach();
  const ours = new Set<number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const mark = (id: number, inside: boolean) => {
    const node = byId.get(id)!;
    const here = inside || node.callFrame.url.includes('/content-scripts/');
    if (here) ours.add(id);
    for (const child of node.children ?? []) mark(child, here);
  };
  mark(profile.nodes[0]!.id, false);
  let ms = 0;
  profile.samples.forEach((id, i) => {
    if (ours.has(id)) ms += (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
  });
  return ms;
}

async function measure(page: Page, rows: number, label: string) {
  const drawn: number[] = [];
  const inserts: number[] = [];
  const frames: number[] = [];
  const messages: number[] = [];
  const lookupMs: number[] = [];
  const longTasks: number[] = [];
  const durations: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await freshInbox(page);
    const before = (await workerLookups()).length;
    const result = await burst(page, senders(rows), true);
    const after = await workerLookups();
    if (result.missing) console.log(`    !! ${result.missing} badges never drawn in this burst`);
    drawn.push(result.drawnMs);
    inserts.push(result.insertMs);
    frames.push(result.frameMs);
    messages.push(after.length - before);
    lookupMs.push(...after.slice(before));
    longTasks.push(result.longTasks.length); durations.push(...result.longTasks.map((d) => Math.round(d)));
  }
  console.log(`  ${label}: rows inserted by the page → every badge drawn: ${summary(drawn)}`);
  console.log(`    (the page itself: inserting took ${summary(inserts)}; its own next frame came ${summary(frames)} after)`);
  console.log(`    messages per burst: ${[...new Set(messages)].join(', ')} · lookup in the worker: ${summary(lookupMs)}`);
  const cpu: number[] = [];
  for (let run = 0; run < 4; run++) {
    await freshInbox(page);
    cpu.push(await rapportCpu(page, () => burst(page, senders(rows), true)));
  }
  console.log(`    Rapport's own main-thread time (CPU profile of its content script): ${summary(cpu)}`);
  console.log(`    long tasks during the burst (with Rapport): ${longTasks.join(", ")} (ms: ${durations.join(" ")})`);
  return longTasks;
}

const page = await h.context.newPage();
await page.goto(h.url('mail.google.com', '/mail/u/0/#inbox'));
await page.waitForTimeout(1_000);
await measure(page, 100, '100 rows');
await measure(page, 500, '500 rows');
{
  // New rows from people this page already asked about: answered from the content script's
  // cache, no message.
  const first = senders(100);
  await freshInbox(page);
  await burst(page, first, true);
  const before = (await workerLookups()).length;
  const result = await burst(page, first, true);
  console.log(`  100 rows of senders seen before: ${result.drawnMs.toFixed(1)} ms, messages: ${(await workerLookups()).length - before}`);
}
await page.close();
await h.close();

// ---- Baseline: the same page and bursts in Chromium without Rapport. ----
{
  const { startFixtureServer } = await import('../e2e/support/fixture-server.ts');
  const server = await startFixtureServer();
  const profile = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
  const map = FIXTURE_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${server.port}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 860 },
    args: [`--host-resolver-rules=${[...map, 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1'].join(', ')}`, '--no-sandbox', '--disable-gpu', '--disable-extensions'],
  });
  const plain = await context.newPage();
  await plain.goto(`https://mail.google.com/mail/u/0/#inbox`);
  await plain.waitForTimeout(500);
  for (const rows of [100, 500]) {
    const tasks: number[] = [];
    const frames: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await freshInbox(plain);
      const result = await burst(plain, senders(rows), false);
      tasks.push(result.longTasks.length);
      frames.push(result.frameMs);
    }
    console.log(`  baseline without Rapport, ${rows} rows: next frame ${summary(frames)} after the insertion; long tasks ${tasks.join(', ')}`);
  }
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
