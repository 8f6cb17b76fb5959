// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LogInteraction } from '../../../components/card/LogInteraction';
import { RapportError } from '../../../utils/messages/client';
import type { Interaction } from '../../../utils/model/interaction';
import { deferred, expectNoInjectedElements, fakeRequest, HOSTILE, makeInteraction, NOW, settle } from './helpers';

const form = () => screen.getByRole('form', { name: 'Log an interaction' });
const kind = () => screen.getByRole('combobox') as HTMLSelectElement;
const when = () => form().querySelector('input[type="datetime-local"]') as HTMLInputElement;
const summary = () => screen.getByRole('textbox', { name: 'What was it about?' }) as HTMLInputElement;
const logButton = () => screen.getByRole('button', { name: 'Log interaction' }) as HTMLButtonElement;

function setup() {
  const fake = fakeRequest();
  const logged: Interaction[] = [];
  render(<LogInteraction contactId={7} request={fake.request} onLogged={(i) => logged.push(i)} />);
  return { fake, logged };
}

describe('LogInteraction', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });

  it('logs a coffee meeting now in one click', async () => {
    const { fake, logged } = setup();
    expect(kind().value).toBe('meeting');
    expect(when().value).toBe('2025-03-20T14:30');
    fireEvent.click(logButton());
    await settle();
    expect(fake.calls).toEqual([{ type: 'interaction.log', payload: { contactId: 7, kind: 'meeting', when: NOW, summary: '' } }]);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ id: 500, contactId: 7, kind: 'meeting', when: NOW });
  });

  it('starts on e-mail when the card is shown for a mail page', async () => {
    const fake = fakeRequest();
    render(<LogInteraction contactId={7} request={fake.request} onLogged={() => {}} defaultKind="email" />);
    expect(kind().value).toBe('email');
    fireEvent.click(logButton());
    await settle();
    expect(fake.calls).toEqual([{ type: 'interaction.log', payload: { contactId: 7, kind: 'email', when: NOW, summary: '' } }]);
  });

  it('sends the chosen kind, time and trimmed summary, then clears the summary', async () => {
    const { fake, logged } = setup();
    fireEvent.change(kind(), { target: { value: 'informational-interview' } });
    fireEvent.input(when(), { target: { value: '2025-03-19T10:15' } });
    fireEvent.input(summary(), { target: { value: '  Career paths in data  ' } });
    fireEvent.submit(form());
    await settle();
    expect(fake.sent('interaction.log')).toEqual([
      { contactId: 7, kind: 'informational-interview', when: new Date(2025, 2, 19, 10, 15).getTime(), summary: 'Career paths in data' },
    ]);
    expect(logged.map((i) => i.kind)).toEqual(['informational-interview']);
    expect(summary().value).toBe('');
    // The time goes back to "now".
    expect(when().value).toBe('2025-03-20T14:30');
  });

  it('refuses a time in the future and sends nothing', async () => {
    const { fake } = setup();
    fireEvent.input(when(), { target: { value: '2025-03-20T16:00' } });
    fireEvent.submit(form());
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('An interaction can’t be in the future; use a follow-up instead.');
    expect(fake.calls).toEqual([]);
  });

  it('allows a time less than an hour ahead (clock skew)', async () => {
    const { fake } = setup();
    fireEvent.input(when(), { target: { value: '2025-03-20T15:15' } });
    fireEvent.submit(form());
    await settle();
    expect(fake.sent('interaction.log').map((p) => p.when)).toEqual([new Date(2025, 2, 20, 15, 15).getTime()]);
  });

  it('refuses an empty or invalid time', async () => {
    const { fake } = setup();
    fireEvent.input(when(), { target: { value: '' } });
    fireEvent.submit(form());
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Pick a valid date and time.');
    expect(fake.calls).toEqual([]);
    // Fixing it clears the message.
    fireEvent.input(when(), { target: { value: '2025-03-18T08:00' } });
    fireEvent.submit(form());
    await settle();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(fake.sent('interaction.log')).toHaveLength(1);
  });

  it('keeps the summary and names the refused field when the worker says no', async () => {
    const { fake, logged } = setup();
    fake.on('interaction.log', () => {
      throw new RapportError('invalid-request', 'The request is invalid.', [{ path: 'summary', message: 'Too long' }]);
    });
    fireEvent.input(summary(), { target: { value: 'Talked about the team' } });
    fireEvent.submit(form());
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Not logged: The request is invalid. (summary: Too long)');
    expect(summary().value).toBe('Talked about the team');
    expect(logged).toEqual([]);
  });

  it('is busy while the request runs', async () => {
    const { fake } = setup();
    const answer = deferred<Interaction>();
    fake.on('interaction.log', () => answer.promise);
    fireEvent.submit(form());
    await settle();
    expect(logButton().disabled).toBe(true);
    answer.resolve(makeInteraction({ id: 501, contactId: 7 }));
    await settle();
    expect(logButton().disabled).toBe(false);
  });

  it('sends hostile text as plain text and creates no element from it', async () => {
    const { fake } = setup();
    fireEvent.input(summary(), { target: { value: `${HOSTILE.img} ${HOSTILE.rtl} ${HOSTILE.emoji}` } });
    fireEvent.submit(form());
    await settle();
    expectNoInjectedElements();
    expect(fake.sent('interaction.log')[0]!.summary).toBe(`${HOSTILE.img} ${HOSTILE.rtl} ${HOSTILE.emoji}`);
  });
});
