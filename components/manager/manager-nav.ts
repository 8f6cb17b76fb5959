// The manager page's sections and how the URL hash picks one (`#view=review`). Kept apart from
// ManagerApp.tsx so that a section can navigate without importing the page that imports it.

/** The manager's sections; each is one file, chosen by `#view=…` in the URL. */
export const MANAGER_VIEWS = [
  { id: 'contacts', label: 'Contacts' },
  { id: 'duplicates', label: 'Duplicates' },
  { id: 'review', label: 'Weekly review' },
  { id: 'transfer', label: 'Import & export' },
  { id: 'settings', label: 'Settings' },
] as const;
export type ManagerView = (typeof MANAGER_VIEWS)[number]['id'];

/** The section a URL hash selects: `#view=review`; `#contact=12` (or nothing) is the list. */
export function viewFromHash(hash: string): ManagerView {
  const raw = new URLSearchParams(hash.replace(/^#/, '')).get('view');
  return MANAGER_VIEWS.find((v) => v.id === raw)?.id ?? 'contacts';
}

/** Switches section by rewriting the hash (the shell listens for hashchange). */
export function navigate(view: ManagerView, extra: Record<string, string> = {}) {
  const params = new URLSearchParams(view === 'contacts' ? extra : { view, ...extra });
  const hash = params.toString();
  location.hash = hash ? `#${hash}` : '';
  // Setting an empty hash to an empty hash fires no event: tell the shell anyway.
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
