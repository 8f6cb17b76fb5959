// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PitchesPanel } from '../../../components/card/PitchesPanel';
import { RapportError } from '../../../utils/messages/client';
import type { Pitch } from '../../../utils/model/pitch';
import { expectNoInjectedElements, fakeRequest, HOSTILE, LONG, makePitch, settle, stubClipboard } from './helpers';

const recruiter = makePitch({ id: 31, audience: 'recruiter', text: 'I build data pipelines people trust.' });
const peer = makePitch({ id: 32, audience: 'peer', text: 'I like messy data.' });

function setup(pitches: Pitch[] = [recruiter, peer]) {
  const fake = fakeRequest();
  const view = render(<PitchesPanel pitches={pitches} request={fake.request} />);
  // The panel is a closed <details>: open it as the user would.
  view.container.querySelector('details')!.open = true;
  return { fake, ...view };
}

const form = (name: 'New pitch' | 'Edit pitch') => screen.getByRole('form', { name });
const audienceInput = () => screen.getByRole('combobox', { name: 'Audience' }) as HTMLInputElement;
const textInput = () => screen.getByRole('textbox', { name: 'Pitch' }) as HTMLTextAreaElement;
const saveButton = () => screen.getByRole('button', { name: 'Save pitch' }) as HTMLButtonElement;

describe('PitchesPanel', () => {
  it('lists the pitches by audience', () => {
    setup();
    const items = within(document.querySelector('ul.pitches') as HTMLElement).getAllByRole('listitem');
    expect(items.map((li) => [li.querySelector('strong')!.textContent, li.querySelector('p')!.textContent])).toEqual([
      ['recruiter', 'I build data pipelines people trust.'],
      ['peer', 'I like messy data.'],
    ]);
    expect(screen.queryByText(/Write a 30-second pitch/)).toBeNull();
  });

  it('invites a first pitch when there are none', () => {
    setup([]);
    expect(screen.getByText('Write a 30-second pitch for each audience you meet.')).toBeTruthy();
  });

  it('copies a pitch in one click', async () => {
    const writeText = stubClipboard();
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Copy the peer pitch' }));
    await settle();
    expect(writeText.mock.calls).toEqual([['I like messy data.']]);
    expect(screen.getByRole('button', { name: 'Copy the peer pitch' }).textContent).toBe('Copied');
    expect(screen.getByRole('button', { name: 'Copy the recruiter pitch' }).textContent).toBe('Copy');
  });

  it('writes a new pitch', async () => {
    const { fake } = setup([]);
    fireEvent.click(screen.getByRole('button', { name: 'New pitch' }));
    expect(form('New pitch')).toBeTruthy();
    expect(audienceInput().value).toBe('');
    expect(saveButton().disabled).toBe(true);
    fireEvent.input(audienceInput(), { target: { value: '  hiring manager ' } });
    expect(saveButton().disabled).toBe(true);
    fireEvent.input(textInput(), { target: { value: 'I ship.\n' } });
    expect(saveButton().disabled).toBe(false);
    fireEvent.click(saveButton());
    await settle();
    expect(fake.calls).toStrictEqual([{ type: 'pitch.save', payload: { audience: 'hiring manager', text: 'I ship.\n' } }]);
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.getByRole('button', { name: 'New pitch' })).toBeTruthy();
  });

  it('suggests the usual audiences', () => {
    setup([]);
    fireEvent.click(screen.getByRole('button', { name: 'New pitch' }));
    const list = document.getElementById(audienceInput().getAttribute('list')!)!;
    expect([...list.querySelectorAll('option')].map((o) => o.value)).toEqual(['recruiter', 'peer', 'alumni', 'hiring manager', 'mentor']);
  });

  it('edits a pitch, keeping its id', async () => {
    const { fake } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Edit the recruiter pitch' }));
    expect(form('Edit pitch')).toBeTruthy();
    expect(audienceInput().value).toBe('recruiter');
    expect(textInput().value).toBe('I build data pipelines people trust.');
    fireEvent.input(textInput(), { target: { value: 'I build pipelines that never lose a row.' } });
    fireEvent.submit(form('Edit pitch'));
    await settle();
    expect(fake.calls).toStrictEqual([
      { type: 'pitch.save', payload: { id: 31, audience: 'recruiter', text: 'I build pipelines that never lose a row.' } },
    ]);
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('Cancel closes the form without saving', async () => {
    const { fake } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Edit the peer pitch' }));
    fireEvent.input(textInput(), { target: { value: 'changed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await settle();
    expect(screen.queryByRole('form')).toBeNull();
    expect(fake.calls).toEqual([]);
  });

  it('keeps the form and says why when saving fails', async () => {
    const { fake } = setup();
    fake.on('pitch.save', () => {
      throw new RapportError('internal', 'Rapport could not complete this request.');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Edit the peer pitch' }));
    fireEvent.input(textInput(), { target: { value: 'My better pitch' } });
    fireEvent.submit(form('Edit pitch'));
    await settle();
    expect(within(form('Edit pitch')).getByRole('alert').textContent).toBe('Not saved: Rapport could not complete this request.');
    expect(textInput().value).toBe('My better pitch');
  });

  it('deletes a pitch', async () => {
    const { fake } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Delete the peer pitch' }));
    await settle();
    expect(fake.calls).toEqual([{ type: 'pitch.delete', payload: { id: 32 } }]);
  });

  it('says when a delete failed', async () => {
    const { fake } = setup();
    fake.on('pitch.delete', () => {
      throw new RapportError('not-found', 'There is no pitch #32.');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Delete the peer pitch' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Not deleted: There is no pitch #32.');
  });

  it('renders hostile pitches as text', () => {
    const long = LONG.slice(0, 5_000);
    const { container } = setup([
      makePitch({ id: 1, audience: HOSTILE.img, text: HOSTILE.script }),
      makePitch({ id: 2, audience: HOSTILE.rtl, text: `${HOSTILE.emoji} ${long}`.slice(0, 5_000) }),
    ]);
    expectNoInjectedElements();
    expect(container.textContent).toContain(HOSTILE.img);
    expect(container.textContent).toContain(HOSTILE.script);
    expect(container.textContent).toContain(`${HOSTILE.emoji} ${long}`.slice(0, 5_000));
    expect(screen.getByRole('button', { name: `Copy the ${HOSTILE.img} pitch` })).toBeTruthy();
  });
});
