// Gmail and Outlook on the web, in real Chromium against the fixture apps served at the real
// hostnames: badges only next to known senders, with the right ages; rows added later get
// theirs; an open thread's participants are one click from their card; "Log this e-mail" shows
// in the sidebar's timeline and updates the badge; logging elsewhere updates it too; auto-log
// of sent mail is off by default and works (with undo) when turned on. The marks live in
// closed shadow roots: they are read through the DevTools protocol (support/closed-shadow).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchHarness, type Harness } from './support/browser.ts';
import { clickMark, readMarks, waitForMarks, within, type Mark } from './support/closed-shadow.ts';

const DAY = 86_400_000;
let h: Harness;
const ids: Record<string, number> = {};
const pageErrors: string[] = [];

beforeAll(async () => {
  h = await launchHarness();
  const add = async (key: string, name: string, emails: string[]) =>
    (ids[key] = (await h.send<{ contact: { id: number } }>('contact.create', { draft: { name, emails } })).contact.id);
  await add('ada', 'Ada Lovelace', ['ada@analytical.example']);
  await add('grace', 'Grace Hopper', ['grace@navy.example']);
  await add('alan', 'Alan Turing', ['alan@bletchley.example']);
  await h.send('interaction.log', { contactId: ids.ada, kind: 'call', when: Date.now() - 3 * DAY, summary: 'Call about notes' });
  await h.send('interaction.log', { contactId: ids.grace, kind: 'meeting', when: Date.now() - 150 * DAY, summary: 'Navy lunch' });
  await h.send('contact.update', { id: ids.grace, patch: { nextFollowUp: Date.now() - DAY } });
});
afterAll(async () => {
  expect(pageErrors).toEqual([]);
  await h?.close();
});

