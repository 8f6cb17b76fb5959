// @vitest-environment happy-dom
import { act, fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NotesEditor } from '../../../components/sidebar/NotesEditor';
import { RapportError } from '../../../utils/messages/client';
import type { Contact } from '../../../utils/model/contact';
import { deferred, expectNoInjectedElements, fakeRequest, HOSTILE, LONG, makeContact, settle } from './helpers';

function setup(contact: Contact = makeContact({ id: 3, notes: 'Met at PyCon.' })) {
  const fake = fakeRequest();
  const view = render(<NotesEditor contact={contact} request={fake.request} />);
  return {
    fake,
    ...view,
    rerenderWith: (next: Contact) => view.rerender(<NotesEditor contact={next} request={fake.request} />),
  };
}

const notes = () => screen.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement;
const status = () => screen.getByRole('status');
const type = (value: string) => fireEvent.input(notes(), { target: { value } });
async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
  await settle();
}

describe('NotesEditor', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  it('shows the notes, saved', () => {
    setup();
    expect(notes().value).toBe('Met at PyCon.');
    expect(status().textContent).toBe('Saved');
    expect(status().getAttribute('data-state')).toBe('saved');
  });

  it('autosaves a pause after typing, with the status along the way', async () => {
    const { fake } = setup();
    const answer = deferred<Contact>();
    fake.on('contact.setNotes', () => answer.promise);
    type('Met at PyCon. Likes compilers.');
    await settle();
    expect(status().textContent).toBe('Editing…');
    await advance(399);
    expect(fake.calls).toEqual([]);
    await advance(1);
    expect(fake.calls).toEqual([{ type: 'contact.setNotes', payload: { id: 3, notes: 'Met at PyCon. Likes compilers.' } }]);
    expect(status().textContent).toBe('Saving…');
    answer.resolve(makeContact({ id: 3, notes: 'Met at PyCon. Likes compilers.' }));
    await settle();
    expect(status().textContent).toBe('Saved');
  });

  it('saves the latest text once, however fast the typing', async () => {
    const { fake } = setup();
    type('M');
    await advance(200);
    type('Mo');
    await advance(200);
    type('More');
    await advance(400);
    expect(fake.sent('contact.setNotes')).toEqual([{ id: 3, notes: 'More' }]);
  });

  it('saves at once on blur', async () => {
    const { fake } = setup();
    type('Quick note');
    fireEvent.blur(notes());
    await settle();
    expect(fake.sent('contact.setNotes')).toEqual([{ id: 3, notes: 'Quick note' }]);
    expect(status().textContent).toBe('Saved');
  });

  it('saves at once when the page is hidden', async () => {
    const { fake } = setup();
    type('Before the tab closes');
    await act(async () => {
      dispatchEvent(new Event('pagehide'));
    });
    await settle();
    expect(fake.sent('contact.setNotes')).toEqual([{ id: 3, notes: 'Before the tab closes' }]);
  });

  it('saves what is pending when it goes away', async () => {
    const { fake, unmount } = setup();
    type('Typed just before switching profiles');
    unmount();
    await settle();
    expect(fake.sent('contact.setNotes')).toEqual([{ id: 3, notes: 'Typed just before switching profiles' }]);
  });

  it('says it is retrying when a save fails, and retries', async () => {
    const { fake } = setup();
    let failures = 1;
    fake.on('contact.setNotes', ({ id, notes: text }) => {
      if (failures-- > 0) throw new RapportError('unreachable', 'Rapport’s background is unreachable.');
      return makeContact({ id, notes: text });
    });
    type('Important');
    await advance(400);
    expect(status().textContent).toBe('Not saved yet — retrying');
    expect(status().getAttribute('data-state')).toBe('error');
    expect(notes().value).toBe('Important');
    await advance(1_000);
    expect(fake.sent('contact.setNotes')).toEqual([
      { id: 3, notes: 'Important' },
      { id: 3, notes: 'Important' },
    ]);
    expect(status().textContent).toBe('Saved');
  });

  it('takes notes changed elsewhere when nothing is pending here', async () => {
    const { rerenderWith } = setup();
    rerenderWith(makeContact({ id: 3, notes: 'Edited in another tab' }));
    await settle();
    expect(notes().value).toBe('Edited in another tab');
    expect(status().textContent).toBe('Saved');
  });

  it('keeps the user’s unsaved text over notes changed elsewhere', async () => {
    const { fake, rerenderWith } = setup();
    type('My unsaved words');
    rerenderWith(makeContact({ id: 3, notes: 'Edited in another tab' }));
    await settle();
    expect(notes().value).toBe('My unsaved words');
    await advance(400);
    expect(fake.sent('contact.setNotes')).toEqual([{ id: 3, notes: 'My unsaved words' }]);
  });

  it('holds 10,000 characters of hostile text as text', async () => {
    const text = `${HOSTILE.img}\n${HOSTILE.script}\n${HOSTILE.rtl}\n${HOSTILE.emoji}\n${LONG}`;
    const { fake } = setup(makeContact({ id: 3, notes: LONG }));
    expect(notes().value).toBe(LONG);
    type(text);
    await advance(400);
    expectNoInjectedElements();
    expect(notes().value).toBe(text);
    expect(fake.sent('contact.setNotes')).toEqual([{ id: 3, notes: text }]);
  });
});
