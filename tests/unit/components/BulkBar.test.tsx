// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dayInput, dayValue, SelectableContactTable } from '../../../components/manager/BulkBar';
import { UpdatesPanel } from '../../../components/manager/UpdatesPanel';
import type { ManagerRow } from '../../../utils/model/manager';
import { DAY, fakeRequest, makeContact, NOW, settle } from './helpers';

beforeEach(() => {
  fakeBrowser.reset();
});

const row = (i: number, over: Partial<ManagerRow> = {}): ManagerRow => ({
  id: i + 1,
  name: `Person ${i}`,
  tags: [],
  overdue: false,
  ...over,
});
const facets = { tags: ['alumni', 'offer'], types: ['peer'], companies: [] };
const tagsUndo = { kind: 'tags' as const, at: NOW, before: [{ id: 1, value: [], updatedAt: NOW - DAY }] };

function setup(list: ManagerRow[] = [row(0), row(1), row(2, { archived: true })]) {
  const fake = fakeRequest({
    'contacts.bulk': ({ ids, action }) =>
      action.kind === 'delete'
        ? { affected: ids.length, undo: { kind: 'delete', contacts: ids.map((id) => makeContact({ id })), interactions: [], reminders: [] } }
        : { affected: ids.length, undo: tagsUndo },
    'contacts.bulkRestore': ({ undo }) => ({ restored: undo.kind === 'log-update' ? 0 : undo.before.length }),
    'contacts.restore': ({ undo }) => ({ restored: undo.contacts.length }),
  });
  const onOpen = vi.fn();
  const view = render(
    <SelectableContactTable
      request={fake.request}
      rows={list}
      facets={facets}
      sort={{ by: 'name', dir: 'asc' }}
      onSort={() => {}}
      selectedId={null}
      onOpen={onOpen}
    />,
  );
  return { fake, onOpen, view };
}

const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