async function open(host: string, path: string): Promise<Page> {
  const page = await h.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${host}: ${error.message}`));
  page.on('console', (message) => {
    // A Trusted Types or CSP violation by Rapport would show here.
    if (/TrustedHTML|Trusted Type|Content Security Policy/i.test(message.text())) pageErrors.push(`${host}: ${message.text()}`);
  });
  await page.goto(h.url(host, path));
  return page;
}

const byEmail = (marks: Mark[], email: string) => marks.filter((m) => m.anchor['email'] === email);
const lookups = async () =>
  (await h.worker()).evaluate(() => performance.getEntriesByName('rapport:senders.lookup').length);

describe('Gmail', () => {
  it('badges exactly the known senders, with their ages, in closed shadow roots the page cannot read', async () => {
    const page = await open('mail.google.com', '/mail/u/0/#inbox');
    const marks = await waitForMarks(page, (m) => byEmail(m, 'grace@navy.example').length >= 2 && byEmail(m, 'ada@analytical.example').length >= 2);
    const senders = new Set(marks.map((m) => m.anchor['email']));
    expect([...senders].sort()).toEqual(['ada@analytical.example', 'alan@bletchley.example', 'grace@navy.example']);
    const ada = byEmail(marks, 'ada@analytical.example')[0]!;
    expect(ada.text).toBe('3d');
    expect(ada.label).toBe('Last contacted 3 days ago · Rapport');
    const grace = byEmail(marks, 'grace@navy.example')[0]!;
    expect(grace.text).toBe('4mo');
    expect(grace.className).toBe('due');
    expect(grace.label).toBe('Last contacted 4 months ago, follow-up 1 day overdue · Rapport');
    const alan = byEmail(marks, 'alan@bletchley.example')[0]!;
    expect(alan.text).toBe('new');
    // Nothing on the host names Rapport; the page sees an empty element without a shadow root.
    for (const mark of marks) expect(mark.hostAttributes).toEqual({});
    const seen = await page.evaluate(() => {
      const host = document.querySelector('span[email="ada@analytical.example"]')!.nextElementSibling!;
      return { shadow: host.shadowRoot, text: host.textContent, html: host.outerHTML };
    });
    expect(seen).toEqual({ shadow: null, text: '', html: '<span></span>' });
    // The user ("me") and unknown senders get nothing.
    expect(marks.some((m) => m.anchor['name'] === 'me')).toBe(false);
    await page.close();
  });

  it('gives rows added later their badges: one lookup for new senders, none for known ones', async () => {
    const page = await open('mail.google.com', '/mail/u/0/#inbox');
    await waitForMarks(page, (m) => m.length >= 3);
    await page.waitForTimeout(300);
    const before = await lookups();
    // 30 new conversations at once (known and never-seen senders): one message for all of them.
    await page.evaluate(() => (window as any).fixtureGmail.addRows(30, { position: 'top' }));
    await waitForMarks(page, (m) => byEmail(m, 'ada@analytical.example').length >= 5);
    await page.waitForTimeout(200);
    expect(await lookups()).toBe(before + 1);
    // 30 more from the same people: drawn from the cache, no message at all.
    await page.evaluate(() => (window as any).fixtureGmail.addRows(30, { position: 'bottom' }));
    await waitForMarks(page, (m) => byEmail(m, 'ada@analytical.example').length >= 8);
    await page.waitForTimeout(200);
    expect(await lookups()).toBe(before + 1);
    // Scrolling further brings a sender nobody asked about yet: exactly one lookup.
    await h.send('contact.create', { draft: { name: 'Cloud Billing Desk', emails: ['billing@cloud.example'] } });
    await page.waitForTimeout(300);
    const afterCreate = await lookups();
    await page.evaluate(() => (window as any).fixtureGmail.addRows(40, { position: 'bottom', sender: { name: 'Nora Newsender', email: 'nora@new.example' } }));
    await page.waitForTimeout(400);
    expect(await lookups()).toBe(afterCreate + 1);
    const marks = await readMarks(page);
    expect(byEmail(marks, 'nora@new.example')).toHaveLength(0);
    expect(byEmail(marks, 'billing@cloud.example').length).toBeGreaterThan(0);
    await page.close();
  });

  it('opens a thread: chips on every participant, the sender’s card in the sidebar, "Log this e-mail" logs once and updates the badge', async () => {
    const page = await open('mail.google.com', '/mail/u/0/#inbox');
    await waitForMarks(page, (m) => byEmail(m, 'alan@bletchley.example').length > 0);
    await page.getByText('Lunch and the Analytical Engine').first().click();
    await page.waitForFunction(() => /^#inbox\/FMfcg/.test(location.hash));
    // Alan sent the newest message and is a contact: his card opens by itself.
    const frame = await h.sidebar(page);
    await frame.getByRole('heading', { name: 'Alan Turing' }).waitFor();
    await frame.getByText('Lunch and the Analytical Engine').first().waitFor();
    // Every participant is one click away: known ones with their badge, others with an add chip.
    const chips = await waitForMarks(page, (m) => m.some((x) => x.text === '+'));
    expect(chips.some((m) => m.anchor['email'] === 'katherine.johnson@nasa.example' && m.text === '+')).toBe(true);
    expect(chips.find((m) => m.anchor['email'] === 'katherine.johnson@nasa.example')!.label).toBe('Add Katherine Johnson to Rapport · Rapport');

    await frame.getByRole('button', { name: 'Log this e-mail' }).click();
    await frame.getByText('✓ In the timeline', { exact: false }).waitFor();
    const timeline = frame.getByRole('region', { name: 'Timeline' }).or(frame.locator('section[aria-labelledby="timeline-heading"]'));
    await expect.poll(() => timeline.first().textContent()).toContain('Lunch and the Analytical Engine');
    // Logged with the message's date and Gmail as its source; a second log is no second entry.
    const card = await h.send<{ interactions: { summary: string; source: string; when: number; externalId?: string }[] }>('contact.card', { id: ids.alan });
    const logged = card.interactions.filter((i) => i.summary === 'Lunch and the Analytical Engine');
    expect(logged).toHaveLength(1);
    expect(logged[0]!.source).toBe('gmail');
    expect(Math.abs(logged[0]!.when - (Date.now() - 5 * 3_600_000))).toBeLessThan(10 * 60_000);
    const again = await h.send<{ created: boolean }>('email.log', {
      contactId: ids.alan,
      site: 'gmail',
      message: { id: logged[0]!.externalId!.replace(/^gmail:/, ''), subject: 'x', fromMe: false },
    });
    expect(again.created).toBe(false);

    // Back to the list by hash: Alan's badge now tells of the e-mail.
    await page.goBack();
    await page.waitForFunction(() => location.hash === '#inbox');
    const expected = await page.evaluate(() => {
      const then = new Date(Date.now() - 5 * 3_600_000);
      return then.toDateString() === new Date().toDateString() ? '0d' : '1d';
    });
    await waitForMarks(page, (m) => byEmail(m, 'alan@bletchley.example').some((x) => x.text === expected));
    // …and forward to the thread again: its chips come back.
    await page.goForward();
    await waitForMarks(page, (m) => m.some((x) => x.text === '+'));
    await page.close();
  });

  it('adds an unknown participant pre-filled from the thread, and the chip becomes a badge', async () => {
    const page = await open('mail.google.com', '/mail/u/0/#inbox');
    await page.getByText('Lunch and the Analytical Engine').first().click();
    const chips = await waitForMarks(page, (m) => m.some((x) => x.anchor['email'] === 'katherine.johnson@nasa.example'));
    await clickMark(page, chips.find((m) => m.anchor['email'] === 'katherine.johnson@nasa.example')!);
    const frame = await h.sidebar(page);
    await frame.getByRole('heading', { name: 'Katherine Johnson' }).waitFor();
    expect(await frame.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Katherine Johnson');
    expect(await frame.getByRole('textbox', { name: 'E-mail' }).inputValue()).toBe('katherine.johnson@nasa.example');
    // The chip click did not reach the page (it would have collapsed/opened messages).
    expect(page.url()).toContain('#inbox/FMfcg');
    await frame.getByRole('button', { name: 'Add to Rapport' }).click();
    await frame.getByRole('button', { name: 'Log this e-mail' }).or(frame.getByText('✓ In the timeline')).first().waitFor();
    await waitForMarks(page, (m) =>
      m.filter((x) => x.anchor['email'] === 'katherine.johnson@nasa.example').every((x) => x.text !== '+'),
    );
    await page.close();
  });

  it('keeps the badges in the vertical split-pane layout, where one conversation spans several rows', async () => {
    const page = await open('mail.google.com', '/mail/u/0/#inbox');
    await waitForMarks(page, (m) => byEmail(m, 'ada@analytical.example').length > 0);
    await page.evaluate(() => (window as any).fixtureGmail.setLayout('split'));
    const marks = await waitForMarks(page, (m) => byEmail(m, 'ada@analytical.example').length > 0 && byEmail(m, 'grace@navy.example').length > 0);
    // One badge per sender per conversation, not one per table row of it.
    const perRow = new Map<string, number>();
    for (const mark of byEmail(marks, 'ada@analytical.example')) {
      const row = mark.ancestors.find((a) => a['class']?.split(' ').includes('zA'));
      const key = JSON.stringify(row ?? {});
      perRow.set(key, (perRow.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perRow.values())).toBe(1);
    expect(byEmail(marks, 'ada@analytical.example')[0]!.text).toBe('3d');
    await page.close();
  });

  it('updates a badge when an interaction is logged elsewhere (the sidebar, another tab)', async () => {
    const page = await open('mail.google.com', '/mail/u/0/#inbox');
    await waitForMarks(page, (m) => byEmail(m, 'grace@navy.example').some((x) => x.text === '4mo'));
    await h.send('interaction.log', { contactId: ids.grace, kind: 'call', when: Date.now(), summary: 'Called about the demo' });
    await h.send('contact.update', { id: ids.grace, patch: { nextFollowUp: null } });
    const marks = await waitForMarks(page, (m) => byEmail(m, 'grace@navy.example').every((x) => x.text === '0d' && x.className === ''));
    expect(byEmail(marks, 'grace@navy.example')[0]!.label).toBe('Last contacted today · Rapport');
    await page.close();
  });

  it('auto-log of sent mail: off by default; on, it logs for known recipients with a toast that can undo', async () => {
    const page = await open('mail.google.com', '/mail/u/0/#inbox');
    await waitForMarks(page, (m) => m.length > 0);
    const adaLog = async () =>
      (await h.send<{ interactions: { summary: string }[] }>('contact.card', { id: ids.ada })).interactions.filter(
        (i) => i.summary === 'Engine tables',
      ).length;

    const send = async () => {
      await page.evaluate(() => (window as any).fixtureGmail.openCompose({ to: ['Ada Lovelace <ada@analytical.example>', 'someone@unknown.example'], subject: 'Engine tables' }));
      await page.getByRole('button', { name: /^Send/ }).first().click();
      await page.waitForFunction(() => (window as any).fixtureGmail.sent.some((m: { subject: string }) => m.subject === 'Engine tables'));
    };
    await send();
    await page.waitForTimeout(1_500);
    expect(await adaLog()).toBe(0);
    expect((await readMarks(page)).some((m) => m.text === 'Undo')).toBe(false);

    await h.send('settings.update', { patch: { autoLogSentMail: true } });
    await send();
    await expect.poll(adaLog, { timeout: 8_000 }).toBe(1);
    const toast = await waitForMarks(page, (m) => m.some((x) => x.text === 'Undo'));
    await clickMark(page, toast.find((m) => m.text === 'Undo')!);
    await expect.poll(adaLog, { timeout: 5_000 }).toBe(0);
    await h.send('settings.update', { patch: { autoLogSentMail: false } });
    await page.close();
  });
});

describe('Outlook on the web', () => {
  it('badges senders by address, and by display name as a weaker match said so', async () => {
    const page = await open('outlook.live.com', '/mail/0/inbox');
    const marks = await waitForMarks(page, (m) => m.some((x) => x.label.includes('matched by name only')));
    const weak = marks.filter((m) => m.label.includes('matched by name only'));
    expect(weak.every((m) => m.className.includes('weak'))).toBe(true);
    expect(weak.some((m) => m.anchorText === 'Grace Hopper')).toBe(true);
    const strong = marks.filter((m) => !m.label.includes('matched by name only'));
    expect(strong.some((m) => m.anchor['title'] === 'ada@analytical.example' && m.text === '3d')).toBe(true);
    // Unknown senders ("Contoso Deals") get nothing.
    expect(marks.some((m) => m.anchorText.includes('Contoso'))).toBe(false);
    await page.close();
  });

  it('works on the business hosts, and rows added later get badges', async () => {
    const page = await open('outlook.office.com', '/mail/inbox');
    await waitForMarks(page, (m) => m.length > 0);
    const count = (await readMarks(page)).length;
    await page.evaluate(() => (window as any).fixtureOutlook.addRows(25, { position: 'top' }));
    await waitForMarks(page, (m) => m.length > count);
    await page.close();
  });

  it('auto-logs mail sent from Outlook when turned on', async () => {
    const page = await open('outlook.live.com', '/mail/0/inbox');
    await waitForMarks(page, (m) => m.length > 0);
    const logs = async () =>
      (await h.send<{ interactions: { summary: string; source: string }[] }>('contact.card', { id: ids.grace! })).interactions.filter(
        (i) => i.summary === 'Compiler notes' && i.source === 'outlook',
      ).length;
    await h.send('settings.update', { patch: { autoLogSentMail: true } });
    await page.evaluate(() => (window as any).fixtureOutlook.openCompose({ to: ['grace@navy.example'], subject: 'Compiler notes' }));
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(logs, { timeout: 8_000 }).toBe(1);
    await waitForMarks(page, (m) => m.some((x) => x.text === 'Undo'));
    await h.send('settings.update', { patch: { autoLogSentMail: false } });
    await page.close();
  });

  it('opens a message in the reading pane: chips, the card, and "Log this e-mail" with Outlook as source', async () => {
    const page = await open('outlook.live.com', '/mail/0/inbox');
    await waitForMarks(page, (m) => m.length > 0);
    await page.getByRole('option').filter({ hasText: 'Programming the engine' }).first().click();
    await page.waitForFunction(() => location.pathname.includes('/id/'));
    const inPane = (m: Mark) => within(m, 'id', 'ReadingPaneContainerId');
    const chips = await waitForMarks(page, (m) => m.some((x) => inPane(x) && x.label.startsWith('Last contacted')));
    const senderChip = chips.filter((m) => inPane(m) && m.label.startsWith('Last contacted'))[0]!;
    await clickMark(page, senderChip);
    const frame = await h.sidebar(page);
    await frame.getByRole('button', { name: 'Log this e-mail' }).click();
    await frame.getByText('✓ In the timeline', { exact: false }).waitFor();
    const sources = async (id: number) =>
      (await h.send<{ interactions: { source: string }[] }>('contact.card', { id })).interactions.map((i) => i.source);
    const all = [...(await sources(ids.ada!)), ...(await sources(ids.grace!))];
    expect(all).toContain('outlook');
    await page.close();
  });
});
