import type { Request } from '../../utils/messages/client';
import type { ContactSummary } from '../../utils/model/contact';
import type { ManagerFilters, ManagerList } from '../../utils/model/manager';
import { ContactPicker } from '../card/ContactPicker';
import { typeLabel } from '../card/labels';

const MONTH_CHOICES = [1, 3, 6, 12, 24];

/** The list's filters: each one narrows the list (they combine); the choices come from the facets. */
export function Filters(props: {
  filters: ManagerFilters;
  facets: ManagerList['facets'] | null;
  onChange: (filters: ManagerFilters) => void;
  introducer: ContactSummary | null;
  onIntroducer: (contact: ContactSummary | null) => void;
  request: Request;
}) {
  const { filters, facets } = props;
  const set = <K extends keyof ManagerFilters>(key: K, value: ManagerFilters[K] | '' | false) => {
    const next = { ...filters };
    if (value === '' || value === false || value === undefined) delete next[key];
    else next[key] = value as ManagerFilters[K];
    props.onChange(next);
  };
  const active = Object.keys(filters).length > 0;

  return (
    <fieldset class="filters">
      <legend class="visually-hidden">Filters</legend>
      <label>
        <span>Tag</span>
        <select value={filters.tag ?? ''} onChange={(e) => set('tag', e.currentTarget.value)}>
          <option value="">Any tag</option>
          {facets?.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Type</span>
        <select value={filters.type ?? ''} onChange={(e) => set('type', e.currentTarget.value)}>
          <option value="">Any type</option>
          {facets?.types.map((type) => (
            <option key={type} value={type}>
              {typeLabel(type)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Company</span>
        <input
          type="search"
          list="manager-companies"
          placeholder="Any company"
          maxLength={200}
          value={filters.company ?? ''}
          onChange={(e) => set('company', e.currentTarget.value.trim())}
        />
        <datalist id="manager-companies">
          {facets?.companies.map((company) => <option key={company} value={company} />)}
        </datalist>
      </label>
      <label>
        <span>Not in touch for</span>
        <select
          value={filters.notInTouchMonths ?? ''}
          onChange={(e) => set('notInTouchMonths', e.currentTarget.value ? Number(e.currentTarget.value) : '')}
        >
          <option value="">Any time</option>
          {MONTH_CHOICES.map((months) => (
            <option key={months} value={months}>
              {months === 1 ? '1 month' : `${months} months`}+
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" checked={filters.overdue ?? false} onChange={(e) => set('overdue', e.currentTarget.checked)} />
        <span>Overdue</span>
      </label>
      <label class="check">
        <input type="checkbox" checked={filters.targetsOnly ?? false} onChange={(e) => set('targetsOnly', e.currentTarget.checked)} />
        <span>Target companies</span>
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={filters.includeArchived ?? false}
          onChange={(e) => set('includeArchived', e.currentTarget.checked)}
        />
        <span>Archived too</span>
      </label>
      <details class="introducer" open={props.introducer !== null}>
        <summary>Introduced by{props.introducer ? `: ${props.introducer.name}` : ''}</summary>
        <ContactPicker
          label="Introduced by"
          current={props.introducer}
          excludeId={0}
          request={props.request}
          onPick={async (contact) => props.onIntroducer(contact)}
        />
      </details>
      {active && (
        <button
          type="button"
          class="link"
          onClick={() => {
            props.onIntroducer(null);
            props.onChange({});
          }}
        >
          Clear filters
        </button>
      )}
    </fieldset>
  );
}
