// `npm run demo`: builds Rapport and opens Chromium with it on the bundled sample pages at
// their real URLs (served locally; nothing reaches the internet). Without a display it
// walks through the slice headlessly and saves screenshots to demo-screenshots/.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchHarness } from './support/browser.ts';
import { ROOT } from './support/paths.ts';

const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const h = await launchHarness({ headless });
const page = await h.context.newPage();
await page.goto(h.url('www.linkedin.com', '/in/ada-lovelace-0a1b2c3d/'));

// People the sample mail pages know, so their inboxes show badges.
const DAY = 86_400_000;
for (const [name, email, daysAgo, due] of [
  ['Grace Hopper', 'grace@navy.example', 150, true],
  ['Katherine Johnson', 'katherine.johnson@nasa.example', 9, false],
  ['Alan Turing', 'alan@bletchley.example', 40, false],
] as const) {
  const { contact } = await h.send<{ contact: { id: number } }>('contact.create', { draft: { name, emails: [email, email.replace('.johnson', '')] } });
  await h.send('interaction.log', { contactId: contact.id, kind: 'email', when: Date.now() - daysAgo * DAY, summary: 'Catch-up' });
  if (due) await h.send('contact.update', { id: contact.id, patch: { nextFollowUp: Date.now() - DAY } });
}
const gmail = await h.context.newPage();
await gmail.goto(h.url('mail.google.com', '/mail/u/0/#inbox'));
const outlook = await h.context.newPage();
await outlook.goto(h.url('outlook.live.com', '/mail/0/inbox'));
// The contact manager, with the bundled sample LinkedIn and Google exports imported through it.
const manager = await h.context.newPage();
const managerUrl = (hash = '') => `chrome-extension://${h.extensionId}/manager.html${hash}`;
async function importSample(file: string, mimeType: string) {
  await manager.goto(managerUrl('#view=transfer'));
  await manager.getByLabel('File to import').setInputFiles({
    name: file,
    mimeType,
    buffer: readFileSync(resolve(ROOT, 'tests/fixtures/import', file)),
  });
  const apply = manager.getByRole('button', { name: /^Import \d+ contacts?$/ });
  await apply.waitFor();
  return apply;
}
await (await importSample('linkedin-connections.csv', 'text/csv')).click();
await manager.getByRole('button', { name: 'See the imported contacts' }).waitFor();
await manager.goto(managerUrl());
await page.bringToFront();

if (!headless) {
  console.log('Rapport is running in Chromium on sample LinkedIn pages (www.linkedin.com is served locally).');
  console.log('Add Ada to Rapport, type a note, reload, or follow the links to other people.');
  console.log('The other tabs are sample Gmail and Outlook inboxes with "last contacted" badges, and the contact manager');
  console.log('(the sample LinkedIn export imported, a Google Contacts file previewed). Close the browser or press Ctrl+C to stop.');
  await new Promise<void>((done) => {
    h.context.on('close', () => done());
    process.on('SIGINT', () => done());
  });
  await h.close().catch(() => {});
  process.exit(0);
}

const out = resolve(ROOT, 'demo-screenshots');
mkdirSync(out, { recursive: true });
const shot = async (name: string) => {
  await page.waitForTimeout(300);
  await page.screenshot({ path: resolve(out, `${name}.png`) });
  console.log(`saved demo-screenshots/${name}.png`);
};
let sidebar = await h.sidebar(page);
await sidebar.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
await shot('1-profile-not-yet-in-rapport');
const add = sidebar.getByRole('button', { name: 'Add to Rapport' });
if (await add.count()) {
  // Pretend Rapport knew her from an earlier job: the card then offers the page's update.
  await sidebar.getByRole('textbox', { name: 'Company', exact: true }).fill('Analytical Society');
  await add.click();
}
const notes = sidebar.getByRole('textbox', { name: 'Notes' });
await notes.fill('Met at the Difference Engine meetup (London, March).\nAsk about Bernoulli numbers; she offered to review my notes.');
await sidebar.getByText('Saved').waitFor();
await shot('2-note-saved');
await sidebar.getByRole('button', { name: 'Apply selected' }).click();
await page.reload();
sidebar = await h.sidebar(page);
await sidebar.getByRole('textbox', { name: 'Notes' }).waitFor();
await shot('3-after-reload');
await page.getByRole('link', { name: /^Grace Hopper/ }).click();
await sidebar.getByRole('heading', { name: 'Grace Hopper' }).waitFor().catch(() => {});
await shot('4-in-app-navigation');
await page.getByRole('banner').getByRole('link', { name: 'Babbage', exact: true }).click();
await sidebar.getByRole('heading', { name: 'Babbage & Co.' }).waitFor().catch(() => {});
await sidebar.getByRole('checkbox', { name: 'Target employer' }).check();
await shot('5-company-page');
for (const [tab, name] of [[gmail, '6-gmail-badges'], [outlook, '7-outlook-badges']] as const) {
  await tab.bringToFront();
  await tab.waitForTimeout(800);
  await tab.screenshot({ path: resolve(out, `${name}.png`) });
  console.log(`saved demo-screenshots/${name}.png`);
}
await gmail.bringToFront();
await gmail.getByText('Lunch and the Analytical Engine').first().click();
await (await h.sidebar(gmail)).getByRole('button', { name: 'Log this e-mail' }).waitFor().catch(() => {});
await gmail.waitForTimeout(500);
await gmail.screenshot({ path: resolve(out, '8-gmail-thread-card.png') });
console.log('saved demo-screenshots/8-gmail-thread-card.png');

const managerShot = async (name: string) => {
  await manager.waitForTimeout(400);
  await manager.screenshot({ path: resolve(out, `${name}.png`) });
  console.log(`saved demo-screenshots/${name}.png`);
};
await manager.bringToFront();
// Previewed now: the steps above changed the contacts, and a stale preview is refused.
const google = await importSample('google-contacts.csv', 'text/csv');
await managerShot('9-import-preview');
await google.click();
await manager.getByRole('button', { name: 'See the imported contacts' }).click();
await manager.getByRole('table', { name: 'Contacts' }).waitFor();
await managerShot('10-manager-list');
await manager.getByRole('search').or(manager.getByRole('searchbox', { name: 'Search contacts' })).first().fill('engine');
await managerShot('11-manager-search');
await manager.goto(managerUrl('#view=duplicates'));
await managerShot('12-duplicates');
// The sample export's "Grace Hopper \"Amazing Grace\"" is the Grace Hopper added above.
const compare = manager.getByRole('button', { name: /^Compare / }).first();
if (await compare.count()) {
  await compare.click();
  await manager.getByRole('heading', { name: /^Merge / }).waitFor();
  await managerShot('13-merge-side-by-side');
}
for (const [view, name] of [
  ['review', '14-weekly-review'],
  ['settings', '15-settings'],
] as const) {
  await manager.goto(managerUrl(`#view=${view}`));
  await managerShot(name);
}
await h.close();
console.log('No display found: the demo ran headless. Load .output/chrome-mv3 in Chrome (chrome://extensions → Load unpacked) to use Rapport on the real sites.');
