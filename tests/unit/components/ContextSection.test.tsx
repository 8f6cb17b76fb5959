// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ContextSection } from '../../../components/card/ContextSection';
import type { CardData } from '../../../utils/messages/contract';
import { RapportError } from '../../../utils/messages/client';
import { Settings } from '../../../utils/model/settings';
import { expectNoInjectedElements, fakeRequest, HOSTILE, makeCard, makeContact, makeSummary, settle } from './helpers';

const grace = makeSummary({ id: 2, name: 'Grace Hopper', company: 'US Navy' });

function setup(card: CardData = makeCard()) {
  const fake = fakeRequest();
  render(<ContextSection card={card} request={fake.request} />);
  return { fake };
}

const typeSelect = () => screen.getByRole('combobox', { name: 'Contact type' }) as HTMLSelectElement;
const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
async function edit(label: string, value: string) {
  const input = field(label);
  input.focus();
  fireEvent.input(input, { target: { value } });
  input.blur();
  await settle();
}
const updates = (fake: ReturnType<typeof fakeRequest>) => fake.sent('contact.update');
/**
 * Chrome's runtime messaging serialises as JSON, which drops keys whose value is undefined: a
 * clear must be sent as null so it survives the trip to the worker.
 */
const expectSurvivesJson = (sent: unknown) => expect(JSON.parse(JSON.stringify(sent))).toStrictEqual(sent);

