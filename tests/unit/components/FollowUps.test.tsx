// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { FollowUps } from '../../../components/card/FollowUps';
import { formatDate } from '../../../components/card/labels';
import { RapportError } from '../../../utils/messages/client';
import type { Contact } from '../../../utils/model/contact';
import { DAY, fakeRequest, makeContact, NOW, settle } from './helpers';

function setup(contact: Contact = makeContact({ id: 3 }), now = NOW, defaultCadenceDays = 90) {
  const fake = fakeRequest();
  const view = render(<FollowUps contact={contact} defaultCadenceDays={defaultCadenceDays} request={fake.request} now={now} />);
  return { fake, ...view };
}

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
const dateInput = (container: Element) => container.querySelector('input[type="date"]') as HTMLInputElement;
const cadence = () => screen.getByRole('combobox', { name: 'Keep in touch every' }) as HTMLSelectElement;
/**
 * Chrome's runtime messaging serialises as JSON, which drops keys whose value is undefined: a
 * clear must be sent as null so it survives the trip to the worker.
 */
const expectSurvivesJson = (sent: unknown) => expect(JSON.parse(JSON.stringify(sent))).toStrictEqual(sent);
/** 09:00 local time on a calendar day (month 1-based). */
const at9 = (year: number, month: number, day: number) => new Date(year, month - 1, day, 9, 0).getTime();

describe('FollowUps', () => {
  it('says when no follow-up is planned, with no Clear button', () => {
    setup();
    expect(screen.getByText('No follow-up planned.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Clear' })).toBeNull();
  });

  it('shows the planned follow-up, overdue ones marked', () => {
    const due = NOW + 3 * DAY;
    const { unmount } = setup(makeContact({ nextFollowUp: due }));
    expect(screen.getByText(`Next follow-up ${formatDate(due)} (in 3 days)`).className).toBe('');
    unmount();
    const late = NOW - 2 * DAY;
    setup(makeContact({ nextFollowUp: late }));
    expect(screen.getByText(`Next follow-up ${formatDate(late)} (2 days overdue)`).className).toBe('overdue');
  });

  it.each([
    ['In 1 week', at9(2025, 3, 27)],
    // Across the start of daylight saving time (30 March): still 09:00 local.
    ['In 1 month', at9(2025, 4, 20)],
    ['In 3 months', at9(2025, 6, 20)],
  ])('"%s" sets the next follow-up to 09:00 local on the right day', async (name, expected) => {
    const { fake } = setup();
    fireEvent.click(button(name));
    await settle();
    expect(fake.calls).toStrictEqual([{ type: 'contact.update', payload: { id: 3, patch: { nextFollowUp: expected } } }]);
    expect(new Date(expected).getHours()).toBe(9);
  });

  it('lands on the last day of a shorter month', async () => {
    const { fake } = setup(makeContact({ id: 3 }), new Date(2025, 0, 31, 22, 45).getTime());
    fireEvent.click(button('In 1 month'));
    await settle();
    fireEvent.click(button('In 3 months'));
    await settle();
    expect(fake.sent('contact.update').map((p) => p.patch.nextFollowUp)).toEqual([at9(2025, 2, 28), at9(2025, 4, 30)]);
  });

  it('keeps 09:00 across the end of daylight saving time', async () => {
    const { fake } = setup(makeContact({ id: 3 }), new Date(2025, 9, 22, 7, 0).getTime());
    fireEvent.click(button('In 1 week'));
    await settle();
    expect(fake.sent('contact.update').map((p) => p.patch.nextFollowUp)).toEqual([at9(2025, 10, 29)]);
  });

  it('sets a custom date at 09:00 and clears the date field', async () => {
    const { fake, container } = setup();
    expect(button('Set').disabled).toBe(true);
    expect(dateInput(container).min).toBe('2025-03-20');
    fireEvent.input(dateInput(container), { target: { value: '2025-05-02' } });
    expect(button('Set').disabled).toBe(false);
    fireEvent.click(button('Set'));
    await settle();
    expect(fake.calls).toStrictEqual([{ type: 'contact.update', payload: { id: 3, patch: { nextFollowUp: at9(2025, 5, 2) } } }]);
    expect(dateInput(container).value).toBe('');
  });

  it('keeps the custom date when saving it fails', async () => {
    const { fake, container } = setup();
    fake.on('contact.update', () => {
      throw new RapportError('unreachable', 'Rapport’s background is unreachable.');
    });
    fireEvent.input(dateInput(container), { target: { value: '2025-05-02' } });
    fireEvent.click(button('Set'));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Not saved: Rapport’s background is unreachable.');
    expect(dateInput(container).value).toBe('2025-05-02');
  });

  it('Clear removes the planned follow-up with nextFollowUp null', async () => {
    const { fake } = setup(makeContact({ id: 3, nextFollowUp: NOW + DAY }));
    fireEvent.click(button('Clear'));
    await settle();
    expect(fake.calls).toStrictEqual([{ type: 'contact.update', payload: { id: 3, patch: { nextFollowUp: null } } }]);
    expectSurvivesJson(fake.calls);
  });

  it('disables the quick picks while a change is saving', async () => {
    const { fake } = setup();
    let finish!: () => void;
    fake.on('contact.update', () => new Promise((resolve) => (finish = () => resolve(makeContact({ id: 3 })))));
    fireEvent.click(button('In 1 week'));
    await settle();
    expect(button('In 1 month').disabled).toBe(true);
    finish();
    await settle();
    expect(button('In 1 month').disabled).toBe(false);
  });

  it('offers the cadences, the default labelled with its days', () => {
    setup(makeContact({ cadenceDays: 45 }), NOW, 60);
    const options = [...cadence().options].map((o) => [o.value, o.textContent]);
    expect(options).toEqual([
      ['', '60 days (default for this type)'],
      ['14', '14 days'],
      ['30', '30 days'],
      ['45', '45 days'],
      ['60', '60 days'],
      ['90', '90 days'],
      ['180', '180 days'],
      ['365', '365 days'],
    ]);
    expect(cadence().value).toBe('45');
  });

  it('sends cadenceDays for a chosen cadence', async () => {
    const { fake } = setup();
    expect(cadence().value).toBe('');
    fireEvent.change(cadence(), { target: { value: '30' } });
    await settle();
    expect(fake.calls).toStrictEqual([{ type: 'contact.update', payload: { id: 3, patch: { cadenceDays: 30 } } }]);
  });

  it('sends cadenceDays null to go back to the default', async () => {
    const { fake } = setup(makeContact({ id: 3, cadenceDays: 180 }));
    fireEvent.change(cadence(), { target: { value: '' } });
    await settle();
    expect(fake.calls).toStrictEqual([{ type: 'contact.update', payload: { id: 3, patch: { cadenceDays: null } } }]);
    expectSurvivesJson(fake.calls);
  });
});
