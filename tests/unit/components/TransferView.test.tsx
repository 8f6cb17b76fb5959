// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TransferView } from '../../../components/manager/TransferView';
import { RapportError } from '../../../utils/messages/client';
import type { ResponseOf } from '../../../utils/messages/contract';
import { MAX_IMPORT_BYTES, type ImportPreview, type RestorePreview } from '../../../utils/messages/transfer-schemas';
import { deferred, expectNoInjectedElements, fakeRequest, HOSTILE, settle } from './helpers';

beforeEach(() => {
  fakeBrowser.reset();
  history.replaceState(null, '', '/manager.html#view=transfer');
});

const HASH_A = 'a'.repeat(32);
const HASH_B = 'b'.repeat(32);

function importPreview(over: Partial<ImportPreview> = {}): ImportPreview {
  return {
    fileName: 'Connections.csv',
    format: 'linkedin-connections',
    planHash: HASH_A,
    counts: { create: 2, update: 1, skip: 1, merged: 0, problems: 0 },
    create: [
      { lines: [5], draft: { name: 'Katherine Johnson', emails: [], phones: [], tags: [], notes: '', company: 'NASA' }, warnings: [] },
      { lines: [6], draft: { name: HOSTILE.img, emails: [], phones: [], tags: [], notes: '' }, warnings: [] },
    ],
    update: [
      {
        contactId: 7,
        name: 'Ada Lovelace',
        lines: [7],
        matchedBy: 'linkedin',
        fill: { location: 'London' },
        offered: { headline: 'Analyst of engines' },
        addEmails: [],
        addPhones: [],
        addTags: [],
        warnings: [],
      },
    ],
    skip: [{ line: 8, reason: 'already in Rapport, nothing new' }],
    merged: [],
    problems: [],
    notices: [],
    ...over,
  };
}

const applied: ResponseOf<'import.apply'> = { created: [11, 12], updated: [7], counts: { created: 2, updated: 1, skipped: 1 } };

function file(text: string, name = 'Connections.csv') {
  return new File([text], name, { type: 'text/csv' });
}

async function pick(label: RegExp | string, f: File) {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [f], configurable: true });
  await act(async () => {
    fireEvent.change(input);
  });
  await settle();
}

function setup(overrides: Parameters<typeof fakeRequest>[0] = {}) {
  const fake = fakeRequest({
    'import.preview': () => importPreview(),
    'import.apply': () => applied,
    ...overrides,
  });
  render(<TransferView request={fake.request} onOpen={() => {}} />);
  return fake;
}

const base64 = (text: string) => Buffer.from(text, 'utf-8').toString('base64');

