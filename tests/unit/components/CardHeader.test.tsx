// @vitest-environment happy-dom
import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { CardHeader } from '../../../components/card/CardHeader';
import { DAY, expectNoInjectedElements, HOSTILE, makeContact, NOW } from './helpers';

describe('CardHeader', () => {
  it('shows the name, headline, role, location and where the relationship stands', () => {
    const contact = makeContact({
      name: 'Ada Lovelace',
      headline: 'Analyst of engines',
      title: 'Mathematician',
      company: 'Analytical Engines',
      location: 'London',
      lastContacted: NOW - 3 * DAY,
      nextFollowUp: NOW + 2 * DAY,
    });
    const { container } = render(<CardHeader contact={contact} now={NOW} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Ada Lovelace');
    expect(screen.getByText('Analyst of engines')).toBeTruthy();
    expect(screen.getByText('Mathematician · Analytical Engines')).toBeTruthy();
    expect(screen.getByText('London')).toBeTruthy();
    const standing = container.querySelector('.standing')!;
    expect(standing.textContent).toBe('Last contacted 3 days ago · Follow up in 2 days');
    expect(standing.querySelector('.overdue')).toBeNull();
  });

  it('says when nothing is logged and leaves out the lines it has no data for', () => {
    const { container } = render(<CardHeader contact={makeContact({ name: 'Grace' })} now={NOW} />);
    expect(container.querySelector('.standing')!.textContent).toBe('No interaction logged yet');
    expect(container.querySelector('.headline')).toBeNull();
    expect(container.querySelectorAll('p').length).toBe(1);
  });

  it('shows only the parts of the role it has', () => {
    render(<CardHeader contact={makeContact({ company: 'Navy' })} now={NOW} />);
    expect(screen.getByText('Navy')).toBeTruthy();
    expect(screen.queryByText(/·/)).toBeNull();
  });

  it('marks an overdue follow-up', () => {
    const { container } = render(<CardHeader contact={makeContact({ nextFollowUp: NOW - 3 * DAY, lastContacted: NOW })} now={NOW} />);
    const overdue = container.querySelector('.standing .overdue');
    expect(overdue?.textContent).toBe(' · Follow up 3 days overdue');
    expect(container.querySelector('.standing')!.textContent).toMatch(/^Last contacted today/);
  });

  it('renders hostile text as text', () => {
    const contact = makeContact({
      name: HOSTILE.img,
      headline: HOSTILE.script,
      title: HOSTILE.rtl,
      company: HOSTILE.emoji,
      location: '<b>bold</b>',
    });
    const { container } = render(<CardHeader contact={contact} now={NOW} />);
    expectNoInjectedElements();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(HOSTILE.img);
    expect(container.textContent).toContain(HOSTILE.script);
    expect(container.textContent).toContain(`${HOSTILE.rtl} · ${HOSTILE.emoji}`);
    expect(container.textContent).toContain('<b>bold</b>');
    // Text from the page or the user gets its own direction.
    expect(screen.getByRole('heading', { level: 1 }).getAttribute('dir')).toBe('auto');
  });
});
