// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { DetailsSection } from '../../../components/card/DetailsSection';
import type { Contact } from '../../../utils/model/contact';
import { expectNoInjectedElements, fakeRequest, HOSTILE, makeContact, settle } from './helpers';

const ada = makeContact({
  id: 8,
  name: 'Ada Lovelace',
  headline: 'Analyst',
  company: 'Analytical Engines',
  title: 'Mathematician',
  location: 'London',
  emails: ['ada@example.com', 'countess@example.org'],
  phones: ['+44 20 7946 0000'],
  linkedinSlug: 'ada-lovelace',
  linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace/',
});

function setup(contact: Contact = ada) {
  const fake = fakeRequest();
  render(<DetailsSection contact={contact} request={fake.request} />);
  return { fake };
}

/**
 * Chrome's runtime messaging serialises as JSON, which drops keys whose value is undefined: a
 * clear must be sent as null so it survives the trip to the worker.
 */
const expectSurvivesJson = (sent: unknown) => expect(JSON.parse(JSON.stringify(sent))).toStrictEqual(sent);

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement | HTMLTextAreaElement;
async function edit(label: string, value: string) {
  const input = field(label);
  input.focus();
  fireEvent.input(input, { target: { value } });
  input.blur();
  await settle();
}

describe('DetailsSection', () => {
  it('shows every detail, lists one per line', () => {
    setup();
    expect(field('Name').value).toBe('Ada Lovelace');
    expect(field('Headline').value).toBe('Analyst');
    expect(field('Company').value).toBe('Analytical Engines');
    expect(field('Title').value).toBe('Mathematician');
    expect(field('Location').value).toBe('London');
    expect(field('E-mails (one per line)').value).toBe('ada@example.com\ncountess@example.org');
    expect(field('E-mails (one per line)').tagName).toBe('TEXTAREA');
    expect(field('Phones (one per line)').value).toBe('+44 20 7946 0000');
    expect(field('LinkedIn URL').value).toBe('https://www.linkedin.com/in/ada-lovelace/');
  });

  it('shows empty fields for details it does not have', () => {
    setup(makeContact({ name: 'Grace' }));
    for (const label of ['Headline', 'Company', 'Title', 'Location', 'E-mails (one per line)', 'Phones (one per line)', 'LinkedIn URL']) {
      expect(field(label).value).toBe('');
    }
  });

  it('saves one field at a time with contact.update', async () => {
    const { fake } = setup();
    await edit('Name', ' Ada King ');
    await edit('Title', 'Countess');
    expect(fake.calls).toStrictEqual([
      { type: 'contact.update', payload: { id: 8, patch: { name: 'Ada King' } } },
      { type: 'contact.update', payload: { id: 8, patch: { title: 'Countess' } } },
    ]);
  });

  it.each([
    ['Headline', 'headline'],
    ['Company', 'company'],
    ['Title', 'title'],
    ['Location', 'location'],
  ])('clears an emptied %s with %s null', async (label, key) => {
    const { fake } = setup();
    await edit(label, '');
    expect(fake.calls).toStrictEqual([{ type: 'contact.update', payload: { id: 8, patch: { [key]: null } } }]);
    expectSurvivesJson(fake.calls);
  });

  it('refuses an empty name and sends nothing', async () => {
    const { fake } = setup();
    await edit('Name', '   ');
    expect(screen.getByRole('alert').textContent).toBe('Name can’t be empty.');
    expect(field('Name').value).toBe('Ada Lovelace');
    expect(fake.calls).toEqual([]);
  });

  it('sends e-mails one per line (commas and semicolons split too, blanks dropped)', async () => {
    const { fake } = setup();
    await edit('E-mails (one per line)', 'ada@example.com\n\n  new@example.net , third@example.com;\n');
    await edit('Phones (one per line)', '+46 8 123 456\n+44 20 7946 0000');
    expect(fake.calls).toStrictEqual([
      { type: 'contact.update', payload: { id: 8, patch: { emails: ['ada@example.com', 'new@example.net', 'third@example.com'] } } },
      { type: 'contact.update', payload: { id: 8, patch: { phones: ['+46 8 123 456', '+44 20 7946 0000'] } } },
    ]);
  });

  it('shows the worker’s reason when it refuses an e-mail, keeping the text', async () => {
    const { fake } = setup();
    fake.expectRefusals();
    await edit('E-mails (one per line)', 'ada@example.com\nnot-an-address');
    expect(fake.sent('contact.update')).toEqual([{ id: 8, patch: { emails: ['ada@example.com', 'not-an-address'] } }]);
    expect(screen.getByRole('alert').textContent).toBe('Not saved: Invalid contact.update request. (patch.emails.1: Invalid email address)');
    expect(field('E-mails (one per line)').value).toBe('ada@example.com\nnot-an-address');
  });

  it.each([
    'https://example.com/in/ada-lovelace/',
    'https://www.linkedin.com/company/analytical-engines/',
    'linkedin.com/in/ada-lovelace',
    'https://www.linkedin.com/in/ACoAAB12345/',
    'javascript:alert(1)',
  ])('refuses %s as a LinkedIn profile and sends nothing', async (url) => {
    const { fake } = setup();
    await edit('LinkedIn URL', url);
    expect(screen.getByRole('alert').textContent).toBe(
      'Not saved: That is not a LinkedIn profile address (https://www.linkedin.com/in/…).',
    );
    expect(field('LinkedIn URL').value).toBe(url);
    expect(fake.calls).toEqual([]);
  });

  it('sends the canonical profile URL and its slug', async () => {
    const { fake } = setup(makeContact({ id: 8 }));
    await edit('LinkedIn URL', 'http://se.linkedin.com/in/Ada-Lovelace-0a1b2c/details/experience/?trk=x#top');
    expect(fake.calls).toStrictEqual([
      {
        type: 'contact.update',
        payload: { id: 8, patch: { linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace-0a1b2c/', linkedinSlug: 'ada-lovelace-0a1b2c' } },
      },
    ]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('clears the URL and the slug together, both with null', async () => {
    const { fake } = setup();
    await edit('LinkedIn URL', '');
    expect(fake.calls).toStrictEqual([
      { type: 'contact.update', payload: { id: 8, patch: { linkedinUrl: null, linkedinSlug: null } } },
    ]);
    expectSurvivesJson(fake.calls);
  });

  it('renders hostile details as text', () => {
    setup(
      makeContact({
        name: HOSTILE.img,
        headline: HOSTILE.script,
        company: HOSTILE.rtl,
        title: HOSTILE.emoji,
        location: '<svg onload=alert(1)>',
      }),
    );
    expectNoInjectedElements();
    expect(document.querySelector('svg')).toBeNull();
    expect(field('Name').value).toBe(HOSTILE.img);
    expect(field('Headline').value).toBe(HOSTILE.script);
    expect(field('Company').value).toBe(HOSTILE.rtl);
    expect(field('Title').value).toBe(HOSTILE.emoji);
    expect(field('Location').value).toBe('<svg onload=alert(1)>');
  });
});
