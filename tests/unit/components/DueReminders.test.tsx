// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { DueReminders } from '../../../components/card/DueReminders';
import type { DueItem, TicklerList } from '../../../utils/messages/contract';
import { DAY, fakeRequest, NOW, settle } from './helpers';

beforeEach(() => fakeBrowser.reset());

const goals = { weekStart: NOW - 3 * DAY, newContacts: { done: 0, goal: 5 }, conversations: { done: 0, goal: 3 }, followUps: { done: 0, goal: 5 } };
const item = (over: Partial<DueItem> = {}): DueItem => ({
  key: 'follow-up:3',
  contactId: 3,
  contactName: 'Ada Lovelace',
  reason: 'follow-up',
  text: 'Follow up with Ada Lovelace',
  due: NOW - 2 * DAY,
  ...over,
});

function setup(lists: TicklerList[]) {
  let call = 0;
  const fake = fakeRequest({ 'ticklers.list': () => lists[Math.min(call++, lists.length - 1)]! });
  const view = render(<DueReminders contactId={3} request={fake.request} now={() => NOW} />);
  return { fake, ...view };
}

describe('DueReminders', () => {
  it('asks for this contact’s due reminders only, and renders nothing when none is due', async () => {
    const { fake, container } = setup([{ items: [], goals }]);
    await settle();
    expect(fake.sent('ticklers.list')).toEqual([{ contactId: 3 }]);
    expect(container.innerHTML).toBe('');
  });

  it('lists what is due with Done and Snooze, named after the item', async () => {
    setup([{ items: [item()], goals }]);
    await settle();
    expect(screen.getByRole('heading', { name: 'Due now' })).toBeTruthy();
    expect(screen.getByText('Follow up with Ada Lovelace')).toBeTruthy();
    expect(screen.getByText('(2 days overdue)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Done: Follow up with Ada Lovelace' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Snooze: Follow up with Ada Lovelace' })).toBeTruthy();
  });

  it('Done sends tickler.act and reloads: the item is gone', async () => {
    const { fake } = setup([{ items: [item()], goals }, { items: [], goals }]);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Done: Follow up with Ada Lovelace' }));
    await settle();
    expect(fake.sent('tickler.act')).toEqual([{ key: 'follow-up:3', action: 'done' }]);
    expect(screen.queryByText('Follow up with Ada Lovelace')).toBeNull();
  });

  it('Snooze sends the snooze action', async () => {
    const { fake } = setup([{ items: [item({ key: 'reminder:9', text: 'Send the article' })], goals }]);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Snooze: Send the article' }));
    await settle();
    expect(fake.sent('tickler.act')).toEqual([{ key: 'reminder:9', action: 'snooze' }]);
  });

  it('reloads when the worker broadcasts that the reminders changed', async () => {
    const { fake } = setup([{ items: [], goals }, { items: [item()], goals }]);
    await settle();
    expect(screen.queryByText('Follow up with Ada Lovelace')).toBeNull();
    await fakeBrowser.runtime.sendMessage({ rapport: 1, event: 'ticklers-changed' });
    await settle();
    expect(fake.sent('ticklers.list')).toHaveLength(2);
    expect(screen.getByText('Follow up with Ada Lovelace')).toBeTruthy();
  });

  it('says when an action fails', async () => {
    const { fake } = setup([{ items: [item()], goals }]);
    fake.on('tickler.act', () => {
      throw new Error('the store is locked');
    });
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Done: Follow up with Ada Lovelace' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Not saved: the store is locked');
  });
});
