// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SettingsView } from '../../../components/manager/SettingsView';
import { SAVED_SHOWN_MS } from '../../../components/settings/use-settings';
import { RapportError } from '../../../utils/messages/client';
import type { TargetCompany } from '../../../utils/messages/contract';
import { applyPatch } from '../../../utils/model/common';
import { DEFAULT_CADENCE_DAYS, Settings, type SettingsPatch } from '../../../utils/model/settings';
import { expectNoInjectedElements, fakeRequest, HOSTILE, makePitch, settle } from './helpers';

beforeEach(() => fakeBrowser.reset());

/** A fake worker that keeps its settings and targets, as the real one does. */
function setup(options: { settings?: SettingsPatch; targets?: TargetCompany[]; browserKind?: 'chrome' | 'firefox' } = {}) {
  let settings = Settings.parse(applyPatch({}, options.settings ?? {}));
  let targets = options.targets ?? [];
  const fake = fakeRequest({
    'settings.get': () => settings,
    'settings.update': ({ patch }) => (settings = Settings.parse(applyPatch(settings, patch))),
    'companies.targets': () => targets,
    'pitches.list': () => [makePitch()],
    'company.setTarget': ({ name, target, rank }) => {
      const others = targets.filter((t) => t.name !== name);
      const at = Math.min((rank ?? others.length + 1) - 1, others.length);
      const moved = targets.find((t) => t.name === name) ?? { name, key: name.toLowerCase(), rank: 0, contacts: 0 };
      if (target) others.splice(at, 0, moved);
      targets = others.map((t, i) => ({ ...t, rank: i + 1 }));
      return {
        id: 1,
        name,
        nameKey: name.toLowerCase(),
        target,
        ...(target ? { targetRank: at + 1 } : {}),
        notes: '',
        createdAt: 0,
        updatedAt: 0,
      };
    },
  });
  const view = render(<SettingsView request={fake.request} onOpen={() => {}} browserKind={options.browserKind ?? 'chrome'} />);
  return {
    fake,
    view,
    /** Changes the stored settings behind the page's back (another tab), as the worker would. */
    setElsewhere(patch: SettingsPatch) {
      settings = Settings.parse(applyPatch(settings, patch));
    },
    setTargets(next: TargetCompany[]) {
      targets = next;
    },
    updates: () => fake.sent('settings.update').map((p) => p.patch),
  };
}

const group = (name: string) => screen.getByRole('region', { name });
const statusOf = (name: string) => within(group(name)).getAllByRole('status')[0]!.textContent;
const broadcast = (event: string, extra: object = {}) => fakeBrowser.runtime.sendMessage({ rapport: 1, event, ...extra });
/** Types into a number field and commits (Enter / leaving the field fire `change`). */
const commit = (input: HTMLElement, value: string) => {
  fireEvent.input(input, { target: { value } });
  fireEvent.change(input, { target: { value } });
};

describe('SettingsView', () => {
  it('shows every group under its heading once loaded', async () => {
    setup();
    expect(screen.getAllByText('Loading…').length).toBeGreaterThan(0);
    await settle();
    for (const name of ['Keep-in-touch cadences', 'Reminders', 'Where Rapport works', 'Weekly goals', 'Elevator pitches', 'Target companies']) {
      expect(screen.getByRole('heading', { name })).toBeTruthy();
      expect(group(name)).toBeTruthy();
    }
  });

  it('says so when the settings cannot be loaded', async () => {
    const fake = fakeRequest({
      'settings.get': () => Promise.reject(new RapportError('internal', 'The database is closed.')),
      'companies.targets': () => [],
      'pitches.list': () => [],
    });
    render(<SettingsView request={fake.request} onOpen={() => {}} browserKind="chrome" />);
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Rapport couldn’t load your settings: The database is closed.');
  });
});

