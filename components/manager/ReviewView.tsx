import { useEffect, useRef, useState } from 'preact/hooks';
import { onBroadcast, RapportError, type Request } from '../../utils/messages/client';
import type { BackupStatus, ReviewGoals, WeeklyReview } from '../../utils/model/review';
import { BACKUP_INTERVAL_DAYS, lastBackupText } from '../../utils/review/backup';
import { weekRangeLabel } from '../../utils/review/weekly';
import { calendarDaysBetween } from '../../utils/dates';
import { ErrorNote } from '../card/ErrorNote';
import { KIND_LABELS } from '../card/labels';
import { SERIES, WeeklyChart } from './WeeklyChart';

/** Weeks in the chart. */
export const REVIEW_WEEKS = 12;

const message = (e: unknown) => (e instanceof RapportError || e instanceof Error ? e.message : String(e));
const dayFormat = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric' });
const day = (at: number) => dayFormat.format(at);

/**
 * The manager's "Weekly review" (`manager.html#view=review`): this week (Monday to Sunday,
 * local time) against the weekly goals — new contacts, conversations, follow-ups done — with
 * who they were, what comes due next week, the last 12 weeks as a chart, and when the last
 * backup was made. Live: reloads when contacts, reminders or settings change.
 */
export function ReviewView(props: { request: Request; onOpen: (id: number) => void }) {
  const { request, onOpen } = props;
  const [review, setReview] = useState<WeeklyReview | null>(null);
  const [backup, setBackup] = useState<BackupStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const sequence = useRef(0);

  useEffect(() => {
    // Only the newest answer is shown: an older, slower one must not overwrite it.
    const mine = ++sequence.current;
    request('review.weekly', { weeks: REVIEW_WEEKS }).then(
      (answer) => {
        if (mine !== sequence.current) return;
        setReview(answer);
        setError(null);
      },
      (e: unknown) => mine === sequence.current && setError(message(e)),
    );
    // The backup line is extra: without it the review still shows.
    request('backup.status', {}).then(
      (answer) => mine === sequence.current && setBackup(answer),
      () => mine === sequence.current && setBackup(null),
    );
  }, [request, tick]);

  useEffect(
    () =>
      onBroadcast((event) => {
        if (event.event === 'contacts-changed' || event.event === 'ticklers-changed' || event.event === 'settings-changed') {
          setTick((t) => t + 1);
        }
      }),
    [],
  );

  return (
    <section class="manager-pane review" aria-labelledby="section-title" aria-busy={review === null && !error}>
      <h2 id="section-title">Weekly review</h2>
      <ErrorNote error={error} what="Rapport couldn’t load your weekly review" />
      {review === null ? (
        !error && <p class="quiet">Loading…</p>
      ) : review.totalContacts === 0 ? (
        <EmptyReview goals={review.goals} />
      ) : (
        <Review review={review} backup={backup} onOpen={onOpen} />
      )}
    </section>
  );
}

function EmptyReview(props: { goals: ReviewGoals }) {
  const { goals } = props;
  return (
    <div class="review-empty">
      <h3>Nothing to review yet</h3>
      <p>
        Every week Rapport counts the contacts you add, the conversations you log (calls, meetings, coffee chats,
        informational interviews, events) and the follow-ups you complete, against your goals: {goals.newContacts} new
        contacts, {goals.conversations} conversations and {goals.followUps} follow-ups a week.{' '}
        <a href="#view=settings">Change the goals</a>.
      </p>
      <p>
        Start by adding people from their LinkedIn profile, or <a href="#view=transfer">import the contacts you already have</a>.
      </p>
    </div>
  );
}

