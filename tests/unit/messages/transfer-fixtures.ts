// Valid and malformed payloads of the import / export / restore messages, for the dispatch
// table. The valid plans create one person nobody else in the tests is, so their hash is the
// same whatever the harness seeded.
import { planImportFile, planRestoreText } from '../../../utils/background/transfer';
import { MAX_BACKUP_CHARS, MAX_BASE64_CHARS } from '../../../utils/messages/transfer-schemas';
import { serializeBackup, type BackupTables } from '../../../utils/transfer/backup';
import { T0 } from './harness';

interface BadPayload {
  name: string;
  payload: unknown;
  paths: string[];
}

export const CONNECTIONS_TEXT =
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n' +
  'Katherine,Johnson,https://www.linkedin.com/in/katherine-johnson,,NASA,Mathematician,12 Mar 2024\r\n';
export const CONNECTIONS_BYTES = new TextEncoder().encode(CONNECTIONS_TEXT);
export const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

const EMPTY: BackupTables = { contacts: [], interactions: [], reminders: [], companies: [], pitches: [], settings: [] };

export const validImport = {
  fileName: 'Connections.csv',
  data: toBase64(CONNECTIONS_BYTES),
  planHash: planImportFile('Connections.csv', CONNECTIONS_BYTES, undefined, []).hash,
  acceptOffered: false,
};

export const BACKUP_TEXT = serializeBackup(
  {
    ...EMPTY,
    contacts: [
      { id: 100, name: 'Dorothy Vaughan', emails: ['dorothy@example.org'], phones: [], tags: ['nasa'], notes: '', createdAt: T0, updatedAt: T0 },
    ],
  },
  T0,
);
const restoreHash = planRestoreText(BACKUP_TEXT, EMPTY).hash;
if (!restoreHash) throw new Error('the fixture backup does not plan');
export const validRestore = { backupText: BACKUP_TEXT, planHash: restoreHash, overwriteConflicts: false };

const with_ = <T extends object>(base: T, patch: Record<string, unknown>) => ({ ...base, ...patch });
const without = <T extends object>(base: T, key: string) => {
  const { [key]: _dropped, ...rest } = base as Record<string, unknown>;
  return rest;
};

export const transferBad = {
  /** The picked file's fields. */
  file: <T extends { fileName: string; data: string }>(valid: T): BadPayload[] => [
    { name: 'no fileName', payload: without(valid, 'fileName'), paths: ['fileName'] },
    { name: 'a blank fileName', payload: with_(valid, { fileName: '  ' }), paths: ['fileName'] },
    { name: 'a fileName beyond 255 chars', payload: with_(valid, { fileName: `${'a'.repeat(252)}.csv` }), paths: ['fileName'] },
    { name: 'a numeric fileName', payload: with_(valid, { fileName: 3 }), paths: ['fileName'] },
    { name: 'no data', payload: without(valid, 'data'), paths: ['data'] },
    { name: 'empty data', payload: with_(valid, { data: '' }), paths: ['data'] },
    { name: 'data that is not base64', payload: with_(valid, { data: 'not base64!' }), paths: ['data'] },
    { name: 'data as a number array', payload: with_(valid, { data: [1, 2, 3] }), paths: ['data'] },
    { name: 'data beyond 30 MB', payload: with_(valid, { data: 'A'.repeat(MAX_BASE64_CHARS + 4) }), paths: ['data'] },
    { name: 'a mapping that is not a list', payload: with_(valid, { mapping: { 0: 'name' } }), paths: ['mapping'] },
    { name: 'a mapping to an unknown field', payload: with_(valid, { mapping: ['name', 'salary'] }), paths: ['mapping.1'] },
    { name: 'a mapping of 1001 columns', payload: with_(valid, { mapping: Array.from({ length: 1001 }, () => null) }), paths: ['mapping'] },
  ],
  /** A backup's text. */
  backup: <T extends { backupText: string }>(valid: T): BadPayload[] => [
    { name: 'no backupText', payload: without(valid, 'backupText'), paths: ['backupText'] },
    { name: 'an empty backupText', payload: with_(valid, { backupText: '' }), paths: ['backupText'] },
    { name: 'a backupText object', payload: with_(valid, { backupText: { format: 'rapport-backup' } }), paths: ['backupText'] },
    { name: 'a backupText beyond the limit', payload: with_(valid, { backupText: ' '.repeat(MAX_BACKUP_CHARS + 1) }), paths: ['backupText'] },
  ],
  /** The apply step's own fields. */
  apply: <T extends { planHash: string }>(valid: T, flag: string): BadPayload[] => [
    { name: 'no planHash', payload: without(valid, 'planHash'), paths: ['planHash'] },
    { name: 'a short planHash', payload: with_(valid, { planHash: 'abc' }), paths: ['planHash'] },
    { name: 'an upper-case planHash', payload: with_(valid, { planHash: valid.planHash.toUpperCase() }), paths: ['planHash'] },
    { name: `a string ${flag}`, payload: with_(valid, { [flag]: 'yes' }), paths: [flag] },
  ],
};