describe('keep-in-touch cadences', () => {
  it('shows each type’s cadence and what it means, custom types included', async () => {
    setup({ settings: { customContactTypes: ['board member'], cadenceDaysByType: { ...DEFAULT_CADENCE_DAYS, mentor: 1 } } });
    await settle();
    const mentor = screen.getByRole('textbox', { name: 'Mentor' }) as HTMLInputElement;
    expect(mentor.value).toBe('1');
    expect(screen.getByText('Remind me to get back in touch with a mentor every day.')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'board member' }) as HTMLInputElement).value).toBe('365');
    expect(screen.getByText('Remind me to get back in touch with a contact of type “board member” every 365 days.')).toBeTruthy();
    expect(screen.getByText('Remind me to get back in touch with anyone else every 365 days.')).toBeTruthy();
  });

  it('saves a changed cadence (the whole map, one type changed) and says “Saved”, briefly', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { updates } = setup();
    await settle();
    commit(screen.getByRole('textbox', { name: 'Mentor' }), '45');
    await settle();
    expect(updates()).toEqual([{ cadenceDaysByType: { ...DEFAULT_CADENCE_DAYS, mentor: 45 } }]);
    expect(statusOf('Keep-in-touch cadences')).toBe('✓ Saved');
    expect(screen.getByText('Remind me to get back in touch with a mentor every 45 days.')).toBeTruthy();
    // Only this group says so.
    expect(statusOf('Reminders')).toBe('');
    await vi.advanceTimersByTimeAsync(SAVED_SHOWN_MS);
    await settle();
    expect(statusOf('Keep-in-touch cadences')).toBe('');
  });

  it.each([
    ['zero', '0', 'Mentor: Enter a whole number from 1 to 3,650 days.'],
    ['beyond ten years', '3651', 'Mentor: Enter a whole number from 1 to 3,650 days.'],
    ['empty', '  ', 'Mentor: Enter a whole number from 1 to 3,650 days.'],
    ['a fraction', '1.5', 'Mentor: “1.5” is not a whole number: enter one from 1 to 3,650 days.'],
    ['words', 'thirty', 'Mentor: “thirty” is not a whole number: enter one from 1 to 3,650 days.'],
    ['exponent notation', '1e2', 'Mentor: “1e2” is not a whole number: enter one from 1 to 3,650 days.'],
  ])('refuses %s with a message and saves nothing, keeping what was typed', async (_name, typed, message) => {
    const { updates } = setup();
    await settle();
    const mentor = screen.getByRole('textbox', { name: 'Mentor' }) as HTMLInputElement;
    commit(mentor, typed);
    await settle();
    expect(updates()).toEqual([]);
    expect(screen.getByRole('alert').textContent).toBe(message);
    expect(mentor.getAttribute('aria-invalid')).toBe('true');
    expect(mentor.value).toBe(typed);
    // Corrected: saved, and the message goes.
    commit(mentor, '20');
    await settle();
    expect(updates()).toEqual([{ cadenceDaysByType: { ...DEFAULT_CADENCE_DAYS, mentor: 20 } }]);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(mentor.getAttribute('aria-invalid')).toBeNull();
  });

  it('saves nothing when the value did not change', async () => {
    const { updates } = setup();
    await settle();
    commit(screen.getByRole('textbox', { name: 'Peer' }), ' 90 ');
    await settle();
    expect(updates()).toEqual([]);
  });

  it('resets every cadence to the defaults (null resets the setting); the button is off when already default', async () => {
    const { updates } = setup({ settings: { cadenceDaysByType: { ...DEFAULT_CADENCE_DAYS, peer: 14 } } });
    await settle();
    const reset = screen.getByRole('button', { name: 'Reset cadences to the defaults' }) as HTMLButtonElement;
    expect(reset.disabled).toBe(false);
    fireEvent.click(reset);
    await settle();
    expect(updates()).toEqual([{ cadenceDaysByType: null }]);
    expect((screen.getByRole('textbox', { name: 'Peer' }) as HTMLInputElement).value).toBe('90');
    expect((screen.getByRole('button', { name: 'Reset cadences to the defaults' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the worker’s refusal when a save fails, and keeps the page usable', async () => {
    const { fake } = setup();
    await settle();
    fake.on('settings.update', () => Promise.reject(new RapportError('internal', 'Rapport could not complete this request.')));
    commit(screen.getByRole('textbox', { name: 'Mentor' }), '40');
    await settle();
    expect(within(group('Keep-in-touch cadences')).getByRole('alert').textContent).toBe(
      'Not saved: Rapport could not complete this request.',
    );
    // Shown at once while saving, then the stored value again: the page never claims what was not saved.
    expect((screen.getByRole('textbox', { name: 'Mentor' }) as HTMLInputElement).value).toBe('30');
    expect(fake.sent('settings.get')).toHaveLength(2);
  });
});

describe('reminders', () => {
  it('quiet hours: on/off and the hours, each saved as the whole quiet-hours setting', async () => {
    const { updates } = setup();
    await settle();
    const from = screen.getByRole('combobox', { name: 'From' }) as HTMLSelectElement;
    expect(from.disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /^No notifications during quiet hours/ }));
    await settle();
    expect(updates()).toEqual([{ quietHours: { enabled: true, startHour: 21, endHour: 8 } }]);
    expect(statusOf('Reminders')).toBe('✓ Saved');
    fireEvent.change(screen.getByRole('combobox', { name: 'From' }), { target: { value: '22' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Until' }), { target: { value: '7' } });
    await settle();
    expect(updates().slice(1)).toEqual([
      { quietHours: { enabled: true, startHour: 22, endHour: 8 } },
      { quietHours: { enabled: true, startHour: 22, endHour: 7 } },
    ]);
  });

  it('says that equal hours make no quiet hours', async () => {
    setup({ settings: { quietHours: { enabled: true, startHour: 9, endHour: 9 } } });
    await settle();
    expect(screen.getByText('From and until are the same hour: no hour is quiet.')).toBeTruthy();
  });

  it('the daily digest, the snooze length and the weekly backup reminder', async () => {
    const { updates } = setup({ settings: { snoozeMinutes: 90 } });
    await settle();
    fireEvent.click(screen.getByRole('checkbox', { name: /^Once a day, a notification/ }));
    await settle();
    fireEvent.change(screen.getByRole('combobox', { name: 'At' }), { target: { value: '18' } });
    await settle();
    const snooze = screen.getByRole('combobox', { name: '“Snooze” puts a reminder off for' }) as HTMLSelectElement;
    // A length set elsewhere is kept among the choices, spelt out.
    expect(snooze.value).toBe('90');
    expect(snooze.selectedOptions[0]!.textContent).toBe('90 minutes');
    fireEvent.change(snooze, { target: { value: String(60 * 24 * 7) } });
    await settle();
    fireEvent.click(screen.getByRole('checkbox', { name: /^Remind me once a week to save a backup/ }));
    await settle();
    expect(updates()).toEqual([
      { digest: { enabled: true, hour: 8 } },
      { digest: { enabled: true, hour: 18 } },
      { snoozeMinutes: 60 * 24 * 7 },
      { backupReminder: true },
    ]);
  });
});

describe('where Rapport works', () => {
  it('switches each site on and off (the whole sites setting saved)', async () => {
    const { updates } = setup();
    await settle();
    const gmail = screen.getByRole('checkbox', { name: /^Gmail/ }) as HTMLInputElement;
    expect(gmail.checked).toBe(true);
    fireEvent.click(gmail);
    await settle();
    expect(updates()).toEqual([{ sites: { linkedin: true, gmail: false, outlook: true } }]);
    expect((screen.getByRole('checkbox', { name: /^Gmail/ }) as HTMLInputElement).checked).toBe(false);
    expect(statusOf('Where Rapport works')).toBe('✓ Saved');
    fireEvent.click(screen.getByRole('checkbox', { name: /^LinkedIn/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /^Outlook on the web/ }));
    await settle();
    expect(updates().at(-1)).toEqual({ sites: { linkedin: false, gmail: false, outlook: false } });
  });

  it('moves the sidebar to the side panel and back', async () => {
    const { updates } = setup();
    await settle();
    expect((screen.getByRole('radio', { name: /^In the page/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'In Chrome’s side panel, beside every page' }));
    await settle();
    expect(updates()).toEqual([{ sidebarHost: 'side-panel' }]);
    expect((screen.getByRole('radio', { name: /side panel/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: /^In the page/ }));
    await settle();
    expect(updates()).toEqual([{ sidebarHost: 'side-panel' }, { sidebarHost: 'page' }]);
  });

  it('names Firefox’s sidebar in Firefox', async () => {
    setup({ browserKind: 'firefox' });
    await settle();
    expect(screen.getByRole('radio', { name: 'In Firefox’s sidebar, beside every page' })).toBeTruthy();
    expect(screen.getByText(/View → Sidebar → Rapport/)).toBeTruthy();
  });

  it('auto-log of sent mail: off by default, explained, saved when turned on', async () => {
    const { updates } = setup();
    await settle();
    const box = screen.getByRole('checkbox', { name: 'Log e-mails I send to contacts' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(box.getAttribute('aria-describedby')).toBe('auto-log-what');
    expect(document.getElementById('auto-log-what')!.textContent).toMatch(/Rapport never sends anything itself/);
    fireEvent.click(box);
    await settle();
    expect(updates()).toEqual([{ autoLogSentMail: true }]);
  });
});

describe('weekly goals', () => {
  it('saves each goal with the others unchanged, and refuses one beyond 100', async () => {
    const { updates } = setup();
    await settle();
    commit(screen.getByRole('textbox', { name: 'Conversations a week' }), '7');
    await settle();
    expect(updates()).toEqual([{ weeklyGoals: { newContacts: 5, followUps: 5, conversations: 7 } }]);
    expect(statusOf('Weekly goals')).toBe('✓ Saved');
    commit(screen.getByRole('textbox', { name: 'Follow-ups a week' }), '101');
    await settle();
    expect(updates()).toHaveLength(1);
    expect(screen.getByRole('alert').textContent).toBe('Follow-ups a week: Enter a whole number from 0 to 100.');
    commit(screen.getByRole('textbox', { name: 'New contacts a week' }), '0');
    await settle();
    expect(updates().at(-1)).toEqual({ weeklyGoals: { newContacts: 0, followUps: 5, conversations: 7 } });
  });
});

describe('following changes made elsewhere', () => {
  it('shows settings changed in another tab or the popup (settings-changed)', async () => {
    const { fake, setElsewhere } = setup();
    await settle();
    setElsewhere({ sites: { linkedin: true, gmail: false, outlook: true }, weeklyGoals: { newContacts: 9, followUps: 5, conversations: 3 } });
    await broadcast('settings-changed');
    await settle();
    expect(fake.sent('settings.get')).toHaveLength(2);
    expect((screen.getByRole('checkbox', { name: /^Gmail/ }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('textbox', { name: 'New contacts a week' }) as HTMLInputElement).value).toBe('9');
  });

  it('an invalid value being corrected gives way to the stored one when it changes elsewhere', async () => {
    const { setElsewhere } = setup();
    await settle();
    commit(screen.getByRole('textbox', { name: 'Mentor' }), '0');
    await settle();
    setElsewhere({ cadenceDaysByType: { ...DEFAULT_CADENCE_DAYS, mentor: 21 } });
    await broadcast('settings-changed');
    await settle();
    expect((screen.getByRole('textbox', { name: 'Mentor' }) as HTMLInputElement).value).toBe('21');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('ignores other broadcasts', async () => {
    const { fake } = setup();
    await settle();
    await broadcast('ticklers-changed');
    await settle();
    expect(fake.sent('settings.get')).toHaveLength(1);
  });
});

describe('elevator pitches', () => {
  it('lists them with the card’s editor, and reloads on pitches-changed', async () => {
    const { fake } = setup();
    await settle();
    const pitches = group('Elevator pitches');
    expect(within(pitches).getByText('I build data pipelines that people trust.')).toBeTruthy();
    expect(within(pitches).getByRole('button', { name: 'New pitch' })).toBeTruthy();
    // Shown as they are (no disclosure to open) under the group's own heading.
    expect(pitches.querySelector('details')).toBeNull();
    fake.on('pitches.list', () => [makePitch(), makePitch({ id: 31, audience: 'alumni', text: 'Fellow graduate…' })]);
    await broadcast('pitches-changed');
    await settle();
    expect(within(pitches).getByText('Fellow graduate…')).toBeTruthy();
  });
});

describe('target companies', () => {
  const three: TargetCompany[] = [
    { name: 'Acme', key: 'acme', rank: 1, contacts: 2 },
    { name: 'Globex', key: 'globex', rank: 2, contacts: 1 },
    { name: 'Initech', key: 'initech', rank: 3, contacts: 0 },
  ];
  const rows = () => within(screen.getByRole('list', { name: 'Target companies, best first' })).getAllByRole('listitem').map((li) => li.textContent);

  it('lists them best first with how many contacts you have at each', async () => {
    setup({ targets: three });
    await settle();
    expect(rows()).toEqual([
      '1Acme — 2 contacts↑ Up↓ DownRemove',
      '2Globex — 1 contact↑ Up↓ DownRemove',
      '3Initech — no contacts yet↑ Up↓ DownRemove',
    ]);
    expect((screen.getByRole('button', { name: 'Move Acme up' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Move Initech down' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says how to start when there are none', async () => {
    setup();
    await settle();
    expect(screen.getByText(/No target companies yet/)).toBeTruthy();
  });

  it('moves one up and down by its rank, keeping the keyboard focus on the moved row', async () => {
    const { fake } = setup({ targets: three });
    await settle();
    const up = screen.getByRole('button', { name: 'Move Initech up' });
    up.focus();
    fireEvent.click(up);
    await settle();
    expect(fake.sent('company.setTarget')).toEqual([{ name: 'Initech', target: true, rank: 2 }]);
    expect(rows().map((r) => r!.slice(0, 8))).toEqual(['1Acme — ', '2Initech', '3Globex ']);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move Initech up');
    expect(statusOf('Target companies')).toBe('✓ Initech moved to number 2');
    fireEvent.click(screen.getByRole('button', { name: 'Move Initech up' }));
    await settle();
    // At the top its "up" is off: the focus goes to its other button, not to the page.
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move Initech down');
    fireEvent.click(screen.getByRole('button', { name: 'Move Acme down' }));
    await settle();
    expect(fake.sent('company.setTarget').at(-1)).toEqual({ name: 'Acme', target: true, rank: 3 });
  });

  it('removes one, and undo puts it back at its rank', async () => {
    const { fake } = setup({ targets: three });
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Remove Globex from the list' }));
    await settle();
    expect(fake.sent('company.setTarget')).toEqual([{ name: 'Globex', target: false }]);
    expect(rows()).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Undo removing Globex' }));
    await settle();
    expect(fake.sent('company.setTarget').at(-1)).toEqual({ name: 'Globex', target: true, rank: 2 });
    expect(rows().map((r) => r!.slice(0, 7))).toEqual(['1Acme —', '2Globex', '3Initec']);
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();
  });

  it('adds one by name at the end; refuses a blank name and one already on the list', async () => {
    const { fake } = setup({ targets: three });
    await settle();
    const name = screen.getByRole('textbox', { name: 'Add a company' }) as HTMLInputElement;
    const add = screen.getByRole('button', { name: 'Add' });
    fireEvent.input(name, { target: { value: '   ' } });
    fireEvent.click(add);
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Type the company’s name.');
    fireEvent.input(name, { target: { value: 'ACME, Inc.' } });
    fireEvent.click(add);
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Acme is already number 1 on your list.');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(fake.sent('company.setTarget')).toEqual([]);
    fireEvent.input(name, { target: { value: '  Hooli ' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(add);
    await settle();
    expect(fake.sent('company.setTarget')).toEqual([{ name: 'Hooli', target: true }]);
    expect(name.value).toBe('');
    expect(rows()).toHaveLength(4);
  });

  it('refuses a name beyond 200 characters', async () => {
    const { fake } = setup();
    await settle();
    fireEvent.input(screen.getByRole('textbox', { name: 'Add a company' }), { target: { value: 'x'.repeat(201) } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('A company name is at most 200 characters.');
    expect(fake.sent('company.setTarget')).toEqual([]);
  });

  it('follows companies-changed and contacts-changed (ranks set on a company page, new contacts)', async () => {
    const { setTargets } = setup({ targets: three });
    await settle();
    setTargets([{ ...three[0]!, contacts: 5 }]);
    await broadcast('contacts-changed', { ids: [1] });
    await settle();
    expect(rows()).toEqual(['1Acme — 5 contacts↑ Up↓ DownRemove']);
    setTargets([]);
    await broadcast('companies-changed', { keys: ['acme'] });
    await settle();
    expect(screen.getByText(/No target companies yet/)).toBeTruthy();
  });

  it('renders hostile names as text', async () => {
    setup({ targets: [{ name: HOSTILE.img, key: 'x', rank: 1, contacts: 0 }, { name: HOSTILE.script, key: 'y', rank: 2, contacts: 0 }] });
    await settle();
    expect(screen.getByText(HOSTILE.img)).toBeTruthy();
    expectNoInjectedElements();
  });
});
