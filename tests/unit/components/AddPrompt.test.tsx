// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { AddPrompt } from '../../../components/sidebar/AddPrompt';
import { RapportError } from '../../../utils/messages/client';
import type { LinkedInProfileContext } from '../../../utils/model/page-context';
import { deferred, expectNoInjectedElements, fakeRequest, HOSTILE, makeContact, makeProfileContext, settle } from './helpers';

const full = makeProfileContext({
  name: 'Ada Lovelace',
  headline: 'Poet of science',
  company: 'Analytical Engines',
  title: 'Mathematician',
  location: 'London',
  sources: { name: 'json-ld', headline: 'json-ld', company: 'dom-hook', title: 'dom-hook', location: 'dom-class' },
});

function setup(context: LinkedInProfileContext = full) {
  const fake = fakeRequest();
  const onAdded = vi.fn();
  render(<AddPrompt context={context} request={fake.request} onAdded={onAdded} />);
  return { fake, onAdded };
}

const field = (label: string) => screen.getByRole('textbox', { name: label }) as HTMLInputElement;
const submit = () => fireEvent.submit(document.querySelector('form')!);

describe('AddPrompt', () => {
  it('introduces the person and pre-fills every field from the page', () => {
    setup();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Ada Lovelace');
    expect(screen.getByText('Poet of science', { selector: 'p' })).toBeTruthy();
    expect(screen.getByText('Not in Rapport yet.')).toBeTruthy();
    expect(field('Name').value).toBe('Ada Lovelace');
    expect(field('Name').required).toBe(true);
    expect(field('Headline').value).toBe('Poet of science');
    expect(field('Company').value).toBe('Analytical Engines');
    expect(field('Title').value).toBe('Mathematician');
    expect(field('Location').value).toBe('London');
  });

  it('names the person by the slug, and notes what the page did not yield', () => {
    setup(makeProfileContext({ name: undefined, slug: 'ada-lovelace', missing: ['name', 'company'] }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('ada-lovelace');
    expect(screen.getByText('Couldn’t read the name or the current company on this page.')).toBeTruthy();
    expect(field('Name').value).toBe('');
    expect(field('Company').value).toBe('');
  });

  it('sends contact.create with the page’s fields and profile, then reports it', async () => {
    const { fake, onAdded } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Add to Rapport' }));
    await settle();
    expect(fake.calls).toStrictEqual([
      {
        type: 'contact.create',
        payload: {
          draft: {
            name: 'Ada Lovelace',
            headline: 'Poet of science',
            company: 'Analytical Engines',
            title: 'Mathematician',
            location: 'London',
            linkedinSlug: 'ada-lovelace',
            linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace/',
          },
        },
      },
    ]);
    expect(onAdded).toHaveBeenCalledTimes(1);
  });

  it('sends only the non-empty fields, trimmed, as the user left them', async () => {
    const { fake } = setup();
    fireEvent.input(field('Name'), { target: { value: '  Ada King  ' } });
    fireEvent.input(field('Headline'), { target: { value: '   ' } });
    fireEvent.input(field('Company'), { target: { value: '' } });
    fireEvent.input(field('Title'), { target: { value: ' Countess ' } });
    submit();
    await settle();
    expect(fake.calls).toStrictEqual([
      {
        type: 'contact.create',
        payload: {
          draft: {
            name: 'Ada King',
            title: 'Countess',
            location: 'London',
            linkedinSlug: 'ada-lovelace',
            linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace/',
          },
        },
      },
    ]);
  });

  it('refuses an empty name and sends nothing', async () => {
    const { fake, onAdded } = setup();
    fireEvent.input(field('Name'), { target: { value: '   ' } });
    submit();
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Couldn’t add this person: A contact needs a name.');
    expect(fake.calls).toEqual([]);
    expect(onAdded).not.toHaveBeenCalled();
  });

  it('is busy while adding', async () => {
    const { fake } = setup();
    const answer = deferred<{ contact: ReturnType<typeof makeContact>; created: boolean }>();
    fake.on('contact.create', () => answer.promise);
    submit();
    await settle();
    const button = screen.getByRole('button', { name: 'Adding…' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    answer.resolve({ contact: makeContact(), created: true });
    await settle();
  });

  it('says why adding failed, keeps the fields, and lets the user retry', async () => {
    const { fake, onAdded } = setup();
    fake.on('contact.create', () => {
      throw new RapportError('unreachable', 'Rapport’s background is unreachable.');
    });
    fireEvent.input(field('Title'), { target: { value: 'Countess' } });
    submit();
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Couldn’t add this person: Rapport’s background is unreachable.');
    expect(field('Title').value).toBe('Countess');
    expect((screen.getByRole('button', { name: 'Add to Rapport' }) as HTMLButtonElement).disabled).toBe(false);
    expect(onAdded).not.toHaveBeenCalled();
    fake.on('contact.create', ({ draft }) => ({ contact: makeContact({ name: draft.name }), created: true }));
    submit();
    await settle();
    expect(onAdded).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('renders hostile page text as text', async () => {
    const { fake } = setup(
      makeProfileContext({ name: HOSTILE.img, headline: HOSTILE.script, company: HOSTILE.rtl, title: HOSTILE.emoji, missing: [] }),
    );
    expectNoInjectedElements();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(HOSTILE.img);
    expect(screen.getByText(HOSTILE.script, { selector: 'p' })).toBeTruthy();
    expect(field('Company').value).toBe(HOSTILE.rtl);
    submit();
    await settle();
    expect(fake.sent('contact.create')[0]!.draft).toMatchObject({ name: HOSTILE.img, headline: HOSTILE.script, company: HOSTILE.rtl, title: HOSTILE.emoji });
  });
});
