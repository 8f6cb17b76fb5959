// vCard reading (2.1 / 3.0 / 4.0, as Apple, Google, Android and Outlook write them) and writing
// (4.0), with the round trip as a property.
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { canonicalProfileUrl } from '../../../utils/linkedin/profile-url';
import { escapeText, foldLine, parseContentLine, parseVCard, unfold, writeVCard, writeVCards } from '../../../utils/transfer/vcard';
import { contactsArb } from './arbitraries';
import { fixture, storedContact } from './helpers';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('reading vCard 3.0 (Apple Contacts style)', () => {
  const file = parseVCard(fixture('contacts-3.0.vcf'));

  it('reads every card, naming each by its BEGIN:VCARD line', () => {
    expect(file.problems).toEqual([]);
    expect(file.rows.map((r) => r.line)).toEqual([1, 18]);
    // FN:, N:;;;; and no e-mail: nothing to call this card.
    expect(file.skipped).toEqual([{ line: 26, reason: 'no name and no e-mail address' }]);
  });

  it('unescapes \\, \\; \\n \\\\, joins a fold that split the two bytes of "ø", reads grouped properties', () => {
    expect(file.rows[0]!.draft).toEqual({
      name: 'Thilde Markström',
      company: 'Volvo Cars',
      title: 'Data Engineer',
      emails: ['thilde@example.se'],
      phones: ['+46 70 123 45 67'],
      // item2.URL, with the "\:" Apple writes in URLs.
      linkedinSlug: 'thilde-markström-02a5192b7',
      linkedinUrl: 'https://www.linkedin.com/in/thilde-markstr%C3%B6m-02a5192b7/',
      tags: ['Data, ML', 'Gothenburg'],
      notes: 'Met at the Volvo data meetup, Gothenburg.\nLikes Kafka; hates YAML. Path C:\\data. Favourite dish: smørrebrød from Ærø.',
    });
    expect(file.rows[0]!.warnings).toEqual([]);
  });

  it('builds the name from N when there is no FN; reads X-SOCIALPROFILE and folded notes', () => {
    expect(file.rows[1]!.draft).toMatchObject({
      name: 'Grace Brewster Hopper',
      emails: ['grace@example.org'],
      linkedinSlug: 'grace-hopper-3d4e5f',
      notes: 'Line one\nLine two with a very long text that goes on and on so that the line must be folded at seventy-five octets as RFC 2426 says.',
    });
  });

  it('needs the bytes for a fold inside a character: decoded text has already lost it', () => {
    const lossy = parseVCard(new TextDecoder().decode(fixture('contacts-3.0.vcf')));
    expect(lossy.rows[0]!.draft.notes).toContain('sm\uFFFD\uFFFDrrebrød');
  });
});

describe('reading vCard 4.0', () => {
  const file = parseVCard(fixture('contacts-4.0.vcf'));

  it('LF line ends, tab folding, lower-case keywords, several cards', () => {
    expect(file.problems).toEqual([]);
    expect(file.rows.map((r) => [r.line, r.draft.name])).toEqual([[1, 'Ada Lovelace'], [16, 'Émile Zola'], [23, 'Linus Ek 🦀']]);
  });

  it('EMAIL, TEL as a tel: URI, ORG with an escaped comma, NOTE, CATEGORIES, URL, ADR', () => {
    expect(file.rows[0]!.draft).toEqual({
      name: 'Ada Lovelace',
      emails: ['ada@example.org', 'ada.l@example.net'],
      phones: ['+44-20-7946-0000'],
      company: 'Babbage & Co., Ltd',
      title: 'Programmer',
      notes: 'Ask about Bernoulli numbers; bring the notes.\nBackslash: \\ and a comma, folded with a tab. 🚀',
      tags: ['mentor', 'math'],
      linkedinSlug: 'ada-lovelace-0a1b2c3d',
      linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace-0a1b2c3d/',
      location: 'London, United Kingdom',
    });
  });

  it('an invalid e-mail is left out with a warning; a URL that is not LinkedIn is ignored silently', () => {
    expect(file.rows[1]!.draft.emails).toEqual(['emile@example.fr']);
    expect(file.rows[1]!.warnings).toEqual(['"not an address" is not a valid e-mail address; left out']);
    expect(file.rows[2]!.draft.linkedinSlug).toBeUndefined();
    expect(file.rows[2]!.warnings).toEqual([]);
  });
});

