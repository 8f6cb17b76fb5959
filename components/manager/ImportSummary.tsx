import type { ComponentChildren } from 'preact';
import type { ImportPreview } from '../../utils/messages/transfer-schemas';
import { fieldList, MATCHED_BY, plural } from './transfer-text';

/** How many examples of a group show before "Show all". */
const SHOWN = 3;

/** A group of the preview: its sentence, a few examples, the rest behind "Show all". */
function Group<T>(props: { title: string; items: T[]; total: number; render: (item: T) => ComponentChildren; class: string }) {
  const { items, total, render } = props;
  if (!total) return null;
  const first = items.slice(0, SHOWN);
  const rest = items.slice(SHOWN);
  const unlisted = total - items.length;
  return (
    <li class={`import-group ${props.class}`}>
      <strong>{props.title}</strong>
      <ul class="examples">
        {first.map((item, i) => (
          <li key={i}>{render(item)}</li>
        ))}
      </ul>
      {rest.length > 0 && (
        <details>
          <summary>Show {rest.length === total - SHOWN ? 'all' : `${rest.length.toLocaleString('en-US')} more`}</summary>
          <ul class="examples">
            {rest.map((item, i) => (
              <li key={i}>{render(item)}</li>
            ))}
          </ul>
        </details>
      )}
      {unlisted > 0 && <p class="quiet unlisted">…and {unlisted.toLocaleString('en-US')} more not listed here.</p>}
    </li>
  );
}

const lines = (ls: number[]) => (ls.length === 1 ? `line ${ls[0]}` : `lines ${ls.join(', ')}`);

function Warnings(props: { warnings: string[] }) {
  return props.warnings.length ? <span class="warning"> — {props.warnings.join(' ')}</span> : null;
}

/** What importing the file would do, group by group, before anything is written. */
export function ImportSummary(props: { preview: ImportPreview }) {
  const { preview } = props;
  const { counts } = preview;
  return (
    <ul class="import-summary">
      <Group
        class="create"
        title={`${plural(counts.create, 'new contact')} will be created`}
        items={preview.create}
        total={counts.create}
        render={(c) => (
          <>
            <span class="who">{c.draft.name}</span>
            {(c.draft.headline || c.draft.company) && <span class="quiet"> · {c.draft.headline || c.draft.company}</span>}
            <Warnings warnings={c.warnings} />
          </>
        )}
      />
      <Group
        class="update"
        title={`${plural(counts.update, 'contact')} already in Rapport will be updated (empty fields filled)`}
        items={preview.update}
        total={counts.update}
        render={(u) => {
          const filled = fieldList({
            ...u.fill,
            ...(u.addEmails.length ? { email: 1 } : {}),
            ...(u.addPhones.length ? { phone: 1 } : {}),
            ...(u.addTags.length ? { tags: 1 } : {}),
          });
          return (
            <>
              <span class="who">{u.name}</span>
              <span class="quiet"> · {MATCHED_BY[u.matchedBy]}</span>
              {filled && <span> · adds {filled}</span>}
              {Object.keys(u.offered).length > 0 && <span class="offered"> · the file has a newer {fieldList(u.offered)}</span>}
              <Warnings warnings={u.warnings} />
            </>
          );
        }}
      />
      <Group
        class="merged"
        title={`${plural(counts.merged, 'row')} combined with another row of the file`}
        items={preview.merged}
        total={counts.merged}
        render={(m) => (
          <>
            {lines(m.lines)}: {m.reason}
          </>
        )}
      />
      <Group
        class="skip"
        title={`${plural(counts.skip, 'row')} skipped`}
        items={preview.skip}
        total={counts.skip}
        render={(s) => (
          <>
            Line {s.line}: {s.reason}
          </>
        )}
      />
    </ul>
  );
}