describe('TransferView: import', () => {
  it('shows the preview before anything is written, then applies with the plan hash', async () => {
    const fake = setup();
    await pick('File to import', file('First Name,Last Name\nKatherine,Johnson\n'));
    await waitFor(() => expect(screen.getByText(/LinkedIn Connections export/)).toBeTruthy());
    expect(fake.sent('import.preview')[0]).toMatchObject({ fileName: 'Connections.csv', data: base64('First Name,Last Name\nKatherine,Johnson\n') });
    expect(fake.types()).not.toContain('import.apply');
    expect(screen.getByText('2 new contacts will be created')).toBeTruthy();
    expect(screen.getByText(/1 contact already in Rapport will be updated/)).toBeTruthy();
    expect(screen.getByText('Line 8: already in Rapport, nothing new')).toBeTruthy();
    expect(screen.getByText(HOSTILE.img)).toBeTruthy();
    expectNoInjectedElements();
    const offered = screen.getByRole('checkbox', { name: /newer headline/ }) as HTMLInputElement;
    expect(offered.checked).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Import 3 contacts' }));
    await settle();
    expect(fake.sent('import.apply')).toEqual([
      expect.objectContaining({ fileName: 'Connections.csv', planHash: HASH_A, acceptOffered: false }),
    ]);
    expect(screen.getByText(/2 contacts created, 1 contact updated, 1 row skipped/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'See the imported contacts' }));
    expect(location.hash).toBe('');
  });

  it('sends acceptOffered when the offered updates are ticked', async () => {
    const fake = setup();
    await pick('File to import', file('x,y\n1,2\n'));
    await waitFor(() => screen.getByRole('checkbox', { name: /newer headline/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /newer headline/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Import 3 contacts' }));
    await settle();
    expect(fake.sent('import.apply')[0]).toMatchObject({ planHash: HASH_A, acceptOffered: true });
  });

  it('a generic CSV: the mapping shows each column with samples; a change previews again with it', async () => {
    const fake = setup({
      'import.preview': ({ mapping }) =>
        importPreview({
          format: 'generic-csv',
          planHash: mapping ? HASH_B : HASH_A,
          headers: ['Who', 'Mail', 'Firm'],
          mapping: mapping ?? ['name', 'email', null],
        }),
    });
    await pick('File to import', file('Who,Mail,Firm\nKatherine Johnson,kj@nasa.gov,NASA\n', 'people.csv'));
    const firm = (await waitFor(() => screen.getByLabelText('Import column “Firm” as'))) as HTMLSelectElement;
    expect(firm.value).toBe('');
    expect(screen.getByText('kj@nasa.gov')).toBeTruthy();
    await act(async () => {
      fireEvent.change(firm, { target: { value: 'company' } });
    });
    await settle();
    expect(fake.sent('import.preview')).toHaveLength(2);
    expect(fake.sent('import.preview')[1]!.mapping).toEqual(['name', 'email', 'company']);
    fireEvent.click(screen.getByRole('button', { name: 'Import 3 contacts' }));
    await settle();
    expect(fake.sent('import.apply')[0]).toMatchObject({ planHash: HASH_B, mapping: ['name', 'email', 'company'] });
  });

  it('a refused file names the line and says nothing was written; no import button', async () => {
    const fake = setup({
      'import.preview': () =>
        importPreview({
          counts: { create: 0, update: 0, skip: 0, merged: 0, problems: 1 },
          create: [],
          update: [],
          skip: [],
          problems: [{ line: 3, message: 'a quoted field never closes.' }],
        }),
    });
    await pick('File to import', file('a,b\n"x,1\n'));
    await waitFor(() => screen.getByText('Line 3: a quoted field never closes.'));
    expect(screen.getByText(/Nothing was written/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Import \d/ })).toBeNull();
    expect(fake.types()).not.toContain('import.apply');
  });

  it('a refused apply (the plan changed) says so and previews again', async () => {
    const fake = setup({
      'import.apply': () => {
        throw new RapportError('invalid-request', 'The contacts changed since the preview. Preview it again; nothing was written.');
      },
    });
    await pick('File to import', file('a,b\n1,2\n'));
    await waitFor(() => screen.getByRole('button', { name: 'Import 3 contacts' }));
    fireEvent.click(screen.getByRole('button', { name: 'Import 3 contacts' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toMatch(/changed since the preview/);
    // The stale plan can't be applied again: only a new preview goes on.
    expect(screen.queryByRole('button', { name: 'Import 3 contacts' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Preview again' }));
    await settle();
    expect(fake.sent('import.preview')).toHaveLength(2);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: 'Import 3 contacts' })).toBeTruthy();
  });

  it('refuses a file over the limit and an empty file without sending them', async () => {
    const fake = setup();
    const big = file('x');
    Object.defineProperty(big, 'size', { value: MAX_IMPORT_BYTES + 1 });
    await pick('File to import', big);
    expect(screen.getByRole('alert').textContent).toMatch(/up to 30\.0 MB\. Nothing was imported/);
    fireEvent.click(screen.getByRole('button', { name: 'Choose another file…' }));
    await pick('File to import', file(''));
    expect(screen.getByRole('alert').textContent).toMatch(/empty\. Nothing was imported/);
    // Only the last-backup line was asked for (it is shown on opening): no file was sent.
    expect(fake.calls.filter((c) => c.type !== 'backup.status')).toEqual([]);
  });

  it('an error from the worker shows with "nothing was imported"', async () => {
    setup({
      'import.preview': () => {
        throw new RapportError('invalid-request', 'Line 2: the file is not UTF-8.');
      },
    });
    await pick('File to import', file('a\n'));
    await waitFor(() => screen.getByRole('alert'));
    expect(screen.getByRole('alert').textContent).toMatch(/Line 2: the file is not UTF-8\. Nothing was imported\./);
  });

  it('shows the worker’s progress for its job as a real progress bar', async () => {
    const apply = deferred<ResponseOf<'import.apply'>>();
    const fake = setup({ 'import.apply': () => apply.promise });
    await pick('File to import', file('a,b\n1,2\n'));
    await waitFor(() => screen.getByRole('button', { name: 'Import 3 contacts' }));
    fireEvent.click(screen.getByRole('button', { name: 'Import 3 contacts' }));
    await settle();
    const job = fake.sent('import.apply')[0]!.job!;
    expect(job).toMatch(/^[A-Za-z0-9_-]+$/);
    await act(async () => {
      await fakeBrowser.runtime.sendMessage({ rapport: 1, event: 'transfer-progress', job: 'someone-else', phase: 'writing', done: 1, total: 2 });
      await fakeBrowser.runtime.sendMessage({ rapport: 1, event: 'transfer-progress', job, phase: 'writing', done: 4200, total: 10000 });
    });
    const bar = screen.getByRole('progressbar', { name: 'Import progress' }) as HTMLProgressElement;
    expect(bar.getAttribute('value')).toBe('4200');
    expect(bar.getAttribute('max')).toBe('10000');
    expect(screen.getByText('Writing 4,200 of 10,000…')).toBeTruthy();
    await act(async () => apply.resolve(applied));
    await settle();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});

describe('TransferView: import, more', () => {
  it('takes a file dropped on the section', async () => {
    const fake = setup();
    const section = screen.getByRole('region', { name: 'Import contacts' });
    const dropped = file('a,b\n1,2\n', 'dropped.csv');
    await act(async () => {
      fireEvent.dragOver(section, { dataTransfer: { types: ['Files'], files: [dropped] } });
    });
    expect(section.classList.contains('dragging')).toBe(true);
    await act(async () => {
      fireEvent.drop(section, { dataTransfer: { types: ['Files'], files: [dropped] } });
    });
    await waitFor(() => screen.getByText(/LinkedIn Connections export/));
    expect(section.classList.contains('dragging')).toBe(false);
    expect(fake.sent('import.preview')[0]).toMatchObject({ fileName: 'dropped.csv', data: base64('a,b\n1,2\n') });
  });

  it('shows the notices, e.g. a file read as Windows-1252', async () => {
    setup({ 'import.preview': () => importPreview({ notices: ['The file is not UTF-8; it was read as Windows-1252 (Western European).'] }) });
    await pick('File to import', file('a,b\n1,2\n'));
    const notices = await waitFor(() => screen.getByRole('list', { name: 'Notices' }));
    expect(notices.textContent).toMatch(/read as Windows-1252/);
  });

  it('a generic CSV without a name column: the problem, and the mapping to fix it', async () => {
    const fake = setup({
      'import.preview': ({ mapping }) =>
        mapping
          ? importPreview({ format: 'generic-csv', headers: ['A', 'B'], mapping })
          : importPreview({
              format: 'generic-csv',
              headers: ['A', 'B'],
              mapping: [null, null],
              counts: { create: 0, update: 0, skip: 0, merged: 0, problems: 1 },
              create: [],
              update: [],
              skip: [],
              problems: [{ line: 1, message: 'Line 1: no column holds a name or an e-mail address. Choose which columns to import.' }],
            }),
    });
    await pick('File to import', file('A,B\nAda,x\n', 'odd.csv'));
    await waitFor(() => screen.getByText(/no column holds a name/));
    expect(screen.queryByRole('button', { name: /^Import \d/ })).toBeNull();
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Import column “A” as'), { target: { value: 'name' } });
    });
    await settle();
    expect(fake.sent('import.preview')[1]!.mapping).toEqual(['name', null]);
    expect(screen.getByRole('button', { name: 'Import 3 contacts' })).toBeTruthy();
  });
});

describe('TransferView: export', () => {
  it('downloads each format as a Blob with the worker’s file name', async () => {
    const fake = setup({
      'export.file': ({ format }) => ({ fileName: `rapport-${format}.txt`, mimeType: 'application/json', text: `{"format":"${format}"}` }),
    });
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:fake';
    });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Back up everything (JSON)' }));
    await settle();
    expect(fake.sent('export.file')).toEqual([{ format: 'backup-json' }]);
    expect(create).toHaveBeenCalledTimes(1);
    expect(clicked).toEqual(['rapport-backup-json.txt']);
    expect(await blobs[0]!.text()).toBe('{"format":"backup-json"}');
    expect(blobs[0]!.type).toBe('application/json');
    expect(screen.getByText('Saved rapport-backup-json.txt to your downloads.')).toBeTruthy();
    expect(screen.getByText(/The only file that restores everything/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Contacts (vCard 4.0)' }));
    await settle();
    expect(clicked).toEqual(['rapport-backup-json.txt', 'rapport-vcard.txt']);
  });
  it('says when the last backup was, and updates it after a backup', async () => {
    let last: number | null = null;
    const fake = setup({
      'backup.status': () => ({ lastBackupAt: last, reminderEnabled: false, nextReminderAt: null }),
      'export.file': () => {
        last = Date.now();
        return { fileName: 'rapport-backup.json', mimeType: 'application/json', text: '{}' };
      },
    });
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:fake');
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await settle();
    expect(screen.getByText(/No backup yet · a weekly reminder can be turned on in Settings/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back up everything (JSON)' }));
    await settle();
    expect(fake.sent('backup.status')).toHaveLength(2);
    await waitFor(() => expect(screen.getByText(/^Last backup: /)).toBeTruthy());
    expect(screen.queryByText(/No backup yet/)).toBeNull();
  });
});

function restorePreview(over: Partial<RestorePreview> = {}): RestorePreview {
  const zero = { create: 0, conflicting: 0, skip: 0 };
  return {
    planHash: HASH_A,
    counts: {
      contacts: { create: 3, conflicting: 1, skip: 5 },
      interactions: { create: 10, conflicting: 0, skip: 0 },
      reminders: zero,
      companies: zero,
      pitches: zero,
      settings: { create: 0, conflicting: 1, skip: 0 },
    },
    conflicts: [
      { table: 'contacts', id: 4, label: 'Grace Hopper' },
      { table: 'settings', id: 'settings', label: 'Settings' },
    ],
    remapped: [],
    warnings: [],
    problems: [],
    ...over,
  };
}

describe('TransferView: restore', () => {
  it('shows what is added, identical and different; conflicts stay unless replacing is ticked', async () => {
    const fake = setup({
      'restore.preview': () => restorePreview(),
      'restore.apply': ({ overwriteConflicts }) => ({
        counts: {
          contacts: { created: 3, overwritten: overwriteConflicts ? 1 : 0 },
          interactions: { created: 10, overwritten: 0 },
          reminders: { created: 0, overwritten: 0 },
          companies: { created: 0, overwritten: 0 },
          pitches: { created: 0, overwritten: 0 },
          settings: { created: 0, overwritten: overwriteConflicts ? 1 : 0 },
        },
        contactIds: [1, 2, 3, 4],
        companyKeys: [],
        tables: ['contacts', 'interactions', 'settings'],
      }),
    });
    await pick('Backup file to restore', file('{"format":"rapport-backup"}', 'rapport-backup.json'));
    await waitFor(() => screen.getByText('Grace Hopper', { exact: false }));
    expect(fake.sent('restore.preview')[0]).toMatchObject({ backupText: '{"format":"rapport-backup"}' });
    const contactsRow = screen.getByRole('row', { name: /Contacts/ });
    expect(contactsRow.textContent).toBe('Contacts351');
    expect(screen.getByText(/2 records differ from your current version\. They stay as they are/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Restore 13 records' })).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Replace my current versions with the backup’s' }));
    fireEvent.click(screen.getByRole('button', { name: 'Restore 15 records' }));
    await settle();
    expect(fake.sent('restore.apply')[0]).toMatchObject({ planHash: HASH_A, overwriteConflicts: true, backupText: '{"format":"rapport-backup"}' });
    expect(screen.getByText(/Contacts: 3 added, 1 replaced; Interactions: 10 added; Settings: 1 replaced\./)).toBeTruthy();
  });

  it('a broken backup: its problem, and nothing restored', async () => {
    const fake = setup({
      'restore.preview': () => restorePreview({ planHash: '', conflicts: [], problems: [{ line: 4, message: 'not valid JSON.' }] }),
    });
    await pick('Backup file to restore', file('{"format":', 'rapport-backup.json'));
    await waitFor(() => screen.getByRole('alert'));
    expect(screen.getByRole('alert').textContent).toMatch(/Line 4: not valid JSON\. Nothing was restored\./);
    expect(fake.types()).not.toContain('restore.apply');
  });
});
