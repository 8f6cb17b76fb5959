import { describe, expect, it } from 'vitest';
import { changesFromPage, isJobChange, PAGE_FIELDS, type FieldChange } from '../../utils/contact-changes';
import type { Contact } from '../../utils/model/contact';

const contact: Contact = {
  id: 1,
  name: 'Ada Lovelace',
  headline: 'Analyst of engines',
  company: 'Analytical Engines, Ltd.',
  companyKey: 'analytical engines',
  title: 'Analyst',
  emails: ['ada@example.com'],
  phones: [],
  tags: ['poetry'],
  notes: 'Never overwrite these.',
  createdAt: 1,
  updatedAt: 2,
};

describe('changesFromPage', () => {
  it('reports nothing when the page says what the contact says', () => {
    expect(
      changesFromPage(contact, {
        name: 'Ada Lovelace',
        headline: 'Analyst of engines',
        company: 'Analytical Engines, Ltd.',
        title: 'Analyst',
      }),
    ).toEqual([]);
  });

  it('ignores differences of case and whitespace only', () => {
    expect(
      changesFromPage(contact, {
        name: '  ADA   lovelace ',
        headline: 'analyst\nof\tengines',
        company: 'ANALYTICAL ENGINES, LTD.',
        title: ' analyst ',
      }),
    ).toEqual([]);
  });

  it('ignores empty and blank page values: a page that shows less never clears a field', () => {
    expect(changesFromPage(contact, { name: '', headline: '   ', company: '\n', title: undefined, location: '' })).toEqual([]);
    expect(changesFromPage(contact, {})).toEqual([]);
  });

  it('reports changed fields with from and to, in field order, with the page value tidied', () => {
    expect(
      changesFromPage(contact, {
        location: 'London,   England',
        title: 'Countess',
        company: '  Babbage Works ',
        name: 'Ada Lovelace',
      }),
    ).toEqual<FieldChange[]>([
      { field: 'company', from: 'Analytical Engines, Ltd.', to: 'Babbage Works' },
      { field: 'title', from: 'Analyst', to: 'Countess' },
      { field: 'location', to: 'London, England' },
    ]);
  });

  it('a field the contact does not have yet has no `from`', () => {
    const [change] = changesFromPage(contact, { location: 'London' });
    expect(change).toEqual({ field: 'location', to: 'London' });
    expect(change).not.toHaveProperty('from');
  });

  it('a legal-form-only difference is still a change (it is the user’s call)', () => {
    expect(changesFromPage(contact, { company: 'Analytical Engines' })).toEqual([
      { field: 'company', from: 'Analytical Engines, Ltd.', to: 'Analytical Engines' },
    ]);
  });

  it('only looks at page fields: never notes, tags, e-mails', () => {
    expect(PAGE_FIELDS).toEqual(['name', 'headline', 'company', 'title', 'location']);
    const page = { notes: 'From the page', tags: 'x', emails: 'evil@example.com', headline: 'New headline' } as Record<string, string>;
    expect(changesFromPage(contact, page).map((c) => c.field)).toEqual(['headline']);
  });
});

describe('isJobChange', () => {
  it('is a job change when the company changes from a known previous one', () => {
    const changes = changesFromPage(contact, { company: 'Babbage Works' });
    expect(isJobChange(changes)).toBe(true);
  });

  it('is not a job change when there was no previous company (a first one)', () => {
    const { company: _company, companyKey: _key, ...noCompany } = contact;
    const changes = changesFromPage(noCompany, { company: 'Babbage Works' });
    expect(changes).toEqual([{ field: 'company', to: 'Babbage Works' }]);
    expect(isJobChange(changes)).toBe(false);
  });

  it('is not a job change when only other fields changed', () => {
    expect(isJobChange(changesFromPage(contact, { title: 'Countess', headline: 'Poetical scientist' }))).toBe(false);
    expect(isJobChange([])).toBe(false);
  });

  it('is not a job change when the company differs in case or spacing only', () => {
    expect(isJobChange(changesFromPage(contact, { company: 'analytical  engines, ltd.' }))).toBe(false);
  });
});
