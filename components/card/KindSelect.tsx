import { INTERACTION_KINDS, type InteractionKind } from '../../utils/model/interaction';
import { KIND_LABELS } from './labels';

/** The kind of an interaction, as a labelled select (used to log and to edit). */
export function KindSelect(props: { value: InteractionKind; onChange: (kind: InteractionKind) => void; inline?: boolean }) {
  return (
    <label class={props.inline ? 'field inline' : 'field'}>
      <span>Kind</span>
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as InteractionKind)}>
        {INTERACTION_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_LABELS[k]}
          </option>
        ))}
      </select>
    </label>
  );
}
