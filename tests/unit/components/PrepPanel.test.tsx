// @vitest-environment happy-dom
import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../components/card/labels';
import { PrepPanel } from '../../../components/card/PrepPanel';
import { DAY, expectNoInjectedElements, HOSTILE, makeInteraction, makeReminder, NOW } from './helpers';

describe('PrepPanel', () => {
  it('renders nothing with no last interaction and no open promise', () => {
    const { container } = render(
      <PrepPanel last={undefined} commitments={[makeReminder({ status: 'done' })]} now={NOW} />,
    );
    expect(container.innerHTML).toBe('');
  });

  it('shows what was said last time', () => {
    const last = makeInteraction({ kind: 'video-call', when: NOW - 2 * DAY, summary: 'Roadmap of the data team' });
    render(<PrepPanel last={last} commitments={[]} now={NOW} />);
    const panel = screen.getByRole('region', { name: 'Before you talk' });
    expect(panel.textContent).toBe(`Last time (Video call, ${formatDate(NOW - 2 * DAY)}): Roadmap of the data team`);
    expect(screen.queryByText('You promised')).toBeNull();
  });

  it('says so when the last interaction has no summary', () => {
    render(<PrepPanel last={makeInteraction({ summary: '' })} commitments={[]} now={NOW} />);
    expect(screen.getByText('no summary')).toBeTruthy();
  });

  it('lists the open promises only, overdue ones marked', () => {
    const commitments = [
      makeReminder({ id: 1, text: 'Send the paper', due: NOW - 2 * DAY }),
      makeReminder({ id: 2, text: 'Introduce to Grace', due: NOW + 3 * DAY }),
      makeReminder({ id: 3, text: 'Already sent', status: 'done' }),
    ];
    render(<PrepPanel last={undefined} commitments={commitments} now={NOW} />);
    expect(screen.getByText('You promised')).toBeTruthy();
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['Send the paper — 2 days overdue', 'Introduce to Grace — in 3 days']);
    expect(items.map((li) => li.className)).toEqual(['overdue', '']);
    expect(screen.queryByText('Already sent')).toBeNull();
  });

  it('renders hostile text as text', () => {
    const last = makeInteraction({ summary: HOSTILE.img });
    const commitments = [makeReminder({ id: 1, text: HOSTILE.script }), makeReminder({ id: 2, text: `${HOSTILE.rtl} ${HOSTILE.emoji}` })];
    const { container } = render(<PrepPanel last={last} commitments={commitments} now={NOW} />);
    expectNoInjectedElements();
    expect(container.textContent).toContain(HOSTILE.img);
    expect(container.textContent).toContain(HOSTILE.script);
    expect(container.textContent).toContain(`${HOSTILE.rtl} ${HOSTILE.emoji}`);
  });
});
