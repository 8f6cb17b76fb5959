// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { PopupApp } from '../../../components/popup/PopupApp';
import type { DueItem, TicklerList } from '../../../utils/messages/contract';
import { Settings } from '../../../utils/model/settings';
import { DAY, fakeRequest, makeSummary, NOW, settle } from './helpers';

beforeEach(() => fakeBrowser.reset());

const goals = (newContacts = 2, followUps = 4) => ({
  weekStart: NOW - 3 * DAY,
  newContacts: { done: newContacts, goal: 5 },
  conversations: { done: 1, goal: 3 },
  followUps: { done: followUps, goal: 6 },
});
const ada: DueItem = {
  key: 'follow-up:3',
  contactId: 3,
  contactName: 'Ada Lovelace',
  linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace/',
  reason: 'follow-up',
  text: 'Follow up with Ada Lovelace',
  due: NOW - DAY,
};
const grace: DueItem = {
  key: 'reminder:12',
  contactId: 4,
  contactName: 'Grace Hopper',
  reason: 'thank-you',
  text: 'Send a thank-you note to Grace Hopper',
  due: NOW - 60_000,
};

function setup(lists: TicklerList[]) {
  let call = 0;
  const fake = fakeRequest({ 'ticklers.list': () => lists[Math.min(call++, lists.length - 1)]! });
  const opened: string[] = [];
  const links = { contactPage: (id: number) => `chrome-extension://rapport/sidebar.html?contact=${id}`, open: (url: string) => void opened.push(url) };
  const view = render(<PopupApp request={fake.request} links={links} now={() => NOW} />);
  return { fake, opened, ...view };
}

