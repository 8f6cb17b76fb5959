// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SelectableContactTable } from '../../../components/manager/BulkBar';
import { compareFromHash, DuplicatesView, PAGE } from '../../../components/manager/DuplicatesView';
import { fieldText, reasonText } from '../../../components/manager/merge-labels';
import type { Contact } from '../../../utils/model/contact';
import type { DuplicateList, DuplicateSuggestion, MergeUndo } from '../../../utils/model/duplicates';
import { DAY, expectNoInjectedElements, fakeRequest, HOSTILE, makeContact, NOW, settle } from './helpers';

beforeEach(() => {
  fakeBrowser.reset();
  history.replaceState(null, '', '/manager.html#view=duplicates');
});

const ada = makeContact({
  id: 1,
  name: 'Ada Lovelace',
  company: 'Analytical Engines',
  emails: ['ada@engines.example'],
  tags: ['Engines'],
  notes: 'Met at the Society.',
  createdAt: NOW - 300 * DAY,
  updatedAt: NOW - 10 * DAY,
});
const king = makeContact({
  id: 2,
  name: 'Ada King',
  company: 'Analytical Engines',
  title: 'Countess',
  emails: ['ada@engines.example', 'king@example.org'],
  tags: ['poetry'],
  notes: 'Likes poetry.',
  introducedBy: 9,
  createdAt: NOW - 20 * DAY,
  updatedAt: NOW - DAY,
});
const side = (c: Contact, archived = false) => ({ id: c.id, name: c.name, company: c.company, archived, updatedAt: c.updatedAt });
const suggestion = (a: Contact, b: Contact, over: Partial<DuplicateSuggestion> = {}): DuplicateSuggestion => ({
  key: `${a.id}:${b.id}`,
  contacts: [side(a), side(b, true)],
  reasons: [{ kind: 'email', email: 'ada@engines.example' }],
  ...over,
});
const list = (suggestions: DuplicateSuggestion[], over: Partial<DuplicateList> = {}): DuplicateList => ({
  suggestions,
  total: 1234,
  dismissed: 0,
  ...over,
});

function setup(initial: DuplicateList = list([suggestion(ada, king)])) {
  let current = initial;
  const undo: MergeUndo = {
    kind: 'merge',
    at: NOW,
    survivorUpdatedAt: NOW,
    keep: ada,
    merge: king,
    movedInteractions: [],
    removedInteractions: [],
    movedReminders: [],
    introduced: [],
  };
  const fake = fakeRequest({
    'duplicates.list': () => current,
    'duplicates.dismiss': ({ dismissed }) => ({ dismissed: dismissed === false ? 0 : 1 }),
    'duplicates.compare': () => ({
      contacts: [ada, king],
      counts: [
        { interactions: 1, reminders: 0, introduced: 0 },
        { interactions: 12, reminders: 2, introduced: 1 },
      ],
    }),
    'contact.get': ({ id }) => makeContact({ id, name: 'Mary Somerville' }),
    'contacts.merge': ({ keepId }) => ({ contact: { ...ada, id: keepId, title: 'Countess' }, undo }),
    'contacts.unmerge': () => ({ restored: [1, 2] }),
  });
  const onOpen = vi.fn();
  render(<DuplicatesView request={fake.request} onOpen={onOpen} />);
  return { fake, onOpen, setList: (next: DuplicateList) => (current = next) };
}

