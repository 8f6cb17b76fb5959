// `npm run bench`: numbers, not pass/fail. Needs a built extension (npm run build).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchHarness, pingWorker } from '../e2e/support/browser.ts';
import { CHROME_BUILD } from '../e2e/support/paths.ts';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

console.log('Content scripts (raw / gzip):');
const scripts = join(CHROME_BUILD, 'content-scripts');
for (const file of readdirSync(scripts)) {
  const raw = readFileSync(join(scripts, file));
  console.log(`  ${file}: ${(statSync(join(scripts, file)).size / 1024).toFixed(1)} KiB / ${(gzipSync(raw).length / 1024).toFixed(1)} KiB`);
}

const h = await launchHarness();
const RUNS = 15;

/** DOMContentLoaded of a profile → the sidebar has rendered the person (its own performance mark). */
async function timeToPerson(path: string): Promise<number[]> {
  const shown: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await h.context.newPage();
    await page.goto(h.url('www.linkedin.com', path), { waitUntil: 'domcontentloaded' });
    const dcl = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return performance.timeOrigin + nav.domContentLoadedEventStart;
    });
    const frame = await h.sidebar(page);
    await frame.waitForFunction(() => performance.getEntriesByName('rapport:person-shown').length > 0);
    const at = await frame.evaluate(() => performance.timeOrigin + performance.getEntriesByName('rapport:person-shown')[0]!.startTime);
    shown.push(at - dcl);
    await page.close();
  }
  return shown;
}
const report = (label: string, values: number[]) =>
  console.log(`${label}: median ${fmt(median(values))} (n=${values.length}, min ${fmt(Math.min(...values))}, max ${fmt(Math.max(...values))})`);

report('DOMContentLoaded → sidebar shows the person (not yet in Rapport)', await timeToPerson('/in/ada-lovelace-0a1b2c3d/'));
{
  // Make Grace a known contact with some history, then time her full card.
  const page = await h.context.newPage();
  await page.goto(h.url('www.linkedin.com', '/in/grace-hopper-3d4e5f/'));
  const frame = await h.sidebar(page);
  await frame.getByRole('button', { name: 'Add to Rapport' }).click();
  for (const summary of ['Coffee about compilers', 'Call about the Navy', 'Thank-you e-mail']) {
    await frame.getByRole('textbox', { name: 'What was it about?' }).fill(summary);
    await frame.getByRole('button', { name: 'Log interaction' }).click();
    await frame.getByText(summary, { exact: true }).first().waitFor();
  }
  await page.close();
}
report('DOMContentLoaded → a known contact’s full card is usable', await timeToPerson('/in/grace-hopper-3d4e5f/'));

// In-app navigation: from the click that changes the URL to the new person's name in the
// sidebar. The fixture app swaps its content 150 ms after the URL and its title 100 ms later.
{
  const page = await h.context.newPage();
  await page.goto(h.url('www.linkedin.com', '/in/ada-lovelace-0a1b2c3d/'));
  const frame = await h.sidebar(page);
  await frame.waitForFunction(() => document.querySelector('h1')?.textContent === 'Ada Lovelace');
  const route = [
    ['Katherine', 'Katherine Johnson'],
    ['Grace', 'Grace Hopper'],
    ['Thilde', 'Thilde Markström'],
    ['Ada', 'Ada Lovelace'],
  ] as const;
  const times: number[] = [];
  for (let i = 0; i < 12; i++) {
    const [link, name] = route[i % route.length]!;
    const shownAt = frame.evaluate(
      (expected) =>
        new Promise<number>((done) => {
          const check = () => {
            if (document.querySelector('h1')?.textContent === expected) {
              observer.disconnect();
              done(performance.timeOrigin + performance.now());
            }
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        }),
      name,
    );
    const clickedAt = await page.evaluate((text) => {
      const anchor = [...document.querySelectorAll('header a')].find((a) => a.textContent === text) as HTMLElement;
      const at = performance.timeOrigin + performance.now();
      anchor.click();
      return at;
    }, link);
    times.push((await shownAt) - clickedAt);
  }
  console.log(
    `Location change → right person in the sidebar (in-app navigation): median ${fmt(median(times))} (n=${times.length}; includes the fixture app's 150 ms content swap)`,
  );
  await page.close();
}

const ext = await h.extensionPage();
await pingWorker(ext);
const warm: number[] = [];
for (let i = 0; i < 50; i++) warm.push((await pingWorker(ext)).ms);
console.log(`Message round trip, warm worker: median ${fmt(median(warm))} (n=50)`);

const cold: number[] = [];
for (let i = 0; i < 10; i++) {
  const before = await pingWorker(ext);
  await h.stopWorker();
  await ext.waitForTimeout(200);
  const after = await pingWorker(ext);
  if (after.workerStartedAt === before.workerStartedAt) throw new Error('the worker did not stop');
  cold.push(after.ms);
}
console.log(`Message round trip after a worker stop: median ${fmt(median(cold))} (n=10)`);
await h.close();
