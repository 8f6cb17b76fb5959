// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/preact';
import type { ComponentProps } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { EditableText } from '../../../components/card/EditableText';
import { RapportError } from '../../../utils/messages/client';
import { deferred, expectNoInjectedElements, HOSTILE, LONG, settle } from './helpers';

type Props = ComponentProps<typeof EditableText>;

function setup(props: Partial<Props> = {}) {
  const save = vi.fn(async (_value: string): Promise<unknown> => ({}));
  const all: Props = { label: 'Headline', value: 'Analyst', save, ...props };
  const view = render(<EditableText {...all} />);
  const field = screen.getByLabelText(all.label) as HTMLInputElement | HTMLTextAreaElement;
  return {
    save: all.save as typeof save,
    field,
    rerender: (next: Partial<Props>) => view.rerender(<EditableText {...all} {...next} />),
  };
}

const type = (field: HTMLElement, value: string) => {
  field.focus();
  fireEvent.input(field, { target: { value } });
};

describe('EditableText', () => {
  it('shows the value under its label', () => {
    const { field } = setup();
    expect(field.tagName).toBe('INPUT');
    expect(field.value).toBe('Analyst');
    expect(field.getAttribute('dir')).toBe('auto');
  });

  it('saves the trimmed text when it loses focus', async () => {
    const { field, save } = setup();
    type(field, '  Analyst of engines  ');
    field.blur();
    await settle();
    expect(save.mock.calls).toEqual([['Analyst of engines']]);
  });

  it('saves on Enter', async () => {
    const { field, save } = setup();
    type(field, 'Poet of science');
    fireEvent.keyDown(field, { key: 'Enter' });
    await settle();
    expect(save.mock.calls).toEqual([['Poet of science']]);
    expect(document.activeElement).not.toBe(field);
  });

  it('does not save an unchanged value', async () => {
    const { field, save } = setup();
    type(field, ' Analyst ');
    field.blur();
    await settle();
    expect(save).not.toHaveBeenCalled();
  });

  it('saves an emptied optional field as ""', async () => {
    const { field, save } = setup();
    type(field, '   ');
    field.blur();
    await settle();
    expect(save.mock.calls).toEqual([['']]);
  });

  it('Escape reverts to the stored value and saves nothing', async () => {
    const { field, save } = setup();
    type(field, 'Something else');
    fireEvent.keyDown(field, { key: 'Escape' });
    await settle();
    expect(field.value).toBe('Analyst');
    field.blur();
    await settle();
    expect(save).not.toHaveBeenCalled();
  });

  it('a required field refuses empty text and restores the value', async () => {
    const { field, save } = setup({ label: 'Name', value: 'Ada Lovelace', required: true });
    type(field, '  ');
    field.blur();
    await settle();
    expect(save).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Name can’t be empty.');
    expect(field.value).toBe('Ada Lovelace');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    // A valid edit clears the complaint.
    type(field, 'Ada King');
    field.blur();
    await settle();
    expect(save.mock.calls).toEqual([['Ada King']]);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(field.getAttribute('aria-invalid')).toBeNull();
  });

  it('takes a new value from elsewhere when the user is not editing', async () => {
    const { field, rerender } = setup();
    rerender({ value: 'Changed in another tab' });
    await settle();
    expect(field.value).toBe('Changed in another tab');
  });

  it('does not overwrite text being edited with a value from elsewhere', async () => {
    const { field, rerender, save } = setup();
    type(field, 'My half-typed head');
    rerender({ value: 'Changed in another tab' });
    await settle();
    expect(field.value).toBe('My half-typed head');
    field.blur();
    await settle();
    expect(save.mock.calls).toEqual([['My half-typed head']]);
  });

  it('shows "Saving…" while the save runs', async () => {
    const pending = deferred<unknown>();
    const { field } = setup({ save: () => pending.promise });
    type(field, 'New');
    field.blur();
    await settle();
    expect(screen.getByText('Saving…')).toBeTruthy();
    pending.resolve({});
    await settle();
    expect(screen.queryByText('Saving…')).toBeNull();
  });

  it('a failed save keeps the user’s text, shows the error, and holds off remote values', async () => {
    let fail = true;
    const save = vi.fn(async (_value: string) => {
      if (fail) throw new RapportError('invalid-request', 'The request is invalid.', [{ path: 'patch.headline', message: 'Too long' }]);
      return {};
    });
    const { field, rerender } = setup({ save });
    type(field, 'My headline');
    field.blur();
    await settle();
    expect(field.value).toBe('My headline');
    expect(screen.getByRole('alert').textContent).toBe('Not saved: The request is invalid. (patch.headline: Too long)');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    // The user's text is still theirs: a broadcast of the old value must not wipe it.
    rerender({ value: 'Analyst (from another tab)' });
    await settle();
    expect(field.value).toBe('My headline');
    // Typing clears the error; the retry saves.
    fail = false;
    type(field, 'My headline!');
    expect(screen.queryByRole('alert')).toBeNull();
    field.blur();
    await settle();
    expect(save.mock.calls).toEqual([['My headline'], ['My headline!']]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('Escape after a failed save reverts and clears the error', async () => {
    const save = vi.fn(async () => {
      throw new Error('offline');
    });
    const { field } = setup({ save });
    type(field, 'My headline');
    field.blur();
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Not saved: offline');
    field.focus();
    fireEvent.keyDown(field, { key: 'Escape' });
    await settle();
    expect(field.value).toBe('Analyst');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(field.getAttribute('aria-invalid')).toBeNull();
  });

  it('multiline: a textarea where Enter is a new line, saved on blur', async () => {
    const { field, save } = setup({ label: 'E-mails', value: 'a@example.com', multiline: true });
    expect(field.tagName).toBe('TEXTAREA');
    type(field, 'a@example.com\nb@example.com');
    fireEvent.keyDown(field, { key: 'Enter' });
    await settle();
    expect(save).not.toHaveBeenCalled();
    field.blur();
    await settle();
    expect(save.mock.calls).toEqual([['a@example.com\nb@example.com']]);
  });

  it('passes type, maxLength and placeholder to the input', () => {
    const { field } = setup({ label: 'LinkedIn URL', value: '', type: 'url', maxLength: 500, placeholder: 'https://…' });
    expect((field as HTMLInputElement).type).toBe('url');
    expect(field.maxLength).toBe(500);
    expect(field.placeholder).toBe('https://…');
  });

  it('renders hostile values as text', () => {
    const { field } = setup({ label: HOSTILE.img, value: `${HOSTILE.script}${HOSTILE.rtl}${HOSTILE.emoji}` });
    expectNoInjectedElements();
    expect(field.value).toBe(`${HOSTILE.script}${HOSTILE.rtl}${HOSTILE.emoji}`);
    expect(screen.getByText(HOSTILE.img).tagName).toBe('LABEL');
  });

  it('holds a 10,000-character value', () => {
    const { field } = setup({ label: 'Interests', value: LONG, multiline: true });
    expectNoInjectedElements();
    expect(field.value).toBe(LONG);
    expect(field.value).toHaveLength(10_000);
  });
});
