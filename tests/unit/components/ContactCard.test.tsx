// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ContactCard } from '../../../components/sidebar/ContactCard';
import type { MailHost } from '../../../components/card/DraftsPanel';
import type { CardData } from '../../../utils/messages/contract';
import type { LinkedInProfileContext } from '../../../utils/model/page-context';
import {
  DAY,
  expectNoInjectedElements,
  fakeRequest,
  HOSTILE,
  LONG,
  makeCard,
  makeContact,
  makeInteraction,
  makePitch,
  makeProfileContext,
  makeReminder,
  makeSummary,
  NOW,
  settle,
} from './helpers';

const ada = makeContact({
  id: 1,
  name: 'Ada Lovelace',
  headline: 'Analyst',
  company: 'Analytical Engines',
  title: 'Mathematician',
  emails: ['ada@example.com'],
  tags: ['mentor'],
  type: 'alumni',
  howWeMet: { event: 'PyCon' },
  introducedBy: 2,
  notes: 'Likes compilers.',
  interests: 'Poetry',
  cadenceDays: 30,
  lastContacted: NOW - 2 * DAY,
  nextFollowUp: NOW + 5 * DAY,
  linkedinSlug: 'ada-lovelace',
  linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace/',
});
const coffee = makeInteraction({ id: 11, kind: 'meeting', when: NOW - 2 * DAY, summary: 'Coffee about the data team' });
const interview = makeInteraction({ id: 12, kind: 'informational-interview', when: NOW - 20 * DAY, summary: 'Career paths' });
const card = makeCard({
  contact: ada,
  interactions: [coffee, interview],
  commitments: [makeReminder({ id: 21, text: 'Send the article', due: NOW + 3 * DAY })],
  introducer: makeSummary({ id: 2, name: 'Grace Hopper' }),
  introduced: [makeSummary({ id: 3, name: 'Mary Somerville' })],
  allTags: ['mentor', 'Data Science'],
  defaultCadenceDays: 180,
  pitches: [makePitch({ id: 31, audience: 'recruiter', text: 'I build pipelines.' })],
});

function setup(data: CardData = card, context: LinkedInProfileContext | null = null, mailHost?: MailHost) {
  const fake = fakeRequest();
  const view = render(<ContactCard card={data} context={context} request={fake.request} mailHost={mailHost} />);
  return {
    fake,
    ...view,
    rerenderWith: (next: CardData) => view.rerender(<ContactCard card={next} context={context} request={fake.request} mailHost={mailHost} />),
  };
}

const article = () => screen.getByRole('article');
const debrief = () => screen.queryByRole('heading', { name: 'Debrief: informational interview' });

