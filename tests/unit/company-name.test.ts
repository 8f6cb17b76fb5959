import { describe, expect, it } from 'vitest';
import { companyKey } from '../../utils/company-name';

describe('companyKey', () => {
  it.each([
    ['Acme, Inc.', 'acme'],
    ['ACME GmbH', 'acme'],
    ['Acme Ltd', 'acme'],
    ['Acme Holdings Ltd.', 'acme'],
    ['Société Générale SA', 'societe generale'],
    ['Procter & Gamble', 'procter and gamble'],
    ['Smith & Co', 'smith'],
    ['Babbage & Co. Ltd', 'babbage'],
    ['Babbage and Company', 'babbage'],
    ['Company', 'company'],
  ])('%s → %s', (name, key) => {
    expect(companyKey(name)).toBe(key);
  });

  it('has no key for empty names', () => {
    expect(companyKey(undefined)).toBeUndefined();
    expect(companyKey('  ,. ')).toBeUndefined();
  });
});