function Review(props: { review: WeeklyReview; backup: BackupStatus | null; onOpen: (id: number) => void }) {
  const { review, backup, onOpen } = props;
  const current = review.weeks[review.weeks.length - 1]!;
  const { thisWeek, nextWeek, goals } = review;

  return (
    <>
      <p class="quiet review-week">
        This week, {weekRangeLabel(thisWeek.start)} · <a href="#view=settings">Change the goals</a>
      </p>
      <div class="review-goals" role="list" aria-label="This week’s goals">
        {SERIES.map((s) => (
          <GoalMeter key={s.key} id={`goal-${s.key}`} label={s.label} done={current[s.key]} goal={goals[s.key]} />
        ))}
      </div>

      <div class="review-lists">
        <ReviewList title="New contacts" total={current.newContacts} empty="No one added yet this week.">
          {thisWeek.newContacts.map((c) => (
            <li key={c.contactId}>
              <Person id={c.contactId} name={c.name} onOpen={onOpen} />
              <span class="quiet"> · {day(c.at)}</span>
            </li>
          ))}
        </ReviewList>
        <ReviewList title="Conversations" total={current.conversations} empty="No conversations logged yet this week.">
          {thisWeek.conversations.map((c) => (
            <li key={c.interactionId}>
              <Person id={c.contactId} name={c.name} onOpen={onOpen} />
              <span class="quiet">
                {' '}
                · {KIND_LABELS[c.kind]}, {day(c.at)}
              </span>
            </li>
          ))}
        </ReviewList>
        <ReviewList title="Follow-ups done" total={current.followUps} empty="No follow-ups done yet this week.">
          {thisWeek.followUps.map((f) => (
            <li key={f.reminderId}>
              {f.contactId !== undefined && f.name !== undefined ? (
                <Person id={f.contactId} name={f.name} onOpen={onOpen} />
              ) : null}
              <span class={f.contactId !== undefined ? 'quiet' : ''} dir="auto">
                {f.contactId !== undefined ? ' · ' : ''}
                {f.text || 'Follow-up'}, {day(f.at)}
              </span>
            </li>
          ))}
        </ReviewList>
        <ReviewList
          title={`Due next week (${weekRangeLabel(nextWeek.start)})`}
          total={nextWeek.total}
          empty="Nothing comes due next week."
        >
          {nextWeek.due.map((d) => (
            <li key={d.key}>
              {d.contactId !== undefined && d.name !== undefined ? (
                <>
                  <Person id={d.contactId} name={d.name} onOpen={onOpen} />
                  <span class="quiet"> · </span>
                </>
              ) : null}
              <span class="quiet" dir="auto">
                {d.text}, {day(d.due)}
              </span>
            </li>
          ))}
        </ReviewList>
      </div>

      <h3 class="review-chart-title">The last {review.weeks.length} weeks</h3>
      <WeeklyChart weeks={review.weeks} goals={goals} />

      {backup && <BackupLine backup={backup} now={review.now} />}
    </>
  );
}

/** "3 of 5" and a bar; the bar stops at the goal, the number does not. */
function GoalMeter(props: { id: string; label: string; done: number; goal: number }) {
  const { id, label, done, goal } = props;
  const text = goal > 0 ? `${done} of ${goal}` : String(done);
  const met = goal > 0 && done >= goal;
  return (
    <div class={`goal-card${met ? ' met' : ''}`} role="listitem">
      <span class="goal-label" id={id}>
        {label}
      </span>
      <strong class="goal-count">{text}</strong>
      {goal > 0 ? (
        <div
          class="goal-meter"
          role="meter"
          aria-labelledby={id}
          aria-valuemin={0}
          aria-valuemax={goal}
          aria-valuenow={Math.min(done, goal)}
          aria-valuetext={text}
        >
          <span style={{ width: `${Math.min(100, (done / goal) * 100)}%` }} />
        </div>
      ) : (
        <span class="quiet goal-note">No goal set</span>
      )}
      {met && <span class="goal-note">Goal reached</span>}
    </div>
  );
}

function ReviewList(props: { title: string; total: number; empty: string; children: preact.ComponentChildren[] }) {
  const { title, total, empty, children } = props;
  const shown = children.length;
  return (
    <section class="review-list">
      <h3>
        {title} <span class="quiet">({total})</span>
      </h3>
      {shown === 0 ? (
        <p class="quiet">{empty}</p>
      ) : (
        <>
          <ul>{children}</ul>
          {total > shown && <p class="quiet">and {total - shown} more</p>}
        </>
      )}
    </section>
  );
}

function Person(props: { id: number; name: string; onOpen: (id: number) => void }) {
  return (
    <button type="button" class="link-button" dir="auto" onClick={() => props.onOpen(props.id)}>
      {props.name}
    </button>
  );
}

/** "Last backup: 3 days ago · Back up now"; stressed when older than a week (or never). */
function BackupLine(props: { backup: BackupStatus; now: number }) {
  const { backup, now } = props;
  const stale = backup.lastBackupAt === null || calendarDaysBetween(backup.lastBackupAt, now) >= BACKUP_INTERVAL_DAYS;
  return (
    <p class={`review-backup${stale ? ' stale' : ''}`}>
      {lastBackupText(backup.lastBackupAt, now)} · <a href="#view=transfer">Back up now</a>
      {backup.reminderEnabled ? ' · weekly reminder on' : ''}
    </p>
  );
}