describe('PopupApp', () => {
  it('says so when nothing is due, and shows the week’s goals', async () => {
    const { fake } = setup([{ items: [], goals: goals() }]);
    await settle();
    expect(fake.sent('ticklers.list')).toEqual([{}]);
    expect(screen.getByText('Nothing due. Nice.')).toBeTruthy();
    expect(screen.getByText('New contacts this week: 2 of 5')).toBeTruthy();
    expect(screen.getByText('Conversations: 1 of 3')).toBeTruthy();
    expect(screen.getByText('Follow-ups done: 4 of 6')).toBeTruthy();
  });

  it('lists the due reminders with Done, Snooze and Open, each with an accessible name', async () => {
    setup([{ items: [ada, grace], goals: goals() }]);
    await settle();
    const items = screen.getAllByRole('listitem').filter((li) => li.closest('.due-list'));
    expect(items.map((li) => li.querySelector('span')?.textContent)).toEqual([ada.text, grace.text]);
    expect(screen.getByText('(1 day overdue)')).toBeTruthy();
    for (const name of [
      `Done: ${ada.text}`,
      `Snooze: ${ada.text}`,
      'Open Ada Lovelace',
      `Done: ${grace.text}`,
      `Snooze: ${grace.text}`,
      'Open Grace Hopper',
      'Search contacts',
    ]) {
      expect(screen.getAllByRole(name === 'Search contacts' ? 'searchbox' : 'button', { name })).toHaveLength(1);
    }
    for (const button of screen.getAllByRole('button')) expect(button.getAttribute('aria-label') ?? button.textContent).toBeTruthy();
  });

  it('Done acts on the item and reloads; the item is gone', async () => {
    const { fake } = setup([{ items: [ada], goals: goals(2, 4) }, { items: [], goals: goals(2, 5) }]);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: `Done: ${ada.text}` }));
    await settle();
    expect(fake.sent('tickler.act')).toEqual([{ key: 'follow-up:3', action: 'done' }]);
    expect(screen.getByText('Nothing due. Nice.')).toBeTruthy();
    expect(screen.getByText('Follow-ups done: 5 of 6')).toBeTruthy();
  });

  it('Snooze sends the snooze action', async () => {
    const { fake } = setup([{ items: [grace], goals: goals() }, { items: [], goals: goals() }]);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: `Snooze: ${grace.text}` }));
    await settle();
    expect(fake.sent('tickler.act')).toEqual([{ key: 'reminder:12', action: 'snooze' }]);
    expect(screen.queryByText(grace.text)).toBeNull();
  });

  it('Open goes to the LinkedIn profile when known, else to Rapport’s contact page', async () => {
    const { opened } = setup([{ items: [ada, grace], goals: goals() }]);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Open Ada Lovelace' }));
    fireEvent.click(screen.getByRole('button', { name: 'Open Grace Hopper' }));
    expect(opened).toEqual(['https://www.linkedin.com/in/ada-lovelace/', 'chrome-extension://rapport/sidebar.html?contact=4']);
  });

  it('searches contacts; a result opens the standalone page', async () => {
    const { fake, opened } = setup([{ items: [], goals: goals() }]);
    fake.on('contacts.search', ({ query }) => (query === 'gra' ? [makeSummary({ id: 4, name: 'Grace Hopper', company: 'Navy' })] : []));
    await settle();
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search contacts' }), { target: { value: 'gra' } });
    await settle();
    expect(fake.sent('contacts.search')).toEqual([{ query: 'gra', limit: 8 }]);
    fireEvent.click(screen.getByRole('button', { name: 'Open Grace Hopper' }));
    expect(opened).toEqual(['chrome-extension://rapport/sidebar.html?contact=4']);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search contacts' }), { target: { value: 'zzz' } });
    await settle();
    expect(screen.getByText('No contact matches “zzz”.')).toBeTruthy();
  });

  it('reloads on the worker’s broadcasts', async () => {
    const { fake } = setup([{ items: [], goals: goals() }, { items: [ada], goals: goals() }]);
    await settle();
    await fakeBrowser.runtime.sendMessage({ rapport: 1, event: 'ticklers-changed' });
    await settle();
    expect(fake.sent('ticklers.list')).toHaveLength(2);
    expect(screen.getByText(ada.text)).toBeTruthy();
  });

  it('the Settings disclosure turns the daily digest on and sets its hour', async () => {
    const { fake } = setup([{ items: [], goals: goals() }]);
    await settle();
    expect(screen.getByText('Settings').tagName).toBe('SUMMARY');
    const toggle = screen.getByRole('checkbox', { name: 'Daily digest notification' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    await settle();
    expect(fake.sent('settings.update')).toEqual([{ patch: { digest: { enabled: true, hour: 8 } } }]);
    expect((screen.getByRole('checkbox', { name: 'Daily digest notification' }) as HTMLInputElement).checked).toBe(true);
    const hour = screen.getByRole('combobox', { name: 'Digest time' }) as HTMLSelectElement;
    expect(hour.value).toBe('8');
    fireEvent.change(hour, { target: { value: '7' } });
    await settle();
    expect(fake.sent('settings.update')[1]).toEqual({ patch: { digest: { enabled: true, hour: 7 } } });
  });

  it('says when loading fails', async () => {
    const fake = fakeRequest({
      'ticklers.list': () => {
        throw new Error('worker asleep');
      },
      'settings.get': () => Settings.parse({}),
    });
    render(<PopupApp request={fake.request} links={{ contactPage: () => '', open: () => {} }} now={() => NOW} />);
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Rapport couldn’t load your reminders: worker asleep');
  });
});

describe('PopupApp: the contact manager', () => {
  it('links to the manager page when it has one', async () => {
    const fake = fakeRequest();
    const opened: string[] = [];
    const links = {
      contactPage: (id: number) => `chrome-extension://rapport/sidebar.html?contact=${id}`,
      managerPage: () => 'chrome-extension://rapport/manager.html',
      open: (url: string) => void opened.push(url),
    };
    render(<PopupApp request={fake.request} links={links} now={() => NOW} />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: /Manage contacts/ }));
    expect(opened).toEqual(['chrome-extension://rapport/manager.html']);
  });
});

describe('PopupApp: the full settings page', () => {
  it('the Settings disclosure links to every setting (the options page)', async () => {
    const fake = fakeRequest({ 'ticklers.list': () => ({ items: [], goals: goals() }) });
    const opened: string[] = [];
    const links = {
      contactPage: (id: number) => `chrome-extension://rapport/sidebar.html?contact=${id}`,
      settingsPage: () => 'chrome-extension://rapport/options.html',
      open: (url: string) => void opened.push(url),
    };
    render(<PopupApp request={fake.request} links={links} now={() => NOW} />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'All settings…' }));
    expect(opened).toEqual(['chrome-extension://rapport/options.html']);
    // The quick controls stay where they were.
    expect(screen.getByRole('checkbox', { name: 'Daily digest notification' })).toBeTruthy();
  });

  it('has no such link where the page cannot be opened', async () => {
    setup([{ items: [], goals: goals() }]);
    await settle();
    expect(screen.queryByRole('button', { name: 'All settings…' })).toBeNull();
  });
});
