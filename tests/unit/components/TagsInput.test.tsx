// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { TagsInput } from '../../../components/card/TagsInput';
import { expectNoInjectedElements, HOSTILE, settle } from './helpers';

function setup(tags: string[], allTags: string[] = tags) {
  const onChange = vi.fn(async (_tags: string[]) => {});
  const view = render(<TagsInput tags={tags} allTags={allTags} onChange={onChange} />);
  return { onChange, ...view };
}

const input = () => screen.getByRole('combobox', { name: 'Add a tag' }) as HTMLInputElement;
const type = (value: string) => fireEvent.input(input(), { target: { value } });
const enter = () => fireEvent.keyDown(input(), { key: 'Enter' });

describe('TagsInput', () => {
  it('shows the tags as removable chips', () => {
    setup(['data', 'London']);
    const chips = within(screen.getByRole('list', { name: 'Tags' })).getAllByRole('listitem');
    expect(chips.map((c) => c.querySelector('span')!.textContent)).toEqual(['data', 'London']);
    expect(screen.getByRole('button', { name: 'Remove the tag London' })).toBeTruthy();
  });

  it('adds a tag with Enter and clears the input', async () => {
    const { onChange } = setup(['data']);
    type('  machine   learning ');
    enter();
    await settle();
    expect(onChange.mock.calls).toEqual([[['data', 'machine learning']]]);
    expect(input().value).toBe('');
  });

  it('adds a tag with a comma or the button', async () => {
    const { onChange } = setup([]);
    const button = screen.getByRole('button', { name: 'Add tag' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    type('alumni');
    fireEvent.keyDown(input(), { key: ',' });
    await settle();
    type('mentor');
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    await settle();
    // Each add builds on the tags it was given (the card re-renders with the saved ones).
    expect(onChange.mock.calls).toEqual([[['alumni']], [['mentor']]]);
  });

  it('does not add a blank tag', async () => {
    const { onChange } = setup(['data']);
    type('   ');
    enter();
    await settle();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('ignores a tag the contact already has, whatever its case', async () => {
    const { onChange } = setup(['Data Science']);
    type('data science');
    enter();
    await settle();
    type('DATA   SCIENCE');
    enter();
    await settle();
    expect(onChange).not.toHaveBeenCalled();
    expect(input().value).toBe('');
  });

  it('ignores a differently-cased duplicate even when the tag list in use is stale', async () => {
    const { onChange } = setup(['Data Science'], []);
    type('data science');
    enter();
    await settle();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('reuses the spelling of a tag already in use elsewhere', async () => {
    const { onChange } = setup(['London'], ['London', 'Data Science', 'mentor']);
    type('data science');
    enter();
    await settle();
    expect(onChange.mock.calls).toEqual([[['London', 'Data Science']]]);
  });

  it('caps a tag at 50 characters', async () => {
    const { onChange } = setup([]);
    type('x'.repeat(80));
    enter();
    await settle();
    expect(onChange.mock.calls).toEqual([[['x'.repeat(50)]]]);
  });

  it('removes a tag', async () => {
    const { onChange } = setup(['data', 'London', 'mentor']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove the tag London' }));
    await settle();
    expect(onChange.mock.calls).toEqual([[['data', 'mentor']]]);
  });

  it('suggests the tags in use that the contact does not have', () => {
    const { container } = setup(['data'], ['data', 'London', 'mentor']);
    const list = container.querySelector(`datalist#${CSS.escape(input().getAttribute('list')!)}`)!;
    expect([...list.querySelectorAll('option')].map((o) => o.value)).toEqual(['London', 'mentor']);
  });

  it('renders hostile tags as text', async () => {
    const hostile = [HOSTILE.img.slice(0, 50), HOSTILE.script.slice(0, 50), HOSTILE.rtl, HOSTILE.emoji];
    const { container, onChange } = setup(hostile);
    expectNoInjectedElements();
    expect([...container.querySelectorAll('.chips span')].map((s) => s.textContent)).toEqual(hostile);
    fireEvent.click(screen.getByRole('button', { name: `Remove the tag ${HOSTILE.img}` }));
    await settle();
    expect(onChange.mock.calls).toEqual([[hostile.slice(1)]]);
  });
});
