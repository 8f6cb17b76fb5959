// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PageUpdates } from '../../../components/sidebar/PageUpdates';
import { RapportError } from '../../../utils/messages/client';
import type { Contact } from '../../../utils/model/contact';
import type { LinkedInProfileContext } from '../../../utils/model/page-context';
import { expectNoInjectedElements, fakeRequest, HOSTILE, makeContact, makeProfileContext, settle } from './helpers';

const stored = makeContact({
  id: 6,
  name: 'Ada Lovelace',
  headline: 'Analyst',
  company: 'Old Engines Ltd',
  title: 'Engineer',
  notes: 'Private notes',
  tags: ['mentor'],
});
const page = makeProfileContext({
  name: 'Ada  Lovelace',
  headline: 'Poet of science',
  company: 'Analytical Engines',
  title: 'engineer ',
  location: 'London',
  sources: { name: 'json-ld', headline: 'json-ld', company: 'embedded-data', title: 'dom-hook', location: 'dom-class' },
});

function setup(contact: Contact = stored, context: LinkedInProfileContext = page) {
  const fake = fakeRequest();
  const view = render(<PageUpdates contact={contact} context={context} request={fake.request} />);
  return { fake, ...view };
}

const offered = () => screen.getAllByRole('checkbox').map((box) => box.closest('label')!.textContent);

describe('PageUpdates', () => {
  it('offers only the page-derived fields that differ (ignoring case and spacing)', () => {
    setup();
    expect(screen.getByRole('heading', { name: 'Update from page' })).toBeTruthy();
    expect(offered()).toEqual([
      'Headline: Analyst → Poet of science',
      'Company: Old Engines Ltd → Analytical Engines',
      'Location: London',
    ]);
    expect(screen.getAllByRole('checkbox').every((b) => (b as HTMLInputElement).checked)).toBe(true);
    // The old value is struck through.
    expect(screen.getByText('Analyst').tagName).toBe('S');
  });

  it('notes a job change when there was a previous company', () => {
    setup();
    expect(screen.getByText('New company — a job change worth a congratulation.')).toBeTruthy();
  });

  it('does not call a first company a job change', () => {
    setup(makeContact({ id: 6, name: 'Ada Lovelace' }), makeProfileContext({ company: 'Analytical Engines', sources: { company: 'json-ld' } }));
    expect(offered()).toEqual(['Company: Analytical Engines']);
    expect(screen.queryByText(/job change/)).toBeNull();
  });

  it('never offers a field read from the URL', () => {
    const { container } = setup(
      makeContact({ id: 6, name: 'Ada Lovelace' }),
      makeProfileContext({ name: 'Ada Lovelace 0a1b2c', sources: { name: 'url' } }),
    );
    expect(container.innerHTML).toBe('');
  });

  it('offers the other fields when only the name came from the URL', () => {
    setup(
      makeContact({ id: 6, name: 'Ada Lovelace' }),
      makeProfileContext({ name: 'Ada King', headline: 'Poet', sources: { name: 'url', headline: 'title' } }),
    );
    expect(offered()).toEqual(['Headline: Poet']);
  });

  it('renders nothing when the page agrees with the card', () => {
    const { container } = setup(
      makeContact({ id: 6, name: 'Ada Lovelace', headline: 'Poet of science' }),
      makeProfileContext({ name: 'ada lovelace', headline: ' Poet  of science', sources: { name: 'json-ld', headline: 'json-ld' } }),
    );
    expect(container.innerHTML).toBe('');
  });

  it('applies only the ticked changes, and never notes or tags', async () => {
    const { fake } = setup();
    fireEvent.click(within(screen.getByText('Location').closest('label')!).getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: 'Apply selected' }));
    await settle();
    expect(fake.calls).toStrictEqual([
      { type: 'contact.update', payload: { id: 6, patch: { headline: 'Poet of science', company: 'Analytical Engines' } } },
    ]);
  });

  it('re-ticking a change includes it again', async () => {
    const { fake } = setup();
    const box = within(screen.getByText('Headline').closest('label')!).getByRole('checkbox');
    fireEvent.click(box);
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Apply selected' }));
    await settle();
    expect(Object.keys(fake.sent('contact.update')[0]!.patch)).toEqual(['headline', 'company', 'location']);
  });

  it('with nothing ticked, Apply just closes the offer', async () => {
    const { fake, container } = setup();
    for (const box of screen.getAllByRole('checkbox')) fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Apply selected' }));
    await settle();
    expect(fake.calls).toEqual([]);
    expect(container.innerHTML).toBe('');
  });

  it('"Not now" closes the offer without sending', async () => {
    const { fake, container } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    await settle();
    expect(fake.calls).toEqual([]);
    expect(container.innerHTML).toBe('');
  });

  it('says why an update failed', async () => {
    const { fake } = setup();
    fake.on('contact.update', () => {
      throw new RapportError('invalid-request', 'That LinkedIn profile already belongs to Grace Hopper.');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Apply selected' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Couldn’t update: That LinkedIn profile already belongs to Grace Hopper.');
    expect((screen.getByRole('button', { name: 'Apply selected' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('renders hostile page and card text as text', () => {
    const { container } = setup(
      makeContact({ id: 6, name: 'Ada', headline: HOSTILE.script, company: HOSTILE.rtl }),
      makeProfileContext({
        name: 'Ada',
        headline: HOSTILE.img,
        company: HOSTILE.emoji,
        sources: { name: 'json-ld', headline: 'json-ld', company: 'json-ld' },
      }),
    );
    expectNoInjectedElements();
    expect(offered()).toEqual([`Headline: ${HOSTILE.script} → ${HOSTILE.img}`, `Company: ${HOSTILE.rtl} → ${HOSTILE.emoji}`]);
    expect(container.querySelectorAll('s')).toHaveLength(2);
  });
});
