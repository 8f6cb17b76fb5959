// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { CompanyCard } from '../../../components/sidebar/CompanyCard';
import type { CompanyView } from '../../../utils/messages/contract';
import { RapportError } from '../../../utils/messages/client';
import type { LinkedInCompanyContext } from '../../../utils/model/page-context';
import {
  expectNoInjectedElements,
  fakeRequest,
  HOSTILE,
  makeCompany,
  makeCompanyContext,
  makeCompanyView,
  makeSummary,
  settle,
} from './helpers';

function setup(view: CompanyView | null, context: LinkedInCompanyContext = makeCompanyContext()) {
  const fake = fakeRequest();
  const result = render(<CompanyCard context={context} view={view} request={fake.request} />);
  return { fake, ...result };
}

const targetBox = () => screen.getByRole('checkbox', { name: 'Target employer' }) as HTMLInputElement;
const rankSelect = () => screen.getByRole('combobox', { name: 'Rank among your targets' }) as HTMLSelectElement;

describe('CompanyCard', () => {
  it('with no view, shows no target control', () => {
    setup(null);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Company page');
    expect(screen.getByText('Couldn’t read the name on this page.')).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('with no name (a numeric id in the URL), shows no target control', () => {
    setup(makeCompanyView({ record: null }), makeCompanyContext({ slug: '1234567', name: undefined, missing: ['name'] }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Company page');
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('names the company by its record before the page', () => {
    setup(makeCompanyView({ record: makeCompany({ name: 'Analytical Engines Ltd' }) }), makeCompanyContext({ name: 'Analytical Engines' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Analytical Engines Ltd');
  });

  it('ticking the checkbox marks a target employer', async () => {
    const { fake } = setup(makeCompanyView({ targetCount: 2 }));
    expect(targetBox().checked).toBe(false);
    expect(screen.queryByRole('combobox')).toBeNull();
    fireEvent.click(targetBox());
    await settle();
    expect(fake.calls).toStrictEqual([
      { type: 'company.setTarget', payload: { name: 'Analytical Engines', linkedinSlug: 'analytical-engines', target: true } },
    ]);
  });

  it('unticking unmarks it', async () => {
    const { fake } = setup(makeCompanyView({ record: makeCompany({ target: true, targetRank: 2 }), targetCount: 3 }));
    expect(targetBox().checked).toBe(true);
    fireEvent.click(targetBox());
    await settle();
    expect(fake.sent('company.setTarget')).toStrictEqual([{ name: 'Analytical Engines', linkedinSlug: 'analytical-engines', target: false }]);
  });

  it('the rank select offers at least five ranks and sends the chosen one', async () => {
    const { fake } = setup(makeCompanyView({ record: makeCompany({ target: true, targetRank: 2 }), targetCount: 3 }));
    expect([...rankSelect().options].map((o) => o.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(rankSelect().value).toBe('2');
    fireEvent.change(rankSelect(), { target: { value: '1' } });
    await settle();
    expect(fake.calls).toStrictEqual([
      { type: 'company.setTarget', payload: { name: 'Analytical Engines', linkedinSlug: 'analytical-engines', target: true, rank: 1 } },
    ]);
  });

  it('offers one rank per target when there are many', () => {
    setup(makeCompanyView({ record: makeCompany({ target: true, targetRank: 7 }), targetCount: 8 }));
    expect(rankSelect().options).toHaveLength(8);
    expect(rankSelect().value).toBe('7');
  });

  it('says why a change failed', async () => {
    const { fake } = setup(makeCompanyView());
    fake.on('company.setTarget', () => {
      throw new RapportError('internal', 'Rapport could not complete this request.');
    });
    fireEvent.click(targetBox());
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Rapport could not complete this request.');
  });

  it('lists the people you know there', () => {
    setup(
      makeCompanyView({
        people: [
          makeSummary({ id: 2, name: 'Grace Hopper', title: 'Rear admiral', headline: 'Compilers' }),
          makeSummary({ id: 3, name: 'Mary Somerville', headline: 'Science writer' }),
          makeSummary({ id: 4, name: 'Charles Babbage' }),
        ],
      }),
    );
    const list = screen.getByRole('list', { name: 'People you know at Analytical Engines' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Grace Hopper · Rear admiral',
      'Mary Somerville · Science writer',
      'Charles Babbage',
    ]);
  });

  it('says when you know nobody there', () => {
    setup(makeCompanyView({ people: [] }));
    expect(screen.getByText('Nobody in Rapport works here yet. Alumni and friends of friends are a good way in.')).toBeTruthy();
  });

  it('keeps working when the view arrives after a first render without one', async () => {
    const fake = fakeRequest();
    const context = makeCompanyContext();
    const { rerender } = render(<CompanyCard context={context} view={null} request={fake.request} />);
    rerender(<CompanyCard context={context} view={makeCompanyView()} request={fake.request} />);
    fireEvent.click(targetBox());
    await settle();
    expect(fake.sent('company.setTarget')).toHaveLength(1);
    rerender(<CompanyCard context={context} view={null} request={fake.request} />);
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('renders hostile names as text', () => {
    setup(
      makeCompanyView({
        people: [makeSummary({ id: 2, name: HOSTILE.script, title: HOSTILE.rtl }), makeSummary({ id: 3, name: HOSTILE.emoji })],
      }),
      makeCompanyContext({ name: HOSTILE.img, missing: [] }),
    );
    expectNoInjectedElements();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(HOSTILE.img);
    const list = screen.getByRole('list', { name: `People you know at ${HOSTILE.img}` });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([`${HOSTILE.script} · ${HOSTILE.rtl}`, HOSTILE.emoji]);
  });
});