describe('the list', () => {
  it('shows each suggestion with its reasons, archived contacts marked', async () => {
    setup(list([suggestion(ada, king, { reasons: [{ kind: 'linkedin', slug: 'ada' }, { kind: 'name', likeness: 'order', company: 'Acme' }] })]));
    await settle();
    expect(screen.getByRole('status').textContent).toBe(
      'One possible duplicate among 1,234 contacts. Compare them to merge, or say they are different people.',
    );
    const reasons = screen.getByRole('list', { name: 'Why' });
    expect(within(reasons).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Same LinkedIn profile: linkedin.com/in/ada',
      'Same name, written the other way round at Acme',
    ]);
    expect(screen.getByText('Archived')).toBeTruthy();
  });

  it('says so when there are none, with the number of contacts and of dismissed pairs', async () => {
    setup(list([], { dismissed: 3 }));
    await settle();
    expect(screen.getByRole('status').textContent).toBe('No duplicates found among 1,234 contacts.');
    expect(screen.getByText('3 pairs you marked as different people are not shown.')).toBeTruthy();
  });

  it('shows a page at a time', async () => {
    const many = Array.from({ length: PAGE + 5 }, (_, i) =>
      suggestion(makeContact({ id: 2 * i + 1, name: `P${i}` }), makeContact({ id: 2 * i + 2, name: `Q${i}` })),
    );
    setup(list(many));
    await settle();
    expect(screen.getAllByRole('button', { name: /^Compare / })).toHaveLength(PAGE);
    fireEvent.click(screen.getByRole('button', { name: 'Show 5 more' }));
    expect(screen.getAllByRole('button', { name: /^Compare / })).toHaveLength(PAGE + 5);
  });

  it('dismisses a pair, remembered by the worker, with an undo', async () => {
    const { fake, setList } = setup();
    await settle();
    setList(list([], { dismissed: 1 }));
    fireEvent.click(screen.getByRole('button', { name: 'Ada Lovelace and Ada King are not the same person' }));
    await settle();
    await settle();
    expect(fake.sent('duplicates.dismiss')).toEqual([{ ids: [1, 2], dismissed: true }]);
    expect(screen.getByText('Ada Lovelace and Ada King won’t be suggested again.')).toBeTruthy();
    expect(screen.getByText('No duplicates found among 1,234 contacts.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await settle();
    expect(fake.sent('duplicates.dismiss')[1]).toEqual({ ids: [1, 2], dismissed: false });
  });

  it('renders hostile names as text', async () => {
    setup(list([suggestion(makeContact({ id: 1, name: HOSTILE.img }), makeContact({ id: 2, name: HOSTILE.script }))]));
    await settle();
    expect(screen.getByText(HOSTILE.img)).toBeTruthy();
    expectNoInjectedElements();
  });

  it('says what went wrong when the list cannot load', async () => {
    const fake = fakeRequest({ 'duplicates.list': () => Promise.reject(new Error('worker gone')) });
    render(<DuplicatesView request={fake.request} onOpen={() => {}} />);
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Rapport couldn’t look for duplicates: worker gone');
  });
});

describe('compare and merge', () => {
  async function openCompare() {
    const setupResult = setup();
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Compare Ada Lovelace and Ada King' }));
    await settle();
    return setupResult;
  }

  it('puts the two side by side with defaults picked, and sums up what is combined', async () => {
    await openCompare();
    expect(screen.getByRole('heading', { name: 'Merge Ada Lovelace and Ada King' })).toBeTruthy();
    // The older record survives by default.
    expect((screen.getByRole('radio', { name: /Ada Lovelace added/ }) as HTMLInputElement).checked).toBe(true);
    const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1).map((r) => r.querySelector('th')!.firstChild!.textContent);
    expect(rows).toEqual(['Name', 'Title', 'E-mail', 'Introduced by']);
    // Both have a name: the more recently updated one's.
    expect(radio('Name from Ada King: Ada King').checked).toBe(true);
    expect(radio('Title from Ada King: Countess').checked).toBe(true);
    expect(radio('E-mail from both (keep every one)').checked).toBe(true);
    // Both e-mail cells show as kept.
    const emailRow = within(table).getAllByRole('row')[3]!;
    expect(emailRow.querySelectorAll('td.picked')).toHaveLength(2);
    expect(radio('Introduced by from Ada King: Mary Somerville').checked).toBe(true);
    expect(screen.getByText('12 interactions, 2 reminders, 1 tag and 1 introduction will be combined.')).toBeTruthy();
    expect(screen.getByText(/Tags: Engines, poetry/)).toBeTruthy();
  });

  it('merges with the user’s picks, then offers undo and to open the survivor', async () => {
    const { fake, onOpen } = await openCompare();
    fireEvent.click(screen.getByRole('radio', { name: 'Name from Ada Lovelace: Ada Lovelace' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Title from Ada Lovelace: (none)' }));
    fireEvent.click(screen.getByRole('radio', { name: 'E-mail from Ada King: ada@engines.example, king@example.org' }));
    fireEvent.click(screen.getByRole('button', { name: 'Merge into Ada Lovelace' }));
    await settle();
    expect(fake.sent('contacts.merge')).toEqual([{ keepId: 1, mergeId: 2, picks: { name: 'keep', title: 'keep', emails: 'merge', introducedBy: 'merge' } }]);
    expect(screen.getByText('Merged Ada King into Ada Lovelace.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open Ada Lovelace' }));
    expect(onOpen).toHaveBeenCalledWith(1);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await settle();
    expect(fake.sent('contacts.unmerge')).toHaveLength(1);
  });

  it('keeps the choices by contact when the other record is chosen to survive', async () => {
    const { fake } = await openCompare();
    fireEvent.click(screen.getByRole('radio', { name: /Ada King added/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Merge into Ada King' }));
    await settle();
    expect(fake.sent('contacts.merge')).toEqual([{ keepId: 2, mergeId: 1, picks: { name: 'keep', title: 'keep', emails: 'both', introducedBy: 'keep' } }]);
  });

  it('shows a refusal and stays open; Cancel goes back', async () => {
    const { fake } = await openCompare();
    fake.on('contacts.merge', () => Promise.reject(new Error('Together they have 120 tags; a contact holds 100. Remove some first.')));
    fireEvent.click(screen.getByRole('button', { name: 'Merge into Ada Lovelace' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('120 tags');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await settle();
    expect(screen.getByRole('button', { name: 'Compare Ada Lovelace and Ada King' })).toBeTruthy();
  });
});

describe('labels', () => {
  it('say why and show values', () => {
    expect(reasonText({ kind: 'email', email: 'a@b.example' })).toBe('Same e-mail: a@b.example');
    expect(reasonText({ kind: 'name', likeness: 'typo' })).toBe('Names a letter apart, no company to tell them apart');
    expect(fieldText(king, 'emails')).toBe('ada@engines.example, king@example.org');
    expect(fieldText(ada, 'archived')).toBe('Active');
    expect(fieldText(makeContact({ cadenceDays: 1 }), 'cadenceDays')).toBe('Every 1 day');
    expect(fieldText(makeContact({ type: 'friend-family' }), 'type')).toBe('Friend / family');
    expect(fieldText(king, 'introducedBy')).toBe('Contact #9');
    expect(fieldText(ada, 'headline')).toBeNull();
  });
});

describe('any two contacts', () => {
  it('reads the pair a link asks to compare', () => {
    expect(compareFromHash('#view=duplicates&compare=3,17')).toEqual([3, 17]);
    for (const bad of ['#view=duplicates', '#compare=3', '#compare=3,3', '#compare=0,2', '#compare=1,2,3', '#compare=a,b', '#compare=1,99999999999999999']) {
      expect(compareFromHash(bad), bad).toBeNull();
    }
  });

  it('opens the comparison a link names, and forgets it on the way back', async () => {
    history.replaceState(null, '', '/manager.html#view=duplicates&compare=1,2');
    setup();
    await settle();
    expect(screen.getByRole('heading', { name: 'Merge Ada Lovelace and Ada King' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '← Back to the suggestions' }));
    await settle();
    expect(location.hash).toBe('#view=duplicates');
    expect(screen.getByRole('button', { name: 'Compare Ada Lovelace and Ada King' })).toBeTruthy();
  });

  it('offers Merge… in the list when exactly two are selected', () => {
    const fake = fakeRequest();
    const rows = [1, 2, 3].map((id) => ({ id, name: `Person ${id}`, tags: [], overdue: false }));
    render(
      <SelectableContactTable request={fake.request} rows={rows} facets={null} sort={{ by: 'name', dir: 'asc' }} onSort={() => {}} selectedId={null} onOpen={() => {}} />,
    );
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Person 1' }));
    expect(screen.queryByRole('button', { name: 'Merge…' })).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Person 3' }));
    fireEvent.click(screen.getByRole('button', { name: 'Merge…' }));
    expect(location.hash).toBe('#view=duplicates&compare=1,3');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Person 2' }));
    expect(screen.queryByRole('button', { name: 'Merge…' })).toBeNull();
  });
});
