// The page-side helpers of the import screen: base64 for the message, column samples for the
// mapping step, and the progress sentence.
import { describe, expect, it } from 'vitest';
import { progressText, tooLargeMessage } from '../../../components/manager/transfer-text';
import { bytesToBase64 } from '../../../utils/transfer/base64';
import { columnSamples, SAMPLE_BYTES } from '../../../utils/transfer/column-samples';

describe('bytesToBase64', () => {
  it('matches Node’s encoding across chunk boundaries and for every padding', () => {
    for (const size of [0, 1, 2, 3, 49151, 49152, 49153, 200_001]) {
      const bytes = new Uint8Array(size).map((_, i) => (i * 7919) & 0xff);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });
});

describe('columnSamples', () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it('gives up to three non-blank values per column, in header order', () => {
    const text = 'Who;Mail;Firm\nAda;ada@x.org;\nGrace;grace@x.org;Navy\nKatherine;;NASA\nDorothy;d@x.org;NASA\n';
    expect(columnSamples('people.csv', encode(text))).toEqual([
      ['Ada', 'Grace', 'Katherine'],
      ['ada@x.org', 'grace@x.org', 'd@x.org'],
      ['Navy', 'NASA', 'NASA'],
    ]);
  });

  it('reads only the start of a large file, cut at a line break (no broken character)', () => {
    const row = 'Zoë Ünal,zoe@example.org\n';
    const text = `Name,Mail\n${row.repeat(Math.ceil((SAMPLE_BYTES * 2) / row.length))}`;
    expect(columnSamples('people.csv', encode(text))).toEqual([
      ['Zoë Ünal', 'Zoë Ünal', 'Zoë Ünal'],
      ['zoe@example.org', 'zoe@example.org', 'zoe@example.org'],
    ]);
  });

  it('gives nothing for what is not a CSV', () => {
    expect(columnSamples('x.vcf', encode('BEGIN:VCARD\nFN:Ada\nEND:VCARD\n'))).toEqual([]);
    expect(columnSamples('x.csv', new Uint8Array([0, 1, 2, 3]))).toEqual([]);
  });
});

describe('progressText', () => {
  it('says how far each phase is', () => {
    expect(progressText({ phase: 'writing', done: 4200, total: 10000 })).toBe('Writing 4,200 of 10,000…');
    expect(progressText({ phase: 'writing', done: 12, total: 10 })).toBe('Writing 10 of 10…');
    expect(progressText({ phase: 'reading', done: 1024 * 1024, total: 3 * 1024 * 1024 })).toBe('Reading the file… 1.0 MB of 3.0 MB');
    expect(progressText({ phase: 'planning', done: 0, total: 0 })).toBe('Comparing with your contacts…');
    expect(tooLargeMessage(31 * 1024 * 1024, 30 * 1024 * 1024)).toBe('This file is 31.0 MB; Rapport reads files of up to 30.0 MB. Nothing was imported.');
  });
});
