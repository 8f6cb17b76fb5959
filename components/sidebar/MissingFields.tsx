const LABELS: Record<string, string> = {
  name: 'the name',
  headline: 'the headline',
  company: 'the current company',
  title: 'the current title',
  location: 'the location',
};

/** A quiet note when the page did not yield a field: a markup change costs one field, not the card. */
export function MissingFields(props: { missing: string[] }) {
  if (!props.missing.length) return null;
  const names = props.missing.map((field) => LABELS[field] ?? field);
  const what = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0];
  return <p class="quiet small">Couldn’t read {what} on this page.</p>;
}
