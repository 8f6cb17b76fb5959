// `npm run bench` (weekly review part): with 10,000 contacts, 100,000 interactions and 5,000
// reminders in the store, how long `review.weekly` (12 weeks) takes from an extension page's
// request to its answer — what the manager's Weekly review waits for. Needs a built extension.
import { launchHarness } from '../e2e/support/browser.ts';

const CONTACTS = 10_000;
const INTERACTIONS = 100_000;
const REMINDERS = 5_000;
const RUNS = 10;
const DAY = 86_400_000;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const h = await launchHarness();
try {
  await h.send('contacts.search', { query: 'warm-up', limit: 1 }); // the worker opens (and creates) the database
  const ext = await h.extensionPage();
  await ext.evaluate(
    async ({ contacts, interactions, reminders, day }) => {
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
      const kinds = ['email', 'call', 'meeting', 'video-call', 'linkedin-message', 'informational-interview', 'event', 'other'];
      const people = [];
      for (let i = 1; i <= contacts; i++) {
        const name = `Person ${i} Benchmark`;
        people.push({
          id: i,
          name,
          nameKey: name.toLowerCase(),
          emails: [],
          phones: [],
          tags: [],
          notes: '',
          type: i % 3 ? 'peer' : 'alumni',
          lastContacted: now - (i % 400) * day,
          ...(i % 10 === 0 ? { nextFollowUp: now + (i % 20) * day } : {}),
          createdAt: now - (i % 730) * day,
          updatedAt: now - (i % 100) * day,
        });
      }
      await write('contacts', people);
      for (let start = 0; start < interactions; start += 20_000) {
        const rows = [];
        for (let i = start; i < Math.min(interactions, start + 20_000); i++) {
          rows.push({ id: i + 1, contactId: (i % contacts) + 1, kind: kinds[i % kinds.length], when: now - ((i * 7) % 400) * day, summary: `Message ${i}`, source: 'manual', createdAt: now, updatedAt: now });
        }
        await write('interactions', rows);
      }
      const rows = [];
      for (let i = 0; i < reminders; i++) {
        const done = i % 2 === 0;
        rows.push({ id: i + 1, contactId: (i % contacts) + 1, due: now - (i % 200) * day, reason: i % 3 ? 'commitment' : 'follow-up', text: '', status: done ? 'done' : 'open', ...(done ? { completedAt: now - (i % 200) * day } : {}), createdAt: now, updatedAt: now });
      }
      await write('reminders', rows);
      db.close();
    },
    { contacts: CONTACTS, interactions: INTERACTIONS, reminders: REMINDERS, day: DAY },
  );

  const times: number[] = [];
  let weeks = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const review = await h.send('review.weekly', { weeks: 12 });
    times.push(performance.now() - started);
    weeks = review.weeks.length;
  }
  // For scale on the same machine at the same moment: the popup's list, which also reads every contact and reminder.
  const popup: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await h.send('ticklers.list', {});
    popup.push(performance.now() - started);
  }
  const worker = await h.worker();
  const inWorker = await worker.evaluate(() => performance.getEntriesByName('rapport:review.weekly').map((m) => m.duration));
  console.log(
    `review.weekly (12 weeks; ${CONTACTS.toLocaleString('en-US')} contacts, ${INTERACTIONS.toLocaleString('en-US')} interactions, ${REMINDERS.toLocaleString('en-US')} reminders): ` +
      `first ${times[0]!.toFixed(1)} ms, median ${median(times).toFixed(1)} ms (n=${RUNS}, min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}; ${weeks} weeks)`,
  );
  if (inWorker.length) {
    console.log(`  of which in the worker: median ${median(inWorker.slice(-RUNS)).toFixed(1)} ms (reading and counting; the rest is messaging and the page's validation)`);
  }
  console.log(`  for scale, ticklers.list (the popup) on the same data: median ${median(popup).toFixed(1)} ms`);
} finally {
  await h.close();
}
