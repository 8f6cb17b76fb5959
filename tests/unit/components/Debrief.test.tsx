// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Debrief } from '../../../components/card/Debrief';
import { DEBRIEF_QUESTIONS } from '../../../utils/debrief';
import { RapportError } from '../../../utils/messages/client';
import type { Contact } from '../../../utils/model/contact';
import type { Interaction } from '../../../utils/model/interaction';
import { DAY, expectNoInjectedElements, fakeRequest, HOSTILE, makeContact, makeInteraction, NOW, settle } from './helpers';

const ada = makeContact({ id: 5, name: 'Ada Lovelace' });
const interview = makeInteraction({ id: 12, contactId: 5, kind: 'informational-interview', when: NOW - 2 * DAY });

function setup(interaction: Interaction = interview, contact: Contact = ada) {
  const fake = fakeRequest();
  const onClose = vi.fn();
  render(<Debrief interaction={interaction} contact={contact} request={fake.request} onClose={onClose} />);
  return { fake, onClose };
}

const question = (text: string) => screen.getByRole('group', { name: text });
const referralInput = () => screen.getByRole('textbox', { name: 'Name they referred you to' }) as HTMLInputElement;
const referralForm = () => screen.getByRole('form', { name: 'Add a name they referred you to' });

describe('Debrief', () => {
  it('asks every debrief question with yes / partly / no', () => {
    setup();
    expect(screen.getByRole('heading', { name: 'Debrief: informational interview' })).toBeTruthy();
    for (const q of DEBRIEF_QUESTIONS) {
      const radios = within(question(q.text)).getAllByRole('radio') as HTMLInputElement[];
      expect(radios.map((r) => r.value)).toEqual(['yes', 'partly', 'no']);
      expect(radios.every((r) => !r.checked)).toBe(true);
    }
  });

  it('starts from the saved answers', () => {
    setup(makeInteraction({ id: 12, kind: 'informational-interview', debrief: { goals: 'partly', names: 'no' } }));
    expect((within(question('Did it meet your goals?')).getByRole('radio', { name: 'Partly' }) as HTMLInputElement).checked).toBe(true);
    expect((within(question('Did you get more names to contact?')).getByRole('radio', { name: 'No' }) as HTMLInputElement).checked).toBe(true);
    expect((within(question('Were you memorable?')).getByRole('radio', { name: 'Yes' }) as HTMLInputElement).checked).toBe(false);
  });

  it('saves the answers with interaction.update and closes', async () => {
    const { fake, onClose } = setup(makeInteraction({ id: 12, kind: 'informational-interview', debrief: { goals: 'no' } }));
    fireEvent.click(within(question('Did it meet your goals?')).getByRole('radio', { name: 'Yes' }));
    fireEvent.click(within(question('Were you memorable?')).getByRole('radio', { name: 'Partly' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save debrief' }));
    await settle();
    expect(fake.calls).toEqual([
      { type: 'interaction.update', payload: { id: 12, change: { debrief: { goals: 'yes', memorable: 'partly' } } } },
    ]);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('stays open with the error when saving fails', async () => {
    const { fake, onClose } = setup();
    fake.on('interaction.update', () => {
      throw new RapportError('internal', 'The database is closed.');
    });
    fireEvent.click(within(question('Did it meet your goals?')).getByRole('radio', { name: 'No' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save debrief' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Not saved: The database is closed.');
    expect(onClose).not.toHaveBeenCalled();
    expect((within(question('Did it meet your goals?')).getByRole('radio', { name: 'No' }) as HTMLInputElement).checked).toBe(true);
  });

  it('Later closes without sending', () => {
    const { fake, onClose } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(fake.calls).toEqual([]);
  });

  it('adds a referred name as a contact introduced by this person', async () => {
    const { fake } = setup();
    const add = screen.getByRole('button', { name: 'Add contact' }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    fireEvent.input(referralInput(), { target: { value: '  Charles Babbage ' } });
    expect(add.disabled).toBe(false);
    fireEvent.submit(referralForm());
    await settle();
    fireEvent.input(referralInput(), { target: { value: 'Mary Somerville' } });
    fireEvent.submit(referralForm());
    await settle();
    expect(fake.calls).toEqual([
      {
        type: 'contact.create',
        payload: { draft: { name: 'Charles Babbage', introducedBy: 5, howWeMet: { event: 'Referred by Ada Lovelace', date: interview.when } } },
      },
      {
        type: 'contact.create',
        payload: { draft: { name: 'Mary Somerville', introducedBy: 5, howWeMet: { event: 'Referred by Ada Lovelace', date: interview.when } } },
      },
    ]);
    expect(screen.getByRole('status').textContent).toBe('Added, introduced by Ada Lovelace: Charles Babbage, Mary Somerville');
    expect(referralInput().value).toBe('');
  });

  it('does not send a blank name', async () => {
    const { fake } = setup();
    fireEvent.input(referralInput(), { target: { value: '   ' } });
    fireEvent.submit(referralForm());
    await settle();
    expect(fake.calls).toEqual([]);
  });

  it('keeps the name and shows why when adding fails', async () => {
    const { fake } = setup();
    fake.on('contact.create', () => {
      throw new RapportError('invalid-request', 'The request is invalid.', [{ path: 'draft.name', message: 'Too long' }]);
    });
    fireEvent.input(referralInput(), { target: { value: 'Charles Babbage' } });
    fireEvent.submit(referralForm());
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Not added: The request is invalid. (draft.name: Too long)');
    expect(referralInput().value).toBe('Charles Babbage');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('keeps "how we met" within its 200 characters for a long introducer name', async () => {
    // "Referred by " + 187 letters = 199 units: the emoji that follows (2 units) no longer fits.
    const longName = `${'A'.repeat(187)}👩🏽‍💻`;
    const { fake } = setup(interview, makeContact({ id: 5, name: longName }));
    fireEvent.input(referralInput(), { target: { value: 'Charles Babbage' } });
    fireEvent.submit(referralForm());
    await settle();
    const [sent] = fake.sent('contact.create');
    // Cut between characters, never inside one (no lone surrogate).
    expect(sent!.draft.howWeMet!.event).toBe(`Referred by ${'A'.repeat(187)}`);
    expect(screen.getByRole('status').textContent).toContain('Charles Babbage');
  });

  it('keeps the whole "how we met" when it fits', async () => {
    const name = `${'B'.repeat(186)}😀`; // 12 + 186 + 2 = 200 units exactly
    const { fake } = setup(interview, makeContact({ id: 5, name }));
    fireEvent.input(referralInput(), { target: { value: 'Charles Babbage' } });
    fireEvent.submit(referralForm());
    await settle();
    expect(fake.sent('contact.create')[0]!.draft.howWeMet!.event).toBe(`Referred by ${name}`);
  });

  it('renders hostile names as text', async () => {
    const { fake } = setup(interview, makeContact({ id: 5, name: HOSTILE.img }));
    fake.on('contact.create', ({ draft }) => ({ contact: makeContact({ id: 6, name: draft.name }), created: true }));
    fireEvent.input(referralInput(), { target: { value: HOSTILE.script } });
    fireEvent.submit(referralForm());
    await settle();
    fireEvent.input(referralInput(), { target: { value: `${HOSTILE.rtl} ${HOSTILE.emoji}` } });
    fireEvent.submit(referralForm());
    await settle();
    expectNoInjectedElements();
    expect(screen.getByRole('status').textContent).toBe(
      `Added, introduced by ${HOSTILE.img}: ${HOSTILE.script}, ${HOSTILE.rtl} ${HOSTILE.emoji}`,
    );
    expect(fake.sent('contact.create')[0]!.draft.howWeMet!.event).toBe(`Referred by ${HOSTILE.img}`);
  });
});
