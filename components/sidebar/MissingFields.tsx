const LABELS: Record<string, string> = { name: 'the name', headline: 'the headline' };

/** A quiet note when the page did not yield a field: a markup change costs one field, not the card. */
export function MissingFields(props: { missing: string[] }) {
  if (!props.missing.length) return null;
  const what = props.missing.map((field) => LABELS[field] ?? field).join(' or ');
  return <p class="quiet small">Couldn’t read {what} on this page.</p>;
}