describe('ContactCard', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });

  it('renders every part of the card from one CardData', () => {
    setup();
    expect(article().getAttribute('aria-label')).toBe('Ada Lovelace’s card');
    // Header
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Ada Lovelace');
    expect(article().querySelector('.standing')!.textContent).toBe('Last contacted 2 days ago · Follow up in 5 days');
    // Prep: the newest interaction and the open promise
    const prep = screen.getByRole('region', { name: 'Before you talk' });
    expect(prep.textContent).toContain('Coffee about the data team');
    expect(prep.textContent).toContain('Send the article — in 3 days');
    // Logging, notes, follow-ups, commitments
    expect(screen.getByRole('form', { name: 'Log an interaction' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement).value).toBe('Likes compilers.');
    expect((screen.getByRole('combobox', { name: 'Keep in touch every' }) as HTMLSelectElement).value).toBe('30');
    expect(screen.getByText('180 days (default for this type)')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Send the article' })).toBeTruthy();
    // Timeline
    const timeline = screen.getByRole('list', { name: 'Interactions, newest first' });
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(2);
    // Context
    expect((screen.getByRole('combobox', { name: 'Contact type' }) as HTMLSelectElement).value).toBe('alumni');
    expect(screen.getByRole('button', { name: 'Remove the tag mentor' })).toBeTruthy();
    expect((screen.getByLabelText('Event') as HTMLInputElement).value).toBe('PyCon');
    expect(screen.getByRole('button', { name: 'Remove Grace Hopper as introducer' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'People Ada Lovelace introduced you to' }).textContent).toBe('Mary Somerville');
    expect((screen.getByLabelText('Interests') as HTMLTextAreaElement).value).toBe('Poetry');
    // Details, drafts, pitches
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Ada Lovelace');
    expect((screen.getByLabelText('LinkedIn URL') as HTMLInputElement).value).toBe('https://www.linkedin.com/in/ada-lovelace/');
    expect([...article().querySelectorAll('summary')].map((s) => s.textContent)).toEqual(['Details', 'Drafts', 'Elevator pitches']);
    expect(screen.getByText('I build pipelines.')).toBeTruthy();
    // Nothing from the page, nothing deleted, no debrief open
    expect(screen.queryByRole('heading', { name: 'Update from page' })).toBeNull();
    expect(screen.queryByText('Interaction deleted.')).toBeNull();
    expect(debrief()).toBeNull();
  });

  it('renders a card with nothing on it', () => {
    setup(makeCard({ contact: makeContact({ id: 1, name: 'Grace' }) }));
    expect(screen.getByText('No interaction logged yet')).toBeTruthy();
    expect(screen.getByText('Nothing logged yet.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Before you talk' })).toBeNull();
  });

  it('offers updates from a ready profile page, not from one still loading', () => {
    const context = makeProfileContext({ headline: 'Poet of science', sources: { name: 'json-ld', headline: 'json-ld' } });
    const { unmount } = setup(card, { ...context, ready: false });
    expect(screen.queryByRole('heading', { name: 'Update from page' })).toBeNull();
    unmount();
    setup(card, context);
    expect(screen.getByRole('heading', { name: 'Update from page' })).toBeTruthy();
    const updates = screen.getByRole('region', { name: 'Update from page' });
    expect(within(updates).getAllByRole('checkbox').map((box) => box.closest('label')!.textContent)).toEqual([
      'Headline: Analyst → Poet of science',
    ]);
  });

  it('logging an informational interview opens the debrief', async () => {
    const { fake, rerenderWith } = setup();
    const logged = makeInteraction({ id: 40, contactId: 1, kind: 'informational-interview', when: NOW, summary: 'Paths into data' });
    fake.on('interaction.log', () => logged);
    fireEvent.change(within(screen.getByRole('form', { name: 'Log an interaction' })).getByRole('combobox'), {
      target: { value: 'informational-interview' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Log interaction' }));
    await settle();
    expect(fake.sent('interaction.log')).toEqual([{ contactId: 1, kind: 'informational-interview', when: NOW, summary: '' }]);
    // The worker's change broadcast reloads the card with the new interaction in it.
    rerenderWith({ ...card, interactions: [logged, ...card.interactions] });
    await settle();
    expect(debrief()).toBeTruthy();
    expect(debrief()!.id).toBe('debrief-40');
    // Saving the debrief updates that interaction and closes it.
    fireEvent.click(within(screen.getByRole('group', { name: 'Did it meet your goals?' })).getByRole('radio', { name: 'Yes' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save debrief' }));
    await settle();
    expect(fake.sent('interaction.update')).toEqual([{ id: 40, change: { debrief: { goals: 'yes' } } }]);
    expect(debrief()).toBeNull();
  });

  it('logging another kind opens no debrief', async () => {
    const { fake, rerenderWith } = setup();
    const logged = makeInteraction({ id: 41, contactId: 1, kind: 'meeting', when: NOW });
    fake.on('interaction.log', () => logged);
    fireEvent.click(screen.getByRole('button', { name: 'Log interaction' }));
    await settle();
    rerenderWith({ ...card, interactions: [logged, ...card.interactions] });
    await settle();
    expect(fake.types()).toEqual(['interaction.log']);
    expect(debrief()).toBeNull();
  });

  it('opens the debrief of an earlier interview from the timeline; Later closes it', async () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Add debrief' }));
    await settle();
    expect(debrief()!.id).toBe('debrief-12');
    fireEvent.click(screen.getByRole('button', { name: 'Later' }));
    await settle();
    expect(debrief()).toBeNull();
  });

  it('deleting an interaction offers Undo, which restores the deleted row', async () => {
    const { fake } = setup();
    fireEvent.click(screen.getAllByRole('button', { name: /^Delete the Coffee \/ meeting of / })[0]!);
    await settle();
    expect(fake.sent('interaction.delete')).toEqual([{ id: 11 }]);
    const toast = screen.getByText('Interaction deleted.').closest('[role="status"]') as HTMLElement;
    fireEvent.click(within(toast).getByRole('button', { name: 'Undo' }));
    await settle();
    // The row the worker answered to the delete (the fake answers makeInteraction({ id: 11 })).
    expect(fake.sent('interaction.restore')).toEqual([{ interaction: makeInteraction({ id: 11 }) }]);
    expect(screen.queryByText('Interaction deleted.')).toBeNull();
  });

  it('the Undo offer goes away by itself, restoring nothing', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
    const { fake } = setup();
    fireEvent.click(screen.getAllByRole('button', { name: /^Delete the Coffee \/ meeting of / })[0]!);
    await settle();
    expect(screen.getByText('Interaction deleted.')).toBeTruthy();
    vi.advanceTimersByTime(10_000);
    await settle();
    expect(screen.queryByText('Interaction deleted.')).toBeNull();
    expect(fake.sent('interaction.restore')).toEqual([]);
  });

  it('passes the mail host on to the drafts', () => {
    setup(card, null, 'gmail');
    fireEvent.click(screen.getByRole('button', { name: 'Thank-you draft' }));
    expect(screen.getByRole('link', { name: 'Open in Gmail' })).toBeTruthy();
  });

  it('renders hostile text everywhere as text', () => {
    const hostile = makeCard({
      contact: makeContact({
        id: 1,
        name: HOSTILE.img,
        headline: HOSTILE.script,
        company: HOSTILE.rtl,
        title: HOSTILE.emoji,
        tags: [HOSTILE.img.slice(0, 50)],
        notes: LONG,
        interests: HOSTILE.script,
        howWeMet: { event: HOSTILE.img },
      }),
      interactions: [makeInteraction({ id: 11, summary: HOSTILE.script }), makeInteraction({ id: 12, summary: HOSTILE.img })],
      commitments: [makeReminder({ text: HOSTILE.img })],
      introducer: makeSummary({ id: 2, name: HOSTILE.script }),
      introduced: [makeSummary({ id: 3, name: HOSTILE.img })],
      allTags: [HOSTILE.script.slice(0, 50)],
      contactTypes: [HOSTILE.img.slice(0, 40)],
      pitches: [makePitch({ audience: HOSTILE.img, text: HOSTILE.script })],
    });
    const context = makeProfileContext({ name: HOSTILE.img, headline: HOSTILE.rtl, sources: { name: 'json-ld', headline: 'json-ld' } });
    setup(hostile, context);
    fireEvent.click(screen.getByRole('button', { name: 'Follow-up draft' }));
    expectNoInjectedElements();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(HOSTILE.img);
    expect(article().getAttribute('aria-label')).toBe(`${HOSTILE.img}’s card`);
    expect(article().textContent).toContain(HOSTILE.script);
    expect(article().textContent).toContain(HOSTILE.rtl);
    expect(article().textContent).toContain(HOSTILE.emoji);
    expect((screen.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement).value).toBe(LONG);
  });
});
