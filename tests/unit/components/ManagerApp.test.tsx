// @vitest-environment happy-dom
import { act, fireEvent, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ContactTable, OVERSCAN, ROW_HEIGHT, visibleRange } from '../../../components/manager/ContactTable';
import { ManagerApp, SEARCH_DEBOUNCE_MS, selectedFromHash } from '../../../components/manager/ManagerApp';
import type { ManagerList, ManagerRow } from '../../../utils/model/manager';
import { DAY, fakeRequest, makeCard, makeContact, NOW, settle } from './helpers';

beforeEach(() => {
  fakeBrowser.reset();
  history.replaceState(null, '', '/manager.html');
});

const row = (i: number, over: Partial<ManagerRow> = {}): ManagerRow => ({
  id: i + 1,
  name: `Person ${String(i).padStart(5, '0')}`,
  company: `Company ${i % 50}`,
  type: 'peer',
  tags: i % 2 ? ['alumni'] : [],
  lastContacted: NOW - i * DAY,
  overdue: false,
  ...over,
});
const rows = (n: number) => Array.from({ length: n }, (_, i) => row(i));
const answer = (list: ManagerRow[], total = list.length): ManagerList => ({
  rows: list,
  total,
  facets: { tags: ['alumni'], types: ['peer'], companies: ['Company 0', 'Company 1'] },
  ms: 3,
});

const renderedRows = () => document.querySelectorAll('.contact-table-body [role="row"]');

