// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReminderSettings } from '../../../components/popup/ReminderSettings';
import type { Request } from '../../../utils/messages/client';
import { contract } from '../../../utils/messages/contract';
import { Settings } from '../../../utils/model/settings';

afterEach(cleanup);

function setup() {
  const settings = Settings.parse({});
  const calls: unknown[] = [];
  const request = vi.fn(async (type: string, payload: { patch: Record<string, unknown> }) => {
    expect(type).toBe('settings.update');
    expect(contract['settings.update'].request.safeParse(payload).success).toBe(true);
    calls.push(payload.patch);
    return Settings.parse({ ...settings, ...payload.patch });
  }) as unknown as Request;
  const onSaved = vi.fn();
  render(<ReminderSettings request={request} settings={settings} onSaved={onSaved} />);
  return { settings, calls, onSaved };
}

const flush = () => new Promise((done) => setTimeout(done, 0));

describe('ReminderSettings', () => {
  it('saves a weekly goal, keeping the other', async () => {
    const { calls, onSaved } = setup();
    fireEvent.change(screen.getByRole('spinbutton', { name: 'New contacts a week' }), { target: { value: '7' } });
    await flush();
    expect(calls).toEqual([{ weeklyGoals: { newContacts: 7, followUps: 5, conversations: 3 } }]);
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it('refuses a goal that is not a whole number in range, sending nothing', async () => {
    const { calls } = setup();
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Follow-ups a week' }), { target: { value: '2.5' } });
    await flush();
    expect(calls).toEqual([]);
    expect(screen.getByRole('alert').textContent).toContain('a whole number from 0 to 100');
  });

  it('saves the snooze length and the cadence for one contact type', async () => {
    const { calls, settings } = setup();
    fireEvent.change(screen.getByRole('combobox', { name: 'Snooze for' }), { target: { value: '180' } });
    await flush();
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Peer' }), { target: { value: '45' } });
    await flush();
    expect(calls).toEqual([{ snoozeMinutes: 180 }, { cadenceDaysByType: { ...settings.cadenceDaysByType, peer: 45 } }]);
  });

  it('turns quiet hours on and shows their hours only then', async () => {
    const { calls } = setup();
    expect(screen.queryByRole('combobox', { name: 'From' })).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Quiet hours (no notifications)' }));
    await flush();
    expect(calls).toEqual([{ quietHours: { enabled: true, startHour: 21, endHour: 8 } }]);
  });

  it('offers the auto-log of sent mail, off until the user turns it on', async () => {
    const { calls } = setup();
    const box = screen.getByRole('checkbox', { name: 'Log e-mails I send to contacts from Gmail or Outlook' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await flush();
    expect(calls).toEqual([{ autoLogSentMail: true }]);
  });
});

describe('ReminderSettings: the snooze choices', () => {
  it('names the current length as the usual choices do, and spells out an unusual one', () => {
    const request = vi.fn() as unknown as Request;
    const { unmount } = render(<ReminderSettings request={request} settings={Settings.parse({})} onSaved={() => {}} />);
    const select = () => screen.getByRole('combobox', { name: 'Snooze for' }) as HTMLSelectElement;
    expect(select().selectedOptions[0]!.textContent).toBe('1 day');
    unmount();
    render(<ReminderSettings request={request} settings={Settings.parse({ snoozeMinutes: 90 })} onSaved={() => {}} />);
    expect(select().selectedOptions[0]!.textContent).toBe('90 minutes');
    expect([...select().options].map((o) => o.textContent)).toContain('1 day');
  });
});

describe('ReminderSettings: the conversations goal', () => {
  it('saves it like the others', async () => {
    const { calls } = setup();
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Conversations a week' }), { target: { value: '4' } });
    await flush();
    expect(calls).toEqual([{ weeklyGoals: { newContacts: 5, followUps: 5, conversations: 4 } }]);
  });
});
