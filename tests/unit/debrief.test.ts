// The debrief questions must fit the record the interaction stores them in.
import { describe, expect, it } from 'vitest';
import { DEBRIEF_QUESTIONS } from '../../utils/debrief';
import { Interaction } from '../../utils/model/interaction';

describe('DEBRIEF_QUESTIONS', () => {
  it('have unique ids that the stored debrief accepts as keys', () => {
    const ids = DEBRIEF_QUESTIONS.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    const answers = Object.fromEntries(ids.map((id, i) => [id, (['yes', 'partly', 'no'] as const)[i % 3]]));
    expect(Interaction.shape.debrief.parse(answers)).toEqual(answers);
  });

  it('each ask a question', () => {
    for (const { id, text } of DEBRIEF_QUESTIONS) expect(text, id).toMatch(/^[A-Z].+\?$/);
  });
});