describe('ContactTable', () => {
  it('renders only the rows in view (plus overscan) out of 10,000, in a spacer as tall as all of them', () => {
    render(<ContactTable rows={rows(10_000)} sort={{ by: 'name', dir: 'asc' }} onSort={() => {}} selectedId={null} onOpen={() => {}} />);
    const count = renderedRows().length;
    expect(count).toBeGreaterThan(10);
    expect(count).toBeLessThan(60);
    expect((document.querySelector('.contact-table-body') as HTMLElement).style.height).toBe(`${10_000 * ROW_HEIGHT}px`);
    expect(screen.getByRole('table', { name: 'Contacts' }).getAttribute('aria-rowcount')).toBe('10001');
  });

  it('renders the rows further down after a scroll', () => {
    render(<ContactTable rows={rows(10_000)} sort={{ by: 'name', dir: 'asc' }} onSort={() => {}} selectedId={null} onOpen={() => {}} />);
    const table = screen.getByRole('table');
    table.scrollTop = 5_000 * ROW_HEIGHT;
    fireEvent.scroll(table);
    expect(screen.queryByRole('row', { name: 'Person 00000' })).toBeNull();
    expect(screen.getByRole('row', { name: 'Person 05000' })).toBeTruthy();
    expect(renderedRows().length).toBeLessThan(60);
  });

  it('computes the window with overscan, clamped to the list', () => {
    expect(visibleRange(10_000, 0, 360)).toEqual({ first: 0, last: 10 + OVERSCAN });
    expect(visibleRange(10_000, 3600, 360)).toEqual({ first: 100 - OVERSCAN, last: 110 + OVERSCAN });
    expect(visibleRange(5, 0, 360)).toEqual({ first: 0, last: 5 });
    expect(visibleRange(0, 0, 360)).toEqual({ first: 0, last: 0 });
  });

  it('marks the sorted column with aria-sort and sorts on a header click', () => {
    const onSort = vi.fn();
    render(<ContactTable rows={rows(3)} sort={{ by: 'lastContacted', dir: 'desc' }} onSort={onSort} selectedId={null} onOpen={() => {}} />);
    const headers = screen.getAllByRole('columnheader');
    expect(headers.map((h) => h.getAttribute('aria-sort'))).toEqual(['none', 'none', 'none', null, 'descending', 'none']);
    fireEvent.click(screen.getByRole('button', { name: /Company/ }));
    expect(onSort).toHaveBeenCalledWith('company');
  });

  it('opens a row on click and on Enter, and moves between rows with the arrow keys', () => {
    const onOpen = vi.fn();
    render(<ContactTable rows={rows(100)} sort={{ by: 'name', dir: 'asc' }} onSort={() => {}} selectedId={2} onOpen={onOpen} />);
    fireEvent.click(screen.getByRole('row', { name: 'Person 00003' }));
    expect(onOpen).toHaveBeenLastCalledWith(4);
    const second = screen.getByRole('row', { name: 'Person 00001' });
    expect(second.getAttribute('aria-selected')).toBe('true');
    second.focus();
    fireEvent.keyDown(second, { key: 'Enter' });
    expect(onOpen).toHaveBeenLastCalledWith(2);
    fireEvent.keyDown(second, { key: 'ArrowDown' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Person 00002');
  });

  it('shows overdue follow-ups and archived contacts as such', () => {
    render(
      <ContactTable
        rows={[row(0, { nextFollowUp: NOW - DAY, overdue: true }), row(1, { archived: true })]}
        sort={{ by: 'name', dir: 'asc' }}
        onSort={() => {}}
        selectedId={null}
        onOpen={() => {}}
      />,
    );
    expect(screen.getByRole('row', { name: 'Person 00000' }).textContent).toContain('overdue');
    expect(screen.getByRole('row', { name: 'Person 00001' }).textContent).toContain('(archived)');
  });
});

describe('ManagerApp', () => {
  function setup(list: ManagerList = answer(rows(10_000))) {
    const fake = fakeRequest({
      'manager.list': () => list,
      'contact.card': ({ id }) => makeCard({ contact: makeContact({ id, name: `Card of ${id}` }) }),
    });
    render(<ManagerApp request={fake.request} />);
    return fake;
  }

  it('asks for the list sorted by name and shows the count', async () => {
    const fake = setup();
    await settle();
    expect(fake.sent('manager.list')).toEqual([{ filters: {}, sort: { by: 'name', dir: 'asc' } }]);
    expect(screen.getByRole('status').textContent).toContain('10,000 contacts');
    expect(renderedRows().length).toBeLessThan(60);
  });

  it('sends the right sort on header clicks: toggles the direction, dates newest first', async () => {
    const fake = setup();
    await settle();
    fireEvent.click(screen.getByRole('button', { name: /^Name/ }));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: /Last contacted/ }));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: /Next follow-up/ }));
    await settle();
    expect(fake.sent('manager.list').map((p) => p.sort)).toEqual([
      { by: 'name', dir: 'asc' },
      { by: 'name', dir: 'desc' },
      { by: 'lastContacted', dir: 'desc' },
      { by: 'nextFollowUp', dir: 'asc' },
    ]);
  });

  it('debounces the search box, then sends the query', async () => {
    vi.useFakeTimers();
    const fake = setup();
    await settle();
    const box = screen.getByRole('searchbox', { name: 'Search contacts' });
    fireEvent.input(box, { target: { value: 'cof' } });
    fireEvent.input(box, { target: { value: 'coffee' } });
    await act(async () => {
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 10);
    });
    expect(fake.sent('manager.list')).toHaveLength(1);
    await act(async () => {
      vi.advanceTimersByTime(20);
    });
    await settle();
    expect(fake.sent('manager.list').map((p) => p.query)).toEqual([undefined, 'coffee']);
  });

  it('lists a search by relevance until a column is picked, and back to that column after the search', async () => {
    vi.useFakeTimers();
    const fake = setup(answer(rows(3)));
    await settle();
    const box = screen.getByRole('searchbox', { name: 'Search contacts' });
    const type = async (value: string) => {
      fireEvent.input(box, { target: { value } });
      await act(async () => {
        vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS + 10);
      });
      await settle();
    };
    await type('coffee');
    expect(screen.getByRole('status').textContent).toContain('best matches first');
    // No column claims the order.
    expect(screen.getAllByRole('columnheader').map((h) => h.getAttribute('aria-sort'))).not.toContain('ascending');
    fireEvent.click(screen.getByRole('button', { name: /Last contacted/ }));
    await settle();
    await type('coffee chat');
    await type('');
    await type('tea');
    expect(fake.sent('manager.list').map((p) => [p.query, p.sort.by])).toEqual([
      [undefined, 'name'],
      ['coffee', 'relevance'],
      ['coffee', 'lastContacted'],
      ['coffee chat', 'lastContacted'],
      [undefined, 'lastContacted'],
      ['tea', 'relevance'],
    ]);
  });

  it('says on a row where the search found it, when the row does not show it', async () => {
    setup(answer([row(0, { name: 'Aaron Early', matched: ['notes', 'interactions'] }), row(1, { name: 'Alan Turing' })]));
    await settle();
    expect(screen.getByRole('row', { name: 'Aaron Early' }).textContent).toContain('in notes and conversations');
    expect(screen.getByRole('row', { name: 'Alan Turing' }).textContent).not.toContain(' in ');
  });

  it('sends the filters', async () => {
    const fake = setup();
    await settle();
    fireEvent.change(screen.getByRole('combobox', { name: 'Tag' }), { target: { value: 'alumni' } });
    await settle();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Overdue' }));
    await settle();
    fireEvent.change(screen.getByRole('combobox', { name: 'Not in touch for' }), { target: { value: '6' } });
    await settle();
    expect(fake.sent('manager.list').at(-1)!.filters).toEqual({ tag: 'alumni', overdue: true, notInTouchMonths: 6 });
  });

  it('opens a row as the full card beside the list, keeps it in the hash, and goes back', async () => {
    const fake = setup(answer(rows(20)));
    await settle();
    fireEvent.click(screen.getByRole('row', { name: 'Person 00004' }));
    await settle();
    expect(location.hash).toBe('#contact=5');
    expect(fake.sent('contact.card')).toEqual([{ id: 5 }]);
    expect(screen.getByRole('complementary', { name: 'Contact' }).textContent).toContain('Card of 5');
    fireEvent.click(screen.getByRole('button', { name: /Back to the list/ }));
    await settle();
    expect(location.hash).toBe('');
    expect(screen.queryByRole('complementary', { name: 'Contact' })).toBeNull();
  });

  it('opens the contact the hash names at start', async () => {
    history.replaceState(null, '', '/manager.html#contact=7');
    const fake = setup(answer(rows(20)));
    await settle();
    expect(fake.sent('contact.card')).toEqual([{ id: 7 }]);
    expect(selectedFromHash('#contact=abc')).toBeNull();
    expect(selectedFromHash('')).toBeNull();
  });

  it('shows a friendly empty state when there are no contacts', async () => {
    setup(answer([], 0));
    await settle();
    expect(screen.getByRole('heading', { name: 'No contacts yet' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'LinkedIn' }).getAttribute('href')).toBe('https://www.linkedin.com/');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says when nothing matches', async () => {
    setup(answer([], 50));
    await settle();
    expect(screen.getByText(/No contact matches/)).toBeTruthy();
  });

  it('reloads on contacts-changed broadcasts', async () => {
    const fake = setup(answer(rows(5)));
    await settle();
    await act(async () => {
      await fakeBrowser.runtime.sendMessage({ rapport: 1, event: 'contacts-changed', ids: [1] });
    });
    await settle();
    expect(fake.sent('manager.list')).toHaveLength(2);
  });
});