describe('reading vCard 2.1', () => {
  it('QUOTED-PRINTABLE (UTF-8 and ISO-8859-1, with a soft line break) and bare parameters', () => {
    const file = parseVCard(fixture('contacts-2.1.vcf'));
    expect(file.problems).toEqual([]);
    expect(file.rows[0]!.draft).toMatchObject({
      name: 'Åsa Åkesson',
      phones: ['+46701234567'],
      emails: ['asa@example.se'],
      notes: 'Träffade på mässan i Göteborg, pratade om jobb på SKF.',
    });
  });
});

describe('broken vCards: refused with the line', () => {
  it('a card without END:VCARD before the next card', () => {
    expect(parseVCard(fixture('broken-missing-end.vcf'))).toEqual({
      rows: [],
      skipped: [],
      notices: [],
      problems: [{ line: 5, message: 'Line 5: the card that begins here has no END:VCARD (a new card begins at line 8).' }],
    });
  });

  it('a file cut off inside a card', () => {
    expect(parseVCard(fixture('broken-truncated.vcf')).problems).toEqual([{ line: 1, message: 'Line 1: the card that begins here has no END:VCARD.' }]);
  });

  it('a line that is no property, text outside a card, END without BEGIN, no card at all', () => {
    expect(parseVCard(fixture('broken-bad-line.vcf')).problems).toEqual([
      { line: 4, message: 'Line 4: not a vCard property line ("NAME:value"): "this line has no colon".' },
    ]);
    expect(parseVCard('BEGIN:VCARD\nFN:A\nEND:VCARD\nhello\n').problems).toEqual([{ line: 4, message: 'Line 4: text outside a card (BEGIN:VCARD … END:VCARD).' }]);
    expect(parseVCard('END:VCARD\n').problems).toEqual([{ line: 1, message: 'Line 1: END:VCARD without a BEGIN:VCARD.' }]);
    expect(parseVCard('\n\n').problems).toEqual([{ line: 1, message: 'Line 1: the file holds no vCard.' }]);
  });
});

describe('content lines', () => {
  it('groups, parameters with quoted values containing ":" and ";", caret escapes', () => {
    const p = parseContentLine(`item3.ADR;TYPE="work,pref";LABEL="12 Main St;Floor 2:^nRoom ^'A^'":;;12 Main St;Springfield;;;USA`)!;
    expect(p.group).toBe('item3');
    expect(p.name).toBe('ADR');
    expect(p.params.get('TYPE')).toEqual(['work,pref']);
    expect(p.params.get('LABEL')).toEqual(['12 Main St;Floor 2:\nRoom "A"']);
    expect(p.value).toBe(';;12 Main St;Springfield;;;USA');
    expect(parseContentLine('TEL;CELL;VOICE:+1')!.params.get('TYPE')).toEqual(['CELL', 'VOICE']);
    expect(parseContentLine('no colon here')).toBeNull();
    expect(parseContentLine('X;A="unterminated:1')).toBeNull();
  });

  it('unfolds CRLF and LF followed by a space or a tab, keeping the start line', () => {
    expect(unfold('A:1\r\n 2\r\n\t3\nB:4\n').lines).toEqual([
      { line: 1, text: 'A:123' },
      { line: 4, text: 'B:4' },
      { line: 5, text: '' },
    ]);
    expect(unfold(utf8('A:1\r\n 2\r\nB:4')).lines).toEqual([{ line: 1, text: 'A:12' }, { line: 3, text: 'B:4' }]);
  });
});

