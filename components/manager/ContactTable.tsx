import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { ManagerRow, ManagerSort, ManagerSortKey } from '../../utils/model/manager';
import { formatDate, typeLabel } from '../card/labels';

/** Every row has this height (px): what makes the window arithmetic exact. */
export const ROW_HEIGHT = 36;
/** Rows rendered above and below the visible ones (keyboard moves and fast scrolls stay filled). */
export const OVERSCAN = 8;
/** Used until the container is measured (and in tests, where nothing has a layout). */
const FALLBACK_HEIGHT = 600;

/** Where a search found its words, when the row doesn't show that field. */
const MATCHED_LABELS: Record<NonNullable<ManagerRow['matched']>[number], string> = {
  title: 'title or headline',
  emails: 'e-mail',
  location: 'location',
  howWeMet: 'how you met',
  interests: 'interests',
  notes: 'notes',
  interactions: 'conversations',
};

/** "in notes and conversations". */
export function matchedText(matched: NonNullable<ManagerRow['matched']>): string {
  const labels = matched.map((m) => MATCHED_LABELS[m]);
  return `in ${labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}` : labels[0]}`;
}

const COLUMNS: { key: ManagerSortKey | null; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'company', label: 'Company' },
  { key: 'type', label: 'Type' },
  { key: null, label: 'Tags' },
  { key: 'lastContacted', label: 'Last contacted' },
  { key: 'nextFollowUp', label: 'Next follow-up' },
];

/** The visible slice of a list of `count` rows scrolled to `scrollTop` in a viewport of `height`. */
export function visibleRange(count: number, scrollTop: number, height: number) {
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  return { first, last: Math.max(first, last) };
}

/**
 * Every contact in one scrolling list that stays smooth at 10,000 rows: only the rows in view
 * (plus a few) are in the DOM, absolutely placed in a spacer as tall as the whole list. The
 * header sticks; its column buttons sort (aria-sort says how). Rows are focusable: Enter or a
 * click opens the contact, arrow keys move between rows.
 */
export function ContactTable(props: {
  rows: ManagerRow[];
  sort: ManagerSort;
  onSort: (by: ManagerSortKey) => void;
  selectedId: number | null;
  onOpen: (id: number) => void;
  /** With these three, each row gets a checkbox and the header a "select all shown" one. */
  checked?: ReadonlySet<number>;
  onCheck?: (id: number, checked: boolean) => void;
  onCheckAll?: (checked: boolean) => void;
}) {
  const { rows, sort, checked } = props;
  const selectable = checked !== undefined;
  const checkedShown = selectable ? rows.reduce((n, r) => n + (checked.has(r.id) ? 1 : 0), 0) : 0;
  const allBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (allBox.current) allBox.current.indeterminate = checkedShown > 0 && checkedShown < rows.length;
  });
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(FALLBACK_HEIGHT);
  /** The row to focus after the next render (keyboard moves to a row not yet rendered). */
  const pendingFocus = useRef<number | null>(null);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setHeight(element.clientHeight || FALLBACK_HEIGHT);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A new sort or filter starts at the top.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [sort.by, sort.dir]);

  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    pendingFocus.current = null;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus({ preventScroll: true });
  });

  const { first, last } = visibleRange(rows.length, Math.max(0, scrollTop - ROW_HEIGHT), height);

  const moveFocus = (index: number) => {
    const target = Math.min(rows.length - 1, Math.max(0, index));
    const element = scroller.current;
    if (!element) return;
    // Scroll so the row is in view (below the sticky header), then focus it once rendered.
    const top = (target + 1) * ROW_HEIGHT;
    if (top - ROW_HEIGHT < element.scrollTop) element.scrollTop = top - ROW_HEIGHT;
    else if (top + ROW_HEIGHT > element.scrollTop + height) element.scrollTop = top + ROW_HEIGHT - height;
    const rendered = element.querySelector<HTMLElement>(`[data-index="${target}"]`);
    if (rendered) rendered.focus({ preventScroll: true });
    else pendingFocus.current = target;
    setScrollTop(element.scrollTop);
  };

  const onRowKey = (event: JSX.TargetedKeyboardEvent<HTMLDivElement>, index: number, id: number) => {
    // The row's checkbox handles its own keys (Space toggles it).
    if (event.target instanceof HTMLInputElement) return;
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 2);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: rows.length - 1,
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      props.onOpen(id);
    } else if (event.key in moves) {
      event.preventDefault();
      moveFocus(moves[event.key]!);
    }
  };

  return (
    <div
      class={`contact-table${selectable ? ' selectable' : ''}`}
      role="table"
      aria-label="Contacts"
      aria-rowcount={rows.length + 1}
      ref={scroller}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div class="contact-table-row header" role="row" aria-rowindex={1}>
        {selectable && (
          <div role="columnheader" class="check">
            <input
              type="checkbox"
              ref={allBox}
              aria-label={`Select all ${rows.length.toLocaleString()} shown`}
              title={`Select all ${rows.length.toLocaleString()} shown`}
              checked={rows.length > 0 && checkedShown === rows.length}
              onChange={(e) => props.onCheckAll?.(e.currentTarget.checked)}
            />
          </div>
        )}
        {COLUMNS.map((column) => {
          const active = column.key !== null && sort.by === column.key;
          return (
            <div
              key={column.label}
              role="columnheader"
              aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : column.key ? 'none' : undefined}
            >
              {column.key ? (
                <button type="button" class="sort" onClick={() => props.onSort(column.key!)}>
                  {column.label}
                  <span aria-hidden="true" class="arrow">
                    {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              ) : (
                <span>{column.label}</span>
              )}
            </div>
          );
        })}
      </div>
      <div class="contact-table-body" role="rowgroup" style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
        {rows.slice(first, last).map((row, offset) => {
          const index = first + offset;
          return (
            <div
              key={row.id}
              class={`contact-table-row${row.id === props.selectedId ? ' selected' : ''}${row.archived ? ' archived' : ''}`}
              role="row"
              aria-rowindex={index + 2}
              aria-selected={row.id === props.selectedId}
              aria-label={row.name}
              data-index={index}
              tabIndex={0}
              style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
              onClick={() => props.onOpen(row.id)}
              onKeyDown={(e) => onRowKey(e, index, row.id)}
            >
              {selectable && (
                <div role="cell" class="check" onClick={(e) => e.stopPropagation()}>
                  <input
                    type="checkbox"
                    aria-label={`Select ${row.name}`}
                    checked={checked.has(row.id)}
                    onChange={(e) => props.onCheck?.(row.id, e.currentTarget.checked)}
                  />
                </div>
              )}
              <div role="cell" class="name" dir="auto">
                {row.name}
                {row.archived && <span class="quiet small"> (archived)</span>}
                {row.matched && (
                  <span class="quiet small matched" title={matchedText(row.matched)}>
                    {` · ${matchedText(row.matched)}`}
                  </span>
                )}
              </div>
              <div role="cell" dir="auto">
                {row.company ?? ''}
              </div>
              <div role="cell">{row.type ? typeLabel(row.type) : ''}</div>
              <div role="cell" class="tags">
                {row.tags.map((tag) => (
                  <span key={tag} class="tag" dir="auto">
                    {tag}
                  </span>
                ))}
              </div>
              <div role="cell">{row.lastContacted !== undefined ? formatDate(row.lastContacted) : <span class="quiet">never</span>}</div>
              <div role="cell" class={row.overdue ? 'overdue' : undefined}>
                {row.nextFollowUp !== undefined ? formatDate(row.nextFollowUp) : ''}
                {row.overdue && <span class="small"> · overdue</span>}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
