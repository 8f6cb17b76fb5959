import { describe, expect, it } from 'vitest';
import { sentToastText } from '../../../utils/webmail/sent-toast-text';

describe('sentToastText', () => {
  it('one name', () => {
    expect(sentToastText(['Ada Lovelace'])).toBe('Logged in Rapport: e-mail to Ada Lovelace');
  });
  it('two names', () => {
    expect(sentToastText(['Ada Lovelace', 'Grace Hopper'])).toBe('Logged in Rapport: e-mail to Ada Lovelace and Grace Hopper');
  });
  it('three names: the first and "2 others"', () => {
    expect(sentToastText(['Ada Lovelace', 'Grace Hopper', 'Alan Turing'])).toBe('Logged in Rapport: e-mail to Ada Lovelace and 2 others');
  });
  it('five names: the first and "4 others"', () => {
    expect(sentToastText(['A', 'B', 'C', 'D', 'E'])).toBe('Logged in Rapport: e-mail to A and 4 others');
  });
  it('empty', () => {
    expect(sentToastText([])).toBe('Nothing logged.');
  });
});
