// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Commitments } from '../../../components/card/Commitments';
import { RapportError } from '../../../utils/messages/client';
import type { Reminder } from '../../../utils/model/reminder';
import { DAY, expectNoInjectedElements, fakeRequest, HOSTILE, makeReminder, NOW, settle } from './helpers';

const open = makeReminder({ id: 21, text: 'Send her the article', due: NOW + 3 * DAY });
const late = makeReminder({ id: 22, text: 'Introduce her to Grace', due: NOW - 2 * DAY });
const done = makeReminder({ id: 23, text: 'Share the slides', status: 'done', completedAt: NOW - DAY });

function setup(commitments: Reminder[] = [open, late, done]) {
  const fake = fakeRequest();
  const view = render(<Commitments contactId={4} commitments={commitments} request={fake.request} now={NOW} />);
  return { fake, ...view };
}

const form = () => screen.getByRole('form', { name: 'Add a commitment' });
const textInput = () => screen.getByRole('textbox', { name: 'You promised to…' }) as HTMLInputElement;
const dueInput = () => form().querySelector('input[type="date"]') as HTMLInputElement;
const addButton = () => within(form()).getByRole('button', { name: 'Add' }) as HTMLButtonElement;
const checkbox = (text: string) => screen.getByRole('checkbox', { name: text }) as HTMLInputElement;

describe('Commitments', () => {
  it('lists the promises with their state', () => {
    setup();
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Send her the articlein 3 days',
      'Introduce her to Grace2 days overdue',
      'Share the slidesdone',
    ]);
    expect(items.map((li) => li.className)).toEqual(['', 'overdue', 'done']);
    expect(checkbox('Send her the article').checked).toBe(false);
    expect(checkbox('Share the slides').checked).toBe(true);
  });

  it('shows no list when there are none', () => {
    setup([]);
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Commitments' })).toBeTruthy();
  });

  it('ticking marks done; unticking undoes it', async () => {
    const { fake } = setup();
    fireEvent.click(checkbox('Send her the article'));
    await settle();
    fireEvent.click(checkbox('Share the slides'));
    await settle();
    expect(fake.calls).toEqual([
      { type: 'commitment.setDone', payload: { id: 21, done: true } },
      { type: 'commitment.setDone', payload: { id: 23, done: false } },
    ]);
  });

  it('says so when a toggle is not saved', async () => {
    const { fake } = setup();
    fake.on('commitment.setDone', () => {
      throw new RapportError('not-found', 'There is no reminder #21.');
    });
    fireEvent.click(checkbox('Send her the article'));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Not saved: There is no reminder #21.');
  });

  it('adds a promise due in a week by default', async () => {
    const { fake } = setup();
    expect(dueInput().value).toBe('2025-03-27');
    expect(addButton().disabled).toBe(true);
    fireEvent.input(textInput(), { target: { value: '  Send the paper on engines ' } });
    expect(addButton().disabled).toBe(false);
    fireEvent.click(addButton());
    await settle();
    expect(fake.calls).toEqual([
      { type: 'commitment.add', payload: { contactId: 4, text: 'Send the paper on engines', due: new Date(2025, 2, 27, 9, 0).getTime() } },
    ]);
    expect(textInput().value).toBe('');
  });

  it('adds with a chosen due date', async () => {
    const { fake } = setup();
    fireEvent.input(textInput(), { target: { value: 'Call back' } });
    fireEvent.input(dueInput(), { target: { value: '2025-04-02' } });
    fireEvent.submit(form());
    await settle();
    expect(fake.sent('commitment.add')).toEqual([{ contactId: 4, text: 'Call back', due: new Date(2025, 3, 2, 9, 0).getTime() }]);
  });

  it('refuses a blank promise or a missing date', async () => {
    const { fake } = setup();
    fireEvent.input(textInput(), { target: { value: '   ' } });
    fireEvent.submit(form());
    await settle();
    fireEvent.input(textInput(), { target: { value: 'Call back' } });
    fireEvent.input(dueInput(), { target: { value: '' } });
    expect(addButton().disabled).toBe(true);
    fireEvent.submit(form());
    await settle();
    expect(fake.calls).toEqual([]);
  });

  it('keeps the text when adding fails', async () => {
    const { fake } = setup();
    fake.on('commitment.add', () => {
      throw new RapportError('internal', 'Disk full.');
    });
    fireEvent.input(textInput(), { target: { value: 'Call back' } });
    fireEvent.submit(form());
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Not added: Disk full.');
    expect(textInput().value).toBe('Call back');
  });

  it('renders hostile text as text', () => {
    const { container } = setup([
      makeReminder({ id: 1, text: HOSTILE.img }),
      makeReminder({ id: 2, text: HOSTILE.script }),
      makeReminder({ id: 3, text: `${HOSTILE.rtl} ${HOSTILE.emoji}` }),
    ]);
    expectNoInjectedElements();
    expect(container.textContent).toContain(HOSTILE.img);
    expect(container.textContent).toContain(HOSTILE.script);
    expect(checkbox(`${HOSTILE.rtl} ${HOSTILE.emoji}`)).toBeTruthy();
  });
});
