// @vitest-environment happy-dom
import { act, fireEvent, render, screen, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { REVIEW_WEEKS, ReviewView } from '../../../components/manager/ReviewView';
import { chartSummary, WeeklyChart } from '../../../components/manager/WeeklyChart';
import { WeeklyReview, type WeekCount } from '../../../utils/model/review';
import { weekBounds } from '../../../utils/review/weekly';
import { DAY, deferred, expectNoInjectedElements, fakeRequest, HOSTILE, NOW, settle } from './helpers';

beforeEach(() => {
  fakeBrowser.reset();
});

const bounds = weekBounds(NOW, 12);
/** Twelve weeks with different numbers in every cell, this week last. */
const weeks: WeekCount[] = bounds.slice(0, -1).map((start, i) => ({
  start,
  newContacts: i % 4,
  conversations: (i * 2) % 7,
  followUps: i === 11 ? 6 : i % 3,
}));
const goals = { newContacts: 5, conversations: 3, followUps: 4 };

function makeReview(over: Partial<WeeklyReview> = {}): WeeklyReview {
  return WeeklyReview.parse({
    now: NOW,
    weeks,
    goals,
    thisWeek: {
      start: bounds[11],
      end: bounds[12],
      newContacts: [
        { contactId: 3, name: 'Grace Hopper', at: NOW - DAY },
        { contactId: 1, name: 'Ada Lovelace', at: NOW - 2 * DAY },
        { contactId: 9, name: 'Katherine Johnson', at: NOW - 3 * DAY },
      ],
      conversations: [{ interactionId: 40, contactId: 1, name: 'Ada Lovelace', kind: 'informational-interview', at: NOW - DAY }],
      followUps: [
        { reminderId: 70, contactId: 3, name: 'Grace Hopper', reason: 'commitment', text: 'Send the paper', at: NOW - DAY },
      ],
    },
    nextWeek: {
      start: bounds[12],
      end: bounds[12]! + 7 * DAY,
      due: [{ key: 'follow-up:5', contactId: 5, name: 'Dorothy Vaughan', reason: 'follow-up', text: 'Follow up with Dorothy Vaughan', due: bounds[12]! + DAY }],
      total: 1,
    },
    totalContacts: 40,
    ...over,
  });
}

const backupStatus = { lastBackupAt: NOW - 3 * DAY, reminderEnabled: true, nextReminderAt: NOW + 4 * DAY };

function setup(review = makeReview(), backup: typeof backupStatus | Error = backupStatus) {
  const fake = fakeRequest({
    'review.weekly': () => review,
    'backup.status': () => {
      if (backup instanceof Error) throw backup;
      return backup;
    },
  });
  const onOpen = vi.fn();
  render(<ReviewView request={fake.request} onOpen={onOpen} />);
  return { fake, onOpen };
}

describe('ReviewView', () => {
  it('asks for 12 weeks and shows this week against the goals as "n of goal" meters', async () => {
    const { fake } = setup();
    await settle();
    expect(fake.sent('review.weekly')).toEqual([{ weeks: REVIEW_WEEKS }]);
    const meters = screen.getAllByRole('meter');
    expect(meters.map((m) => [m.getAttribute('aria-valuetext'), m.getAttribute('aria-valuemax'), m.getAttribute('aria-valuenow')])).toEqual([
      ['3 of 5', '5', '3'],
      ['1 of 3', '3', '1'], // (11 * 2) % 7
      ['6 of 4', '4', '4'], // over the goal: the number says so, the meter stops at the goal
    ]);
    expect(screen.getByRole('meter', { name: 'New contacts' })).toBeTruthy();
    expect(screen.getByText('6 of 4')).toBeTruthy();
    expect(screen.getByText('Goal reached')).toBeTruthy();
  });

  it('lists who, and a name opens the contact', async () => {
    const { onOpen } = setup();
    await settle();
    const newContacts = screen.getByRole('heading', { name: /New contacts/ }).closest('section')!;
    expect(within(newContacts).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Grace Hopper',
      'Ada Lovelace',
      'Katherine Johnson',
    ]);
    fireEvent.click(within(newContacts).getByRole('button', { name: 'Katherine Johnson' }));
    expect(onOpen).toHaveBeenCalledWith(9);

    const conversations = screen.getByRole('heading', { name: /Conversations/ }).closest('section')!;
    expect(conversations.textContent).toContain('Informational interview');
    const followUps = screen.getByRole('heading', { name: /Follow-ups done/ }).closest('section')!;
    expect(followUps.textContent).toContain('Send the paper');
    const next = screen.getByRole('heading', { name: /Due next week/ }).closest('section')!;
    fireEvent.click(within(next).getByRole('button', { name: 'Dorothy Vaughan' }));
    expect(onOpen).toHaveBeenLastCalledWith(5);
  });

  it('says how many more there are when a list is cut', async () => {
    const review = makeReview();
    review.weeks[11] = { ...review.weeks[11]!, newContacts: 75 };
    setup(review);
    await settle();
    expect(screen.getByText('and 72 more')).toBeTruthy();
  });

  it('shows when the last backup was, with a way to make one', async () => {
    setup();
    await settle();
    const line = document.querySelector('.review-backup')!;
    expect(line.textContent).toContain('Last backup: 3 days ago');
    expect(line.textContent).toContain('weekly reminder on');
    expect(within(line as HTMLElement).getByRole('link', { name: 'Back up now' }).getAttribute('href')).toBe('#view=transfer');
    expect(line.classList.contains('stale')).toBe(false);
  });

  it('stresses a backup older than a week', async () => {
    setup(makeReview(), { ...backupStatus, lastBackupAt: NOW - 9 * DAY });
    await settle();
    expect(document.querySelector('.review-backup.stale')?.textContent).toContain('Last backup: 9 days ago');
  });

  it('shows the review without the backup line when its status fails', async () => {
    setup(makeReview(), new Error('no'));
    await settle();
    expect(screen.getAllByRole('meter')).toHaveLength(3);
    expect(document.querySelector('.review-backup')).toBeNull();
  });

  it('has an empty state for a new user, with the goals and where to start', async () => {
    const zero = weeks.map((w) => ({ ...w, newContacts: 0, conversations: 0, followUps: 0 }));
    setup(
      makeReview({
        weeks: zero,
        totalContacts: 0,
        thisWeek: { start: bounds[11]!, end: bounds[12]!, newContacts: [], conversations: [], followUps: [] },
        nextWeek: { start: bounds[12]!, end: bounds[12]! + 7 * DAY, due: [], total: 0 },
      }),
    );
    await settle();
    expect(screen.getByRole('heading', { name: 'Nothing to review yet' })).toBeTruthy();
    expect(document.body.textContent).toContain('5 new contacts, 3 conversations and 4 follow-ups a week');
    expect(screen.getByRole('link', { name: 'Change the goals' }).getAttribute('href')).toBe('#view=settings');
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('says "nothing yet" per list in a quiet week', async () => {
    setup(
      makeReview({
        thisWeek: { start: bounds[11]!, end: bounds[12]!, newContacts: [], conversations: [], followUps: [] },
        weeks: weeks.map((w) => ({ ...w, newContacts: 0, conversations: 0, followUps: 0 })),
        nextWeek: { start: bounds[12]!, end: bounds[12]! + 7 * DAY, due: [], total: 0 },
      }),
    );
    await settle();
    expect(screen.getByText('No one added yet this week.')).toBeTruthy();
    expect(screen.getByText('Nothing comes due next week.')).toBeTruthy();
    expect(screen.getAllByRole('meter').map((m) => m.getAttribute('aria-valuetext'))).toEqual(['0 of 5', '0 of 3', '0 of 4']);
  });

  it('says when it cannot load, and loads again on a broadcast', async () => {
    const gate = deferred<WeeklyReview>();
    let calls = 0;
    const fake = fakeRequest({
      'review.weekly': () => (++calls === 1 ? Promise.reject(new Error('The database is closed.')) : gate.promise),
      'backup.status': () => backupStatus,
    });
    render(<ReviewView request={fake.request} onOpen={() => {}} />);
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('The database is closed.');
    await act(async () => {
      await fakeBrowser.runtime.sendMessage({ rapport: 1, event: 'ticklers-changed' });
    });
    gate.resolve(makeReview());
    await settle();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getAllByRole('meter')).toHaveLength(3);
  });

  it('renders hostile names as text', async () => {
    const review = makeReview();
    review.thisWeek.newContacts = [{ contactId: 1, name: HOSTILE.img, at: NOW }];
    review.thisWeek.followUps = [{ reminderId: 2, reason: 'other', text: HOSTILE.script, at: NOW }];
    setup(review);
    await settle();
    expect(screen.getByRole('button', { name: HOSTILE.img })).toBeTruthy();
    expect(document.body.textContent).toContain(HOSTILE.script);
    expectNoInjectedElements();
  });
});

describe('WeeklyChart', () => {
  it('is one image with a text summary and the goals', () => {
    render(<WeeklyChart weeks={weeks} goals={goals} />);
    const img = screen.getByRole('img');
    expect(img.tagName.toLowerCase()).toBe('svg');
    expect(img.querySelector('title')?.textContent).toBe('Your last 12 weeks against your weekly goals');
    const desc = img.querySelector('desc')?.textContent ?? '';
    expect(desc).toBe(chartSummary(weeks, goals));
    expect(desc).toContain('New contacts: 1.5 a week on average, best 3 (goal 5, met in 0 of 12 weeks); this week 3.');
    expect(desc).toContain('Follow-ups done:');
    expect(desc).toContain('this week 6');
    // A dashed goal line per series, labelled.
    expect([...img.querySelectorAll('.goal text')].map((t) => t.textContent)).toEqual(['goal 5', 'goal 3', 'goal 4']);
    // 12 bars per series, this week's marked, and the week labels.
    expect(img.querySelectorAll('.bar')).toHaveLength(36);
    expect(img.querySelectorAll('.bar.current')).toHaveLength(3);
    const labels = [...img.querySelectorAll('.series-newContacts .week')].map((t) => t.textContent);
    expect(labels).toHaveLength(12);
    expect(labels.at(-1)).toBe('Mar 17');
    expect(labels[0]).toBe('Dec 30');
  });

  it('has a hidden table with every number, matching the data', () => {
    render(<WeeklyChart weeks={weeks} goals={goals} />);
    const table = screen.getByRole('table');
    expect(table.classList.contains('visually-hidden')).toBe(true);
    const rows = within(table).getAllByRole('row');
    // Header, 12 weeks, the goals.
    expect(rows).toHaveLength(14);
    const cells = (row: HTMLElement) => within(row).queryAllByRole('cell').map((c) => Number(c.textContent));
    for (let i = 0; i < 12; i++) {
      expect(cells(rows[i + 1]!)).toEqual([weeks[i]!.newContacts, weeks[i]!.conversations, weeks[i]!.followUps]);
    }
    expect(rows[12]!.textContent).toContain('(this week)');
    expect(rows[1]!.textContent).toContain('Dec 30 – Jan 5');
    expect(cells(rows[13]!)).toEqual([5, 3, 4]);
  });

  it('scales each series to its goal or its largest week, and draws taller bars for larger numbers', () => {
    render(<WeeklyChart weeks={weeks} goals={goals} />);
    const heights = [...document.querySelectorAll('.series-followUps .bar')].map((b) => Number(b.getAttribute('height')));
    const values = weeks.map((w) => w.followUps);
    for (let i = 0; i < 12; i++) for (let j = 0; j < 12; j++) {
      if (values[i]! > values[j]!) expect(heights[i]).toBeGreaterThan(heights[j]!);
    }
    expect(heights[values.indexOf(0)]).toBe(0);
    const ticks = [...document.querySelectorAll('.series-followUps .tick')].map((t) => t.textContent);
    expect(ticks).toEqual(['0', '6']);
  });

  it('leaves out the goal line of a series without a goal', () => {
    render(<WeeklyChart weeks={weeks} goals={{ ...goals, conversations: 0 }} />);
    expect(document.querySelectorAll('svg .goal')).toHaveLength(2);
    expect(screen.getByRole('img').querySelector('desc')?.textContent).toContain('no goal set');
    const foot = within(screen.getByRole('table')).getAllByRole('row').at(-1)!;
    expect(foot.textContent).toContain('none');
  });
});