describe('selection', () => {
  it('shows the bulk bar once a row is checked, without opening the row', () => {
    const { onOpen } = setup();
    expect(screen.queryByRole('toolbar')).toBeNull();
    fireEvent.click(box('Select Person 0'));
    expect(onOpen).not.toHaveBeenCalled();
    expect(screen.getByRole('toolbar').textContent).toContain('1 selected');
    expect(box('Select all 3 shown').indeterminate).toBe(true);
  });

  it('selects all shown and clears', () => {
    setup();
    fireEvent.click(box('Select all 3 shown'));
    expect(screen.getByRole('toolbar').textContent).toContain('3 selected');
    expect(box('Select Person 2').checked).toBe(true);
    expect(box('Select all 3 shown').checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(screen.queryByRole('toolbar')).toBeNull();
    expect(box('Select Person 0').checked).toBe(false);
  });

  it('drops from the selection rows no longer shown', () => {
    const { view, fake } = setup();
    fireEvent.click(box('Select all 3 shown'));
    view.rerender(
      <SelectableContactTable
        request={fake.request}
        rows={[row(1)]}
        facets={facets}
        sort={{ by: 'name', dir: 'asc' }}
        onSort={() => {}}
        selectedId={null}
        onOpen={() => {}}
      />,
    );
    expect(screen.getByRole('toolbar').textContent).toContain('1 selected');
  });

  it('offers Unarchive only when an archived contact is selected', () => {
    setup();
    fireEvent.click(box('Select Person 0'));
    expect(screen.queryByRole('button', { name: 'Unarchive' })).toBeNull();
    fireEvent.click(box('Select Person 2'));
    expect(screen.getByRole('button', { name: 'Unarchive' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Archive' })).toBeTruthy();
  });
});

describe('bulk actions', () => {
  it('adds a tag to the selection, and undo sends back what the worker answered', async () => {
    const { fake } = setup();
    fireEvent.click(box('Select Person 0'));
    fireEvent.click(box('Select Person 1'));
    fireEvent.click(screen.getByRole('button', { name: 'Add tag…' }));
    fireEvent.input(screen.getByLabelText('Tag to add'), { target: { value: ' offer ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply to 2 contacts' }));
    await settle();
    expect(fake.sent('contacts.bulk')).toEqual([{ ids: [1, 2], action: { kind: 'add-tag', tag: 'offer' } }]);
    expect(screen.getByRole('status').textContent).toContain('Tagged 2 contacts “offer”.');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await settle();
    expect(fake.sent('contacts.bulkRestore')).toEqual([{ undo: tagsUndo }]);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('sets a cadence, refusing one out of range; empty clears the type', async () => {
    const { fake } = setup();
    fireEvent.click(box('Select Person 0'));
    fireEvent.click(screen.getByRole('button', { name: 'Set cadence…' }));
    // Out of range: the form's own validation (min 1) keeps it from being sent.
    fireEvent.input(screen.getByRole('spinbutton'), { target: { value: '0' } });
    fireEvent.submit(screen.getByRole('spinbutton').closest('form')!);
    await settle();
    expect(fake.sent('contacts.bulk')).toEqual([]);
    expect(screen.getByRole('alert').textContent).toContain('whole number of days');
    fireEvent.input(screen.getByRole('spinbutton'), { target: { value: '45' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply to 1 contact' }));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Set type…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply to 1 contact' }));
    await settle();
    expect(fake.sent('contacts.bulk').map((p) => p.action)).toEqual([
      { kind: 'set-cadence', days: 45 },
      { kind: 'set-type', type: null },
    ]);
  });

  it('deletes at once (no dialog), clears the selection, and undo restores through contacts.restore', async () => {
    const { fake } = setup();
    fireEvent.click(box('Select all 3 shown'));
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await settle();
    expect(fake.sent('contacts.bulk')).toEqual([{ ids: [1, 2, 3], action: { kind: 'delete' } }]);
    expect(screen.queryByRole('toolbar')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('Deleted 3 contacts.');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await settle();
    expect(fake.sent('contacts.restore')).toHaveLength(1);
    expect(fake.sent('contacts.restore')[0]!.undo.contacts.map((c) => c.id)).toEqual([1, 2, 3]);
  });

  it('logs an update with what was said and the chosen day', async () => {
    const { fake } = setup();
    fireEvent.click(box('Select Person 1'));
    fireEvent.click(screen.getByRole('button', { name: 'Log an update…' }));
    fireEvent.input(screen.getByLabelText('What you told them'), { target: { value: 'Told them about the Acme offer' } });
    fireEvent.input(screen.getByLabelText('When'), { target: { value: '2025-03-18' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply to 1 contact' }));
    await settle();
    expect(fake.sent('contacts.bulk')).toEqual([
      { ids: [2], action: { kind: 'log-update', summary: 'Told them about the Acme offer', when: new Date(2025, 2, 18, 12).getTime() } },
    ]);
  });

  it('shows the worker’s refusal', async () => {
    const { fake } = setup();
    fake.on('contacts.bulk', () => {
      throw new Error('There is no contact #2.');
    });
    fireEvent.click(box('Select Person 1'));
    fireEvent.click(screen.getByRole('button', { name: 'Archive' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('There is no contact #2.');
    expect(screen.getByRole('toolbar')).toBeTruthy();
  });
});

describe('dates', () => {
  it('reads today as now and other days as local noon', () => {
    expect(dayValue(dayInput(NOW), NOW)).toBe(NOW);
    expect(dayValue('2025-01-02', NOW)).toBe(new Date(2025, 0, 2, 12).getTime());
    expect(dayValue('', NOW)).toBeNull();
  });
});

describe('UpdatesPanel', () => {
  it('lists who was told what, and when; a name opens the contact', async () => {
    const fake = fakeRequest({
      'updates.list': () => [
        {
          externalId: 'update:abcdefgh12',
          summary: 'Told them about the Acme offer',
          when: NOW - DAY,
          contacts: [
            { id: 1, name: 'Ada Lovelace' },
            { id: 2, name: 'Grace Hopper' },
          ],
        },
      ],
    });
    const onOpen = vi.fn();
    render(<UpdatesPanel request={fake.request} onOpen={onOpen} initiallyOpen />);
    await settle();
    expect(document.querySelector('.updates')!.textContent).toContain('Told them about the Acme offer');
    expect(document.querySelector('.updates')!.textContent).toContain('Told 2 contacts');
    fireEvent.click(screen.getByRole('button', { name: 'Grace Hopper' }));
    expect(onOpen).toHaveBeenCalledWith(2);
  });

  it('does not ask until opened', async () => {
    const fake = fakeRequest({ 'updates.list': () => [] });
    render(<UpdatesPanel request={fake.request} onOpen={() => {}} />);
    await settle();
    expect(fake.sent('updates.list')).toEqual([]);
  });
});
