import type { ReviewGoals, WeekCount } from '../../utils/model/review';
import { weekLabel, weekRangeLabel } from '../../utils/review/weekly';

/** The three series, in the order the review shows them. */
export const SERIES = [
  { key: 'newContacts', label: 'New contacts' },
  { key: 'conversations', label: 'Conversations' },
  { key: 'followUps', label: 'Follow-ups done' },
] as const satisfies readonly { key: keyof ReviewGoals; label: string }[];

// Drawing units (the SVG scales to its box through the viewBox).
const WIDTH = 720;
const LEFT = 34;
const RIGHT = 58;
const TITLE = 20;
const PLOT = 78;
const LABELS = 18;
const GAP = 16;
const PANEL = TITLE + PLOT + LABELS + GAP;
/** Headroom above the tallest bar for its value label. */
const HEADROOM = 14;

/** "3 a week on average, best 5 (goal 4); this week 2" — one line per series, for the summary. */
function seriesSummary(weeks: readonly WeekCount[], key: keyof ReviewGoals, goal: number): string {
  const values = weeks.map((w) => w[key]);
  const total = values.reduce((a, b) => a + b, 0);
  const average = total / values.length;
  const best = Math.max(...values);
  const met = goal > 0 ? values.filter((v) => v >= goal).length : 0;
  const averageText = Number.isInteger(average) ? String(average) : average.toFixed(1);
  const goalText = goal > 0 ? `goal ${goal}, met in ${met} of ${values.length} weeks` : 'no goal set';
  return `${averageText} a week on average, best ${best} (${goalText}); this week ${values[values.length - 1]}`;
}

/** What the chart shows, in words (the SVG's accessible description). */
export function chartSummary(weeks: readonly WeekCount[], goals: ReviewGoals): string {
  if (weeks.length === 0) return 'No weeks to show.';
  const span = `${weeks.length} weeks from ${weekLabel(weeks[0]!.start)}`;
  return `${span}. ${SERIES.map((s) => `${s.label}: ${seriesSummary(weeks, s.key, goals[s.key])}.`).join(' ')}`;
}

/** A round scale top: at least the goal and the largest value, at least 1. */
function scaleTop(values: readonly number[], goal: number): number {
  return Math.max(1, goal, ...values);
}

/**
 * The last weeks as small multiples: one row of bars per series (new contacts, conversations,
 * follow-ups done), each with its goal as a dashed line and the weeks labelled by their Monday
 * ("Sep 15"); this week's bar is the accent colour. Inline SVG coloured only with the page's
 * own colour variables, so it follows the page's light or dark scheme. For assistive
 * technology: the SVG is one image with a text summary, and a visually hidden table has
 * every number.
 */
export function WeeklyChart(props: { weeks: readonly WeekCount[]; goals: ReviewGoals }) {
  const { weeks, goals } = props;
  const n = weeks.length;
  const slot = (WIDTH - LEFT - RIGHT) / Math.max(n, 1);
  const barWidth = Math.max(4, Math.min(36, slot * 0.62));
  const height = SERIES.length * PANEL - GAP;
  const titleId = 'weekly-chart-title';
  const descId = 'weekly-chart-desc';

  return (
    <figure class="weekly-chart">
      <svg
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        viewBox={`0 0 ${WIDTH} ${height}`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={titleId}>Your last {n} weeks against your weekly goals</title>
        <desc id={descId}>{chartSummary(weeks, goals)}</desc>
        {SERIES.map((series, row) => {
          const top = row * PANEL;
          const plotBottom = top + TITLE + PLOT;
          const goal = goals[series.key];
          const max = scaleTop(weeks.map((w) => w[series.key]), goal);
          const y = (value: number) => plotBottom - (value / max) * (PLOT - HEADROOM);
          return (
            <g class={`series series-${series.key}`} key={series.key}>
              <text class="series-title" x={LEFT} y={top + 13}>
                {series.label}
              </text>
              <line class="axis" x1={LEFT} x2={WIDTH - RIGHT} y1={plotBottom} y2={plotBottom} />
              <text class="tick" x={LEFT - 6} y={plotBottom} text-anchor="end" dominant-baseline="middle">
                0
              </text>
              <text class="tick" x={LEFT - 6} y={y(max)} text-anchor="end" dominant-baseline="middle">
                {max}
              </text>
              {weeks.map((week, i) => {
                const value = week[series.key];
                const x = LEFT + i * slot + (slot - barWidth) / 2;
                const current = i === n - 1;
                return (
                  <g key={week.start}>
                    <rect
                      class={`bar${current ? ' current' : ''}${goal > 0 && value >= goal ? ' met' : ''}`}
                      x={x}
                      y={y(value)}
                      width={barWidth}
                      height={plotBottom - y(value)}
                      rx={2}
                    />
                    {value > 0 && (
                      <text class="value" x={x + barWidth / 2} y={y(value) - 3} text-anchor="middle">
                        {value}
                      </text>
                    )}
                    <text
                      class={`week${current ? ' current' : ''}`}
                      x={LEFT + i * slot + slot / 2}
                      y={plotBottom + 13}
                      text-anchor="middle"
                    >
                      {weekLabel(week.start)}
                    </text>
                  </g>
                );
              })}
              {goal > 0 && (
                <g class="goal">
                  <line x1={LEFT} x2={WIDTH - RIGHT + 4} y1={y(goal)} y2={y(goal)} />
                  <text x={WIDTH - RIGHT + 8} y={y(goal)} dominant-baseline="middle">
                    goal {goal}
                  </text>
                </g>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption class="chart-legend" aria-hidden="true">
        <span class="key current" /> this week <span class="key" /> earlier weeks <span class="key goal" /> weekly goal
      </figcaption>
      <table class="visually-hidden">
        <caption>Weekly counts, last {n} weeks</caption>
        <thead>
          <tr>
            <th scope="col">Week</th>
            {SERIES.map((s) => (
              <th scope="col" key={s.key}>
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, i) => (
            <tr key={week.start}>
              <th scope="row">
                {weekRangeLabel(week.start)}
                {i === n - 1 ? ' (this week)' : ''}
              </th>
              {SERIES.map((s) => (
                <td key={s.key}>{week[s.key]}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Weekly goal</th>
            {SERIES.map((s) => (
              <td key={s.key}>{goals[s.key] > 0 ? goals[s.key] : 'none'}</td>
            ))}
          </tr>
        </tfoot>
      </table>
    </figure>
  );
}
