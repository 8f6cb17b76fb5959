// @vitest-environment happy-dom
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { MissingFields } from '../../../components/sidebar/MissingFields';
import { expectNoInjectedElements, HOSTILE } from './helpers';

describe('MissingFields', () => {
  it('renders nothing when nothing is missing', () => {
    const { container } = render(<MissingFields missing={[]} />);
    expect(container.innerHTML).toBe('');
  });

  it('names one missing field', () => {
    const { container } = render(<MissingFields missing={['company']} />);
    expect(container.textContent).toBe('Couldn’t read the current company on this page.');
  });

  it('joins two with "or"', () => {
    const { container } = render(<MissingFields missing={['name', 'title']} />);
    expect(container.textContent).toBe('Couldn’t read the name or the current title on this page.');
  });

  it('joins several with commas and "or"', () => {
    const { container } = render(<MissingFields missing={['headline', 'company', 'location']} />);
    expect(container.textContent).toBe('Couldn’t read the headline, the current company or the location on this page.');
  });

  it('falls back to the field name for an unknown field, as text', () => {
    const { container } = render(<MissingFields missing={['education', HOSTILE.img]} />);
    expectNoInjectedElements();
    expect(container.textContent).toBe(`Couldn’t read education or ${HOSTILE.img} on this page.`);
  });
});