describe('writing vCard 4.0', () => {
  const ada = storedContact({
    name: 'Ada King Lovelace',
    emails: ['ada@example.org'],
    phones: ['+44 20 7946 0000'],
    company: 'Babbage & Co., Ltd',
    title: 'Programmer',
    linkedinSlug: 'ada-lovelace-0a1b2c3d',
    linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace-0a1b2c3d/',
    tags: ['math', 'R&D; EMEA'],
    notes: 'Line one\r\nLine two; with, punctuation \\ here',
  });

  it('VERSION right after BEGIN, FN and N, CRLF, escaped text, CATEGORIES and the LinkedIn URL', () => {
    expect(writeVCard(ada)).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Ada King Lovelace',
        'N:Lovelace;Ada King;;;',
        'ORG:Babbage & Co.\\, Ltd',
        'TITLE:Programmer',
        'EMAIL:ada@example.org',
        'TEL:+44 20 7946 0000',
        'URL;TYPE=linkedin:https://www.linkedin.com/in/ada-lovelace-0a1b2c3d/',
        'CATEGORIES:math,R&D\\; EMEA',
        'NOTE:Line one\\nLine two\\; with\\, punctuation \\\\ here',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
  });

  it('folds at 75 octets, never inside a UTF-8 character or an escape', () => {
    const long = `NOTE:${'ö'.repeat(50)}${'\\n'.repeat(30)}${'🚀'.repeat(30)}`;
    const folded = foldLine(long);
    const physical = folded.split('\r\n').slice(0, -1);
    expect(physical.length).toBeGreaterThan(2);
    for (const line of physical) {
      expect(utf8(line).length).toBeLessThanOrEqual(75);
      expect(line.isWellFormed()).toBe(true);
      expect(line.endsWith('\\') && !line.endsWith('\\\\')).toBe(false);
    }
    expect(physical.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(unfold(utf8(folded)).lines[0]!.text).toBe(long);
  });

  it('escapes exactly backslash, comma, semicolon and line breaks', () => {
    expect(escapeText('a\\b,c;d\ne\r\nf\rg:h')).toBe('a\\\\b\\,c\\;d\\ne\\nf\\ng:h');
  });

  it('writes several cards that read back, and that ical.js (RFC 6350) reads too', () => {
    const grace = storedContact({ name: 'Grace Hopper', emails: ['grace@example.org'], notes: '' });
    const text = writeVCards([ada, grace]);
    expect(parseVCard(text).rows.map((r) => r.draft.name)).toEqual(['Ada King Lovelace', 'Grace Hopper']);
    const cards = ICAL.parse(text) as unknown as [string, [string, unknown, string, ...unknown[]][]][];
    expect(cards.map((card) => card[1].find((p) => p[0] === 'fn')![3])).toEqual(['Ada King Lovelace', 'Grace Hopper']);
  });

  it('property: write → parse keeps name, e-mails, phones, company, title, notes, tags and LinkedIn profile', () => {
    fc.assert(
      fc.property(contactsArb(4), fc.boolean(), (contacts, asBytes) => {
        const text = writeVCards(contacts);
        for (const line of text.split('\r\n')) expect(utf8(line).length).toBeLessThanOrEqual(75);
        const parsed = parseVCard(asBytes ? utf8(text) : text);
        expect(parsed.problems).toEqual([]);
        expect(parsed.skipped).toEqual([]);
        expect(parsed.rows.map((r) => r.draft)).toEqual(
          contacts.map((c) => ({
            name: c.name,
            emails: c.emails,
            phones: c.phones,
            tags: c.tags,
            notes: c.notes,
            ...(c.company ? { company: c.company } : {}),
            ...(c.title ? { title: c.title } : {}),
            ...(c.linkedinSlug ? { linkedinSlug: c.linkedinSlug, linkedinUrl: canonicalProfileUrl(c.linkedinSlug) } : {}),
          })),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('why not ical.js (2.2.1): the behaviours that ruled it out', () => {
  it('keeps "\\;" escaped in single-value text, and names no line for a broken card', () => {
    const [, props] = ICAL.parse('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nNOTE:a\\;b\r\nEND:VCARD\r\n') as unknown as [string, unknown[][]];
    expect(props.find((p) => p[0] === 'note')![3]).toBe('a\\;b');
    expect(() => ICAL.parse('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\n')).toThrow(/component began but did not end/);
    expect(() => ICAL.parse('BEGIN:VCARD\r\nVERSION:2.1\r\nTEL;CELL:1\r\nEND:VCARD\r\n')).toThrow();
  });
});