describe('ContextSection', () => {
  it('offers the contact types with readable labels', () => {
    setup(makeCard({ contact: makeContact({ type: 'alumni' }), contactTypes: ['friend-family', 'alumni', 'bootcamp friend'] }));
    expect([...typeSelect().options].map((o) => [o.value, o.textContent])).toEqual([
      ['', 'Not set'],
      ['friend-family', 'Friend / family'],
      ['alumni', 'Alumni'],
      ['bootcamp friend', 'bootcamp friend'],
    ]);
    expect(typeSelect().value).toBe('alumni');
  });

  it('sets the contact type, and unsets it ("Not set") with type null', async () => {
    const { fake } = setup(makeCard({ contact: makeContact({ id: 4 }) }));
    fireEvent.change(typeSelect(), { target: { value: 'mentor' } });
    await settle();
    fireEvent.change(typeSelect(), { target: { value: '' } });
    await settle();
    expect(fake.calls).toStrictEqual([
      { type: 'contact.update', payload: { id: 4, patch: { type: 'mentor' } } },
      { type: 'contact.update', payload: { id: 4, patch: { type: null } } },
    ]);
    expectSurvivesJson(fake.calls);
  });

  it('adds the user’s own type to the settings and sets it', async () => {
    const { fake } = setup(makeCard({ contact: makeContact({ id: 4 }) }));
    fake.on('settings.get', () => Settings.parse({ customContactTypes: ['hackathon'] }));
    const input = screen.getByRole('textbox', { name: 'Your own contact type' }) as HTMLInputElement;
    input.value = '  Bootcamp friend ';
    fireEvent.submit(screen.getByRole('form', { name: 'Add your own contact type' }));
    await settle();
    expect(fake.calls).toStrictEqual([
      { type: 'settings.get', payload: {} },
      { type: 'settings.update', payload: { patch: { customContactTypes: ['hackathon', 'Bootcamp friend'] } } },
      { type: 'contact.update', payload: { id: 4, patch: { type: 'Bootcamp friend' } } },
    ]);
    expect(input.value).toBe('');
  });

  it('does not add a type the settings already have, and ignores a blank one', async () => {
    const { fake } = setup(makeCard({ contact: makeContact({ id: 4 }) }));
    fake.on('settings.get', () => Settings.parse({ customContactTypes: ['hackathon'] }));
    const input = screen.getByRole('textbox', { name: 'Your own contact type' }) as HTMLInputElement;
    const form = screen.getByRole('form', { name: 'Add your own contact type' });
    input.value = '   ';
    fireEvent.submit(form);
    await settle();
    expect(fake.calls).toEqual([]);
    input.value = 'hackathon';
    fireEvent.submit(form);
    await settle();
    expect(fake.types()).toEqual(['settings.get', 'contact.update']);
    expect(updates(fake)).toEqual([{ id: 4, patch: { type: 'hackathon' } }]);
  });

  it('adds a tag, reusing the spelling in use', async () => {
    const { fake } = setup(makeCard({ contact: makeContact({ id: 4, tags: ['London'] }), allTags: ['London', 'Data Science'] }));
    const input = screen.getByRole('combobox', { name: 'Add a tag' });
    fireEvent.input(input, { target: { value: 'data science' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Remove the tag London' }));
    await settle();
    expect(updates(fake)).toEqual([
      { id: 4, patch: { tags: ['London', 'Data Science'] } },
      { id: 4, patch: { tags: [] } },
    ]);
  });

  it('edits how you met, keeping the other parts', async () => {
    const met = { place: 'Stockholm', date: new Date(2024, 5, 1, 9).getTime() };
    const { fake } = setup(makeCard({ contact: makeContact({ id: 4, howWeMet: met }) }));
    expect(field('Place').value).toBe('Stockholm');
    expect(field('Date met').value).toBe('2024-06-01');
    expect(field('Event').value).toBe('');
    await edit('Event', 'PyCon');
    await edit('Date met', '2024-06-02');
    expect(updates(fake)).toStrictEqual([
      { id: 4, patch: { howWeMet: { place: 'Stockholm', date: met.date, event: 'PyCon' } } },
      { id: 4, patch: { howWeMet: { place: 'Stockholm', date: new Date(2024, 5, 2, 9).getTime() } } },
    ]);
  });

  it('drops a cleared part of how you met', async () => {
    const { fake } = setup(makeCard({ contact: makeContact({ id: 4, howWeMet: { event: 'PyCon', place: 'Stockholm' } }) }));
    await edit('Place', '');
    expect(updates(fake)).toStrictEqual([{ id: 4, patch: { howWeMet: { event: 'PyCon' } } }]);
  });

  it('clears how you met altogether, with howWeMet null, when nothing is left', async () => {
    const { fake } = setup(makeCard({ contact: makeContact({ id: 4, howWeMet: { event: 'PyCon' } }) }));
    await edit('Event', '');
    expect(updates(fake)).toStrictEqual([{ id: 4, patch: { howWeMet: null } }]);
    expectSurvivesJson(fake.calls);
  });

  it('picks and removes the introducer', async () => {
    vi.useFakeTimers();
    const { fake } = setup(makeCard({ contact: makeContact({ id: 4 }), introducer: null }));
    fake.on('contacts.search', () => [makeSummary({ id: 4, name: 'Ada Lovelace' }), grace]);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Introduced by' }), { target: { value: 'gr' } });
    vi.advanceTimersByTime(120);
    await settle();
    const matches = screen.getByRole('list', { name: 'Matching contacts for Introduced by' });
    expect(within(matches).getAllByRole('button')).toHaveLength(1);
    fireEvent.click(within(matches).getByRole('button', { name: /Grace Hopper/ }));
    await settle();
    expect(fake.calls).toStrictEqual([
      { type: 'contacts.search', payload: { query: 'gr', limit: 8 } },
      { type: 'contact.update', payload: { id: 4, patch: { introducedBy: 2 } } },
    ]);
  });

  it('removes the introducer with introducedBy null', async () => {
    const { fake } = setup(makeCard({ contact: makeContact({ id: 4, introducedBy: 2 }), introducer: grace }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove Grace Hopper as introducer' }));
    await settle();
    expect(fake.calls).toStrictEqual([{ type: 'contact.update', payload: { id: 4, patch: { introducedBy: null } } }]);
    expectSurvivesJson(fake.calls);
  });

  it('lists the people this contact introduced you to', () => {
    setup(makeCard({ introduced: [grace, makeSummary({ id: 3, name: 'Mary Somerville' })] }));
    const list = screen.getByRole('list', { name: 'People Ada Lovelace introduced you to' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Grace Hopper', 'Mary Somerville']);
  });

  it('leaves out the introduced list when there is nobody', () => {
    setup();
    expect(screen.queryByText('Introduced you to')).toBeNull();
  });

  it('saves interests, and clears them with null', async () => {
    const { fake } = setup(makeCard({ contact: makeContact({ id: 4, interests: 'Poetry' }) }));
    expect(field('Interests').tagName).toBe('TEXTAREA');
    await edit('Interests', 'Poetry\nEngines');
    await edit('Interests', '');
    expect(updates(fake)).toStrictEqual([
      { id: 4, patch: { interests: 'Poetry\nEngines' } },
      { id: 4, patch: { interests: null } },
    ]);
    expectSurvivesJson(fake.calls);
  });

  it('says when a change is not saved', async () => {
    const { fake } = setup(makeCard({ contact: makeContact({ id: 4 }) }));
    fake.on('contact.update', () => {
      throw new RapportError('not-found', 'There is no contact #4.');
    });
    fireEvent.change(typeSelect(), { target: { value: 'peer' } });
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Not saved: There is no contact #4.');
  });

  it('renders hostile text as text', () => {
    setup(
      makeCard({
        contact: makeContact({ name: HOSTILE.img, interests: HOSTILE.script, howWeMet: { event: HOSTILE.rtl } }),
        contactTypes: [HOSTILE.img.slice(0, 40)],
        introduced: [makeSummary({ id: 3, name: HOSTILE.script }), makeSummary({ id: 5, name: HOSTILE.emoji })],
        introducer: makeSummary({ id: 6, name: HOSTILE.img }),
      }),
    );
    expectNoInjectedElements();
    const list = screen.getByRole('list', { name: `People ${HOSTILE.img} introduced you to` });
    expect(list.textContent).toBe(`${HOSTILE.script}${HOSTILE.emoji}`);
    expect(field('Interests').value).toBe(HOSTILE.script);
    expect(field('Event').value).toBe(HOSTILE.rtl);
    expect([...typeSelect().options].map((o) => o.textContent)).toEqual(['Not set', HOSTILE.img]);
  });
});