describe('manager sections', () => {
  it('reads the section from the hash, defaulting to the list', async () => {
    const { viewFromHash } = await import('../../../components/manager/manager-nav');
    expect(viewFromHash('')).toBe('contacts');
    expect(viewFromHash('#contact=12')).toBe('contacts');
    expect(viewFromHash('#view=duplicates')).toBe('duplicates');
    expect(viewFromHash('#view=settings&x=1')).toBe('settings');
    expect(viewFromHash('#view=nope')).toBe('contacts');
  });
});

describe('the open card at full width', () => {
  it('reads full width from the hash only with a contact', async () => {
    const { fullFromHash } = await import('../../../components/manager/ManagerApp');
    expect(fullFromHash('#contact=12&full=1')).toBe(true);
    expect(fullFromHash('#contact=12')).toBe(false);
    expect(fullFromHash('#full=1')).toBe(false);
  });

  it('switches between beside the list and full width, keeping it in the hash', async () => {
    history.replaceState(null, '', '/manager.html#contact=3');
    const fake = fakeRequest({
      'manager.list': () => answer(rows(5)),
      'contact.card': ({ id }) => makeCard({ contact: makeContact({ id, name: `Card of ${id}` }) }),
    });
    const { container } = render(<ManagerApp request={fake.request} />);
    await settle();
    expect(container.querySelector('.manager')!.className).not.toContain('full-detail');
    fireEvent.click(screen.getByRole('button', { name: 'Full width' }));
    await settle();
    expect(location.hash).toBe('#contact=3&full=1');
    expect(container.querySelector('.manager')!.className).toContain('full-detail');
    expect(screen.getByRole('button', { name: 'Show beside the list' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Show beside the list' }));
    await settle();
    expect(location.hash).toBe('#contact=3');
    fireEvent.click(screen.getByRole('button', { name: 'Full width' }));
    await settle();
    // Typing a search brings the list back beside the card.
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search contacts' }), { target: { value: 'ada' } });
    await settle();
    expect(location.hash).toBe('#contact=3');
    fireEvent.click(screen.getByRole('button', { name: 'Full width' }));
    await settle();
    // Back to the list leaves full width too.
    fireEvent.click(screen.getByRole('button', { name: '← Back to the list' }));
    await settle();
    expect(location.hash).toBe('');
    expect(container.querySelector('.manager')!.className).not.toContain('with-detail');
  });
});
