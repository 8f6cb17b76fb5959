// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../components/card/labels';
import { Timeline } from '../../../components/card/Timeline';
import { RapportError } from '../../../utils/messages/client';
import type { Interaction } from '../../../utils/model/interaction';
import { DAY, deferred, expectNoInjectedElements, fakeRequest, HOSTILE, LONG, makeInteraction, NOW, settle } from './helpers';

const coffee = makeInteraction({ id: 11, kind: 'meeting', when: new Date(2025, 2, 18, 8, 5).getTime(), summary: 'Coffee at the library' });
const interview = makeInteraction({ id: 12, kind: 'informational-interview', when: NOW - 5 * DAY, summary: 'Career paths' });
const debriefed = makeInteraction({
  id: 13,
  kind: 'informational-interview',
  when: NOW - 9 * DAY,
  summary: '',
  debrief: { goals: 'yes' },
});

function setup(interactions: Interaction[] = [coffee, interview, debriefed]) {
  const fake = fakeRequest();
  const deleted: Interaction[] = [];
  const debriefs: Interaction[] = [];
  render(
    <Timeline
      interactions={interactions}
      request={fake.request}
      onDeleted={(i) => deleted.push(i)}
      onDebrief={(i) => debriefs.push(i)}
    />,
  );
  return { fake, deleted, debriefs };
}

const editButton = (i: Interaction, label: string) => screen.getByRole('button', { name: `Edit the ${label} of ${formatDateTime(i.when)}` });
const deleteButton = (i: Interaction, label: string) =>
  screen.getByRole('button', { name: `Delete the ${label} of ${formatDateTime(i.when)}` }) as HTMLButtonElement;

