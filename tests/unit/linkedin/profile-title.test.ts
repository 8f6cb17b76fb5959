import { describe, expect, it } from 'vitest';
import { parseProfileTitle, titleKey, type ParsedTitle } from '../../../utils/linkedin/profile-title';

describe('parseProfileTitle', () => {
  it.each<[string, ParsedTitle]>([
    // Logged in: an optional notification count, then only the name
    ['(3) Jane Doe | LinkedIn', { name: 'Jane Doe' }],
    ['(99+) Jane Doe | LinkedIn', { name: 'Jane Doe' }],
    ['(1)Jane Doe | LinkedIn', { name: 'Jane Doe' }],
    ['Jane Doe | LinkedIn', { name: 'Jane Doe' }],
    ['Thilde Markström | LinkedIn', { name: 'Thilde Markström' }],
    ['王小明 | LinkedIn', { name: '王小明' }],
    // Logged out: name, headline and company
    ['Jane Doe - Staff Engineer - Acme | LinkedIn', { name: 'Jane Doe', headline: 'Staff Engineer', company: 'Acme' }],
    ['Jane Doe – Staff Engineer – Acme | LinkedIn', { name: 'Jane Doe', headline: 'Staff Engineer', company: 'Acme' }],
    ['Jane Doe — Staff Engineer | LinkedIn', { name: 'Jane Doe', headline: 'Staff Engineer' }],
    // Hyphens without spaces belong to the name or headline
    ['Jean-Luc Picard - Captain - Starfleet | LinkedIn', { name: 'Jean-Luc Picard', headline: 'Captain', company: 'Starfleet' }],
    ['(3) Jean-Luc Picard | LinkedIn', { name: 'Jean-Luc Picard' }],
    ['Anne-Marie Dupont-Aignan - Co-founder - Acme-Corp | LinkedIn', { name: 'Anne-Marie Dupont-Aignan', headline: 'Co-founder', company: 'Acme-Corp' }],
    // Whitespace and newlines, as found in document.title of server-rendered pages
    ['  Jane   Doe  |  LinkedIn  ', { name: 'Jane Doe' }],
    ['\n  (3)\n  Jane\tDoe\n  | LinkedIn\n', { name: 'Jane Doe' }],
    ['Jane Doe\n - Staff   Engineer -\nAcme | LinkedIn', { name: 'Jane Doe', headline: 'Staff Engineer', company: 'Acme' }],
    // The suffix in another case
    ['Jane Doe | linkedin', { name: 'Jane Doe' }],
    ['Jane Doe|LinkedIn', { name: 'Jane Doe' }],
  ])('%j', (title, expected) => {
    expect(parseProfileTitle(title)).toEqual(expected);
  });

  it.each<[string, ParsedTitle['special']]>([
    ['Profile Not Found | LinkedIn', 'not-found'],
    ['(3) Profile Not Found | LinkedIn', 'not-found'],
    ['Page Not Found | LinkedIn', 'not-found'],
    ['profile not found | linkedin', 'not-found'],
    ['LinkedIn: Log In or Sign Up', 'sign-in'],
    ['  LinkedIn:   Log In or Sign Up  ', 'sign-in'],
    ['Sign Up | LinkedIn', 'sign-in'],
    ['Sign in to LinkedIn', 'sign-in'],
  ])('%j is a special page: %s', (title, special) => {
    // Special pages name nobody: nothing else may be read from them.
    expect(parseProfileTitle(title)).toEqual({ special });
  });

  it.each([
    'Feed | LinkedIn',
    '(3) Feed | LinkedIn',
    'LinkedIn | LinkedIn',
    'LinkedIn',
    '(3) LinkedIn',
    '',
    '   ',
    ' | LinkedIn',
    '(3) | LinkedIn',
    // Without the " | LinkedIn" suffix the title is not LinkedIn's profile title
    'Jane Doe',
    '(3) Jane Doe',
    'Jane Doe - Staff Engineer - Acme',
    'Jane Doe | Twitter',
    'Jane Doe | LinkedIn Learning',
    'LinkedIn | Jane Doe',
  ])('%j names nobody', (title) => {
    expect(parseProfileTitle(title)).toEqual({});
  });

  it('does not take a name that merely starts with "Feed" or "LinkedIn" for a non-profile page', () => {
    expect(parseProfileTitle('Feedback Fredriksson | LinkedIn')).toEqual({ name: 'Feedback Fredriksson' });
    expect(parseProfileTitle('Linkedin Larsson | LinkedIn')).toEqual({ name: 'Linkedin Larsson' });
  });

  it('does not take a parenthesised word for a notification count', () => {
    expect(parseProfileTitle('(Jane) Doe | LinkedIn')).toEqual({ name: '(Jane) Doe' });
  });
});

describe('titleKey', () => {
  it('ignores the notification count and whitespace', () => {
    expect(titleKey('(3) Jane Doe | LinkedIn')).toBe('Jane Doe | LinkedIn');
    expect(titleKey('(99+)  Jane\n Doe |  LinkedIn ')).toBe('Jane Doe | LinkedIn');
    expect(titleKey('(3) Jane Doe | LinkedIn')).toBe(titleKey('(4) Jane Doe | LinkedIn'));
    expect(titleKey('Jane Doe | LinkedIn')).toBe(titleKey('(1) Jane Doe | LinkedIn'));
  });

  it('keeps everything that tells pages apart', () => {
    expect(titleKey('(3) Jane Doe | LinkedIn')).not.toBe(titleKey('(3) John Doe | LinkedIn'));
    expect(titleKey('(3) Feed | LinkedIn')).not.toBe(titleKey('(3) Jane Doe | LinkedIn'));
  });
});
