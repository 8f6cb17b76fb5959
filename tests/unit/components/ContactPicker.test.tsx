// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ContactPicker } from '../../../components/card/ContactPicker';
import type { ContactSummary } from '../../../utils/model/contact';
import { deferred, expectNoInjectedElements, fakeRequest, HOSTILE, makeSummary, settle } from './helpers';

const self = makeSummary({ id: 1, name: 'Ada Lovelace' });
const grace = makeSummary({ id: 2, name: 'Grace Hopper', title: 'Rear admiral', company: 'US Navy' });
const gray = makeSummary({ id: 3, name: 'Elizabeth Gray' });

function setup(current: ContactSummary | null = null, found: ContactSummary[] = [self, grace, gray]) {
  const fake = fakeRequest({ 'contacts.search': () => found });
  const picks: (ContactSummary | null)[] = [];
  const onPick = vi.fn(async (c: ContactSummary | null) => {
    picks.push(c);
  });
  render(<ContactPicker label="Introduced by" current={current} excludeId={1} request={fake.request} onPick={onPick} />);
  return { fake, picks, onPick };
}

const search = () => screen.getByRole('searchbox', { name: 'Introduced by' }) as HTMLInputElement;
const type = (value: string) => fireEvent.input(search(), { target: { value } });
const suggestions = () => screen.queryByRole('list', { name: 'Matching contacts for Introduced by' });
async function afterDebounce() {
  vi.advanceTimersByTime(120);
  await settle();
}

describe('ContactPicker', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  it('searches once the typing pauses', async () => {
    const { fake } = setup();
    type('g');
    vi.advanceTimersByTime(100);
    type('gr');
    vi.advanceTimersByTime(119);
    await settle();
    expect(fake.calls).toEqual([]);
    await afterDebounce();
    expect(fake.calls).toEqual([{ type: 'contacts.search', payload: { query: 'gr', limit: 8 } }]);
  });

  it('lists the matches without the contact itself', async () => {
    setup();
    type('a');
    await afterDebounce();
    const buttons = within(suggestions()!).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Grace Hopper · Rear admiral, US Navy', 'Elizabeth Gray']);
    expect(screen.queryByText('Ada Lovelace')).toBeNull();
  });

  it('picks a match and clears the search', async () => {
    const { picks } = setup();
    type('gra');
    await afterDebounce();
    fireEvent.click(within(suggestions()!).getByRole('button', { name: /Grace Hopper/ }));
    await settle();
    expect(picks).toEqual([grace]);
    expect(search().value).toBe('');
    expect(suggestions()).toBeNull();
  });

  it('shows the current introducer with a Remove button', async () => {
    const { picks, fake } = setup(grace);
    expect(screen.getByText('Grace Hopper').tagName).toBe('STRONG');
    expect(search().placeholder).toBe('Change…');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Grace Hopper as introducer' }));
    await settle();
    expect(picks).toEqual([null]);
    expect(fake.calls).toEqual([]);
  });

  it('invites a search when nobody is set', () => {
    setup();
    expect(search().placeholder).toBe('Search your contacts');
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
  });

  it('says when nothing matches, and when the search fails', async () => {
    const { fake } = setup(null, [self]);
    type('  Ada ');
    await afterDebounce();
    expect(screen.getByText('No contact matches “Ada”.')).toBeTruthy();
    fake.on('contacts.search', () => {
      throw new Error('offline');
    });
    type('Grace');
    await afterDebounce();
    expect(suggestions()).toBeNull();
    expect(screen.getByText('No contact matches “Grace”.')).toBeTruthy();
  });

  it('does not search for blank input, and clears the matches', async () => {
    const { fake } = setup();
    type('gr');
    await afterDebounce();
    expect(suggestions()).not.toBeNull();
    type('   ');
    await afterDebounce();
    expect(suggestions()).toBeNull();
    expect(fake.calls).toHaveLength(1);
  });

  it('drops the answer to an outdated query', async () => {
    const { fake } = setup();
    const slow = deferred<ContactSummary[]>();
    fake.on('contacts.search', ({ query }) => (query === 'e' ? slow.promise : [grace]));
    type('e');
    await afterDebounce();
    type('gr');
    await afterDebounce();
    slow.resolve([gray]);
    await settle();
    expect(within(suggestions()!).getAllByRole('button').map((b) => b.textContent)).toEqual(['Grace Hopper · Rear admiral, US Navy']);
  });

  it('renders hostile names as text', async () => {
    setup(makeSummary({ id: 9, name: HOSTILE.script }), [
      makeSummary({ id: 5, name: HOSTILE.img, company: HOSTILE.rtl }),
      makeSummary({ id: 6, name: HOSTILE.emoji }),
    ]);
    type('<img');
    await afterDebounce();
    expectNoInjectedElements();
    expect(within(suggestions()!).getAllByRole('button').map((b) => b.textContent)).toEqual([
      `${HOSTILE.img} · ${HOSTILE.rtl}`,
      HOSTILE.emoji,
    ]);
    expect(screen.getByText(HOSTILE.script)).toBeTruthy();
  });
});
