import { MAPPABLE_FIELDS, type ColumnMapping as Mapping, type MappableField } from '../../utils/transfer/csv-import';
import { FIELD_LABELS } from './transfer-text';

/**
 * The mapping step of a generic CSV: each column with its header, a few of its values, and
 * the field it fills. The worker proposed the mapping; every change asks for a new preview.
 */
export function ColumnMapping(props: {
  headers: string[];
  mapping: Mapping;
  samples: string[][];
  disabled: boolean;
  onChange: (mapping: Mapping) => void;
}) {
  const { headers, mapping, samples } = props;
  const change = (column: number, value: string) => {
    const next = headers.map((_, i) => mapping[i] ?? null);
    next[column] = value ? (value as MappableField) : null;
    props.onChange(next);
  };
  return (
    <fieldset class="column-mapping">
      <legend>What each column holds</legend>
      <p class="quiet">Rapport guessed from the headers. Change a column and the preview below follows.</p>
      <table>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Values in the file</th>
            <th scope="col">Import as</th>
          </tr>
        </thead>
        <tbody>
          {headers.map((header, i) => {
            const id = `column-${i}`;
            const name = header.trim() || `Column ${i + 1}`;
            return (
              <tr key={i}>
                <th scope="row">
                  {name}
                </th>
                <td class="samples">{samples[i]?.length ? samples[i]!.join(' · ') : <span class="quiet">(empty)</span>}</td>
                <td>
                  <select
                    id={id}
                    aria-label={`Import column “${name}” as`}
                    value={mapping[i] ?? ''}
                    disabled={props.disabled}
                    onChange={(e) => change(i, e.currentTarget.value)}
                  >
                    <option value="">Don’t import</option>
                    {MAPPABLE_FIELDS.map((field) => (
                      <option key={field} value={field}>
                        {FIELD_LABELS[field]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}
