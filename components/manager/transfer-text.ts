// The words of the "Import & export" section: labels of formats, fields and tables, and the
// progress sentence. Pure (no DOM), so every wording is tested without a browser.
import type { ImportPreview, RestorePreview } from '../../utils/messages/transfer-schemas';
import type { MappableField } from '../../utils/transfer/csv-import';

export const FORMAT_LABELS: Record<ImportPreview['format'], string> = {
  'linkedin-connections': 'LinkedIn Connections export',
  'google-csv': 'Google Contacts export (CSV)',
  'outlook-csv': 'Outlook contacts export (CSV)',
  'generic-csv': 'A CSV file: choose what each column holds',
  vcard: 'vCard file',
  'rapport-backup': 'Rapport backup',
  unknown: 'A file Rapport cannot read',
};

export const FIELD_LABELS: Record<MappableField, string> = {
  name: 'Full name',
  firstName: 'First name',
  middleName: 'Middle name',
  lastName: 'Last name',
  email: 'E-mail',
  phone: 'Phone',
  company: 'Company',
  title: 'Job title',
  headline: 'Headline',
  location: 'Location',
  linkedinUrl: 'LinkedIn profile URL',
  tags: 'Tags',
  notes: 'Notes',
  type: 'Contact type',
  howWeMetEvent: 'How we met',
  howWeMetDate: 'When we met',
  howWeMetPlace: 'Where we met',
  interests: 'Interests',
  cadenceDays: 'Keep in touch every … days',
  nextFollowUp: 'Next follow-up',
};

export const MATCHED_BY: Record<ImportPreview['update'][number]['matchedBy'], string> = {
  linkedin: 'same LinkedIn profile',
  email: 'same e-mail address',
  'name-company': 'same name and company',
};

export const TABLE_LABELS: Record<keyof RestorePreview['counts'], string> = {
  contacts: 'Contacts',
  interactions: 'Interactions',
  reminders: 'Follow-ups and commitments',
  companies: 'Companies',
  pitches: 'Pitches',
  settings: 'Settings',
};

/** The field names a fill or offer touches, in words ("headline, company"). */
export function fieldList(fields: Record<string, unknown>): string {
  const names: Record<string, string> = {
    ...FIELD_LABELS,
    linkedinSlug: 'LinkedIn profile',
    linkedinUrl: 'LinkedIn profile',
    howWeMet: 'how we met',
  };
  const words = [...new Set(Object.keys(fields).filter((k) => fields[k] !== undefined).map((k) => (names[k] ?? k).toLowerCase()))];
  return words.join(', ');
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Where a transfer is: the page reading the file, or the worker's phases (see transfer-progress.ts). */
export type ProgressPhase = 'reading' | 'sending' | 'parsing' | 'planning' | 'writing';
export interface ProgressState {
  phase: ProgressPhase;
  done: number;
  total: number;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;
}

/** The sentence under the progress bar: "Writing 4,200 of 10,000…". */
export function progressText({ phase, done, total }: ProgressState, noun = 'contacts'): string {
  const n = (v: number) => v.toLocaleString('en-US');
  switch (phase) {
    case 'reading':
      return total ? `Reading the file… ${megabytes(done)} of ${megabytes(total)}` : 'Reading the file…';
    case 'sending':
      return 'Handing the file to Rapport…';
    case 'parsing':
      return 'Reading the rows…';
    case 'planning':
      return `Comparing with your ${noun === 'records' ? 'data' : 'contacts'}…`;
    case 'writing':
      return total ? `Writing ${n(Math.min(done, total))} of ${n(total)}…` : 'Writing…';
  }
}

/** A file too large to send is refused before it is read; says the limit. */
export function tooLargeMessage(size: number, limit: number): string {
  return `This file is ${megabytes(size)}; Rapport reads files of up to ${megabytes(limit)}. Nothing was imported.`;
}