describe('Timeline', () => {
  it('says when nothing is logged', () => {
    setup([]);
    expect(screen.getByText('Nothing logged yet.')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('lists the interactions in the order given, with kind, time and summary', () => {
    setup();
    const list = screen.getByRole('list', { name: 'Interactions, newest first' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items.map((li) => li.querySelector('strong')!.textContent)).toEqual([
      'Coffee / meeting',
      'Informational interview',
      'Informational interview',
    ]);
    const time = items[0]!.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe(new Date(coffee.when).toISOString());
    expect(time.textContent).toBe(formatDateTime(coffee.when));
    expect(items[0]!.textContent).toContain('Coffee at the library');
    // No empty paragraph for an interaction without a summary.
    expect(items[2]!.querySelector('p')).toBeNull();
  });

  it('offers a debrief only for informational interviews', () => {
    const { debriefs } = setup();
    const [first, second, third] = screen.getAllByRole('listitem');
    expect(within(first!).queryByRole('button', { name: /debrief/i })).toBeNull();
    fireEvent.click(within(second!).getByRole('button', { name: 'Add debrief' }));
    fireEvent.click(within(third!).getByRole('button', { name: 'Debrief' }));
    expect(debriefs.map((i) => i.id)).toEqual([12, 13]);
  });

  it('edits an interaction in place and sends exactly the change', async () => {
    const { fake } = setup();
    fireEvent.click(editButton(coffee, 'Coffee / meeting'));
    const form = screen.getByRole('form', { name: 'Edit interaction' });
    const kind = within(form).getByRole('combobox') as HTMLSelectElement;
    const when = form.querySelector('input[type="datetime-local"]') as HTMLInputElement;
    const summary = within(form).getByRole('textbox') as HTMLInputElement;
    // Pre-filled with the interaction.
    expect(kind.value).toBe('meeting');
    expect(when.value).toBe('2025-03-18T08:05');
    expect(summary.value).toBe('Coffee at the library');
    // The other entries stay as they are.
    expect(screen.getAllByRole('listitem')).toHaveLength(3);

    fireEvent.change(kind, { target: { value: 'call' } });
    fireEvent.input(when, { target: { value: '2025-03-17T16:45' } });
    fireEvent.input(summary, { target: { value: '  A call, not coffee  ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await settle();
    expect(fake.calls).toEqual([
      {
        type: 'interaction.update',
        payload: { id: 11, change: { kind: 'call', when: new Date(2025, 2, 17, 16, 45).getTime(), summary: 'A call, not coffee' } },
      },
    ]);
    expect(screen.queryByRole('form', { name: 'Edit interaction' })).toBeNull();
  });

  it('Cancel closes the editor without sending', async () => {
    const { fake } = setup();
    fireEvent.click(editButton(coffee, 'Coffee / meeting'));
    fireEvent.input(screen.getByRole('textbox'), { target: { value: 'changed my mind' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await settle();
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.getByText('Coffee at the library')).toBeTruthy();
    expect(fake.calls).toEqual([]);
  });

  it('refuses an invalid time and sends nothing', async () => {
    const { fake } = setup();
    fireEvent.click(editButton(coffee, 'Coffee / meeting'));
    const form = screen.getByRole('form', { name: 'Edit interaction' });
    fireEvent.input(form.querySelector('input[type="datetime-local"]')!, { target: { value: '' } });
    fireEvent.submit(form);
    await settle();
    expect(within(form).getByRole('alert').textContent).toBe('Pick a valid date and time.');
    expect(fake.calls).toEqual([]);
  });

  it('keeps the editor open with the error when saving fails', async () => {
    const { fake } = setup();
    fake.on('interaction.update', () => {
      throw new RapportError('not-found', 'There is no interaction #11.');
    });
    fireEvent.click(editButton(coffee, 'Coffee / meeting'));
    const form = screen.getByRole('form', { name: 'Edit interaction' });
    fireEvent.input(within(form).getByRole('textbox'), { target: { value: 'New summary' } });
    fireEvent.submit(form);
    await settle();
    expect(within(form).getByRole('alert').textContent).toBe('Not saved: There is no interaction #11.');
    expect((within(form).getByRole('textbox') as HTMLInputElement).value).toBe('New summary');
  });

  it('deletes with interaction.delete and reports the deleted row for undo', async () => {
    const { fake, deleted } = setup();
    const row = makeInteraction({ id: 12, kind: 'informational-interview', when: interview.when, summary: 'Career paths', details: 'from the worker' });
    const answer = deferred<Interaction>();
    fake.on('interaction.delete', () => answer.promise);
    const button = deleteButton(interview, 'Informational interview');
    fireEvent.click(button);
    await settle();
    expect(button.disabled).toBe(true);
    expect(fake.calls).toEqual([{ type: 'interaction.delete', payload: { id: 12 } }]);
    answer.resolve(row);
    await settle();
    // The row the worker answered, not the one on screen: it is what interaction.restore needs.
    expect(deleted).toEqual([row]);
  });

  it('shows why a delete failed and reports nothing', async () => {
    const { fake, deleted } = setup();
    fake.on('interaction.delete', () => {
      throw new RapportError('unreachable', 'Rapport’s background is unreachable.');
    });
    fireEvent.click(deleteButton(coffee, 'Coffee / meeting'));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Not deleted: Rapport’s background is unreachable.');
    expect(deleted).toEqual([]);
  });

  it('renders hostile summaries as text', () => {
    const interactions = [
      makeInteraction({ id: 1, summary: HOSTILE.img }),
      makeInteraction({ id: 2, summary: HOSTILE.script }),
      makeInteraction({ id: 3, summary: `${HOSTILE.rtl} ${HOSTILE.emoji}` }),
      makeInteraction({ id: 4, summary: LONG.slice(0, 1_000) }),
    ];
    const { fake } = setup(interactions);
    expectNoInjectedElements();
    const text = screen.getByRole('list').textContent!;
    expect(text).toContain(HOSTILE.img);
    expect(text).toContain(HOSTILE.script);
    expect(text).toContain(`${HOSTILE.rtl} ${HOSTILE.emoji}`);
    expect(text).toContain(LONG.slice(0, 1_000));
    expect(fake.calls).toEqual([]);
  });
});
