// Logged-in pages embed API responses in `<code id="bpr-guid-N">` as HTML-escaped JSON (the
// DOM decodes the escaping). They hold the profile on display, profiles from side panels, and
// the viewer's own mini profile — and they are not updated by in-app navigation.
import { cleanText, jsonBlocks } from './page-data';
import { META } from './selectors';

type Entity = Record<string, unknown>;

export function embeddedEntities(doc: Document): Entity[] {
  const entities: Entity[] = [];
  for (const data of jsonBlocks(doc, META.embeddedData)) {
    const included = (data as { included?: unknown })?.included;
    if (Array.isArray(included)) {
      for (const entity of included) if (entity && typeof entity === 'object') entities.push(entity as Entity);
    }
  }
  return entities;
}

export interface EmbeddedProfile {
  slug: string;
  name?: string;
  headline?: string;
  location?: string;
  company?: string;
  title?: string;
}

/** A position's start as a sortable month count; no start sorts last (a stable sort keeps page order). */
function startOf(position: Entity): number {
  const start = (position.dateRange as { start?: { year?: unknown; month?: unknown } } | undefined)?.start;
  const year = typeof start?.year === 'number' ? start.year : 0;
  const month = typeof start?.month === 'number' ? start.month : 0;
  return year * 12 + month;
}

const memberIdOf = (urn: unknown) => (typeof urn === 'string' ? /(ACoAA[\w-]+)/.exec(urn)?.[1] : undefined);

/** The embedded profile whose public identifier is `slug` (case-insensitive), if any. */
export function embeddedProfile(entities: Entity[], slug: string): EmbeddedProfile | undefined {
  const profile = entities.find(
    (e) => typeof e.publicIdentifier === 'string' && decodeSafe(e.publicIdentifier).toLowerCase() === slug && 'firstName' in e,
  );
  if (!profile) return undefined;
  const name = [cleanText(profile.firstName), cleanText(profile.lastName)].filter(Boolean).join(' ') || undefined;
  const memberId = memberIdOf(profile.entityUrn);
  // Current positions: those of this member without an end date, most recent start first.
  const positions = entities
    .filter((e) => typeof e.$type === 'string' && /Position$/.test(e.$type) && memberId && memberIdOf(e.entityUrn) === memberId)
    .filter((e) => !(e.dateRange as { end?: unknown } | undefined)?.end)
    .sort((a, b) => startOf(b) - startOf(a));
  const current = positions[0];
  const geo = profile.geoLocation as { defaultLocalizedName?: unknown } | undefined;
  return {
    slug,
    name,
    headline: cleanText(profile.headline) ?? cleanText(profile.occupation),
    location: cleanText(profile.locationName) ?? cleanText(profile.geoLocationName) ?? cleanText(geo?.defaultLocalizedName),
    company: cleanText(current?.companyName),
    title: cleanText(current?.title),
  };
}

/** The viewer's own public identifier: the mini profile the `Me` entity points at. */
export function viewerSlug(entities: Entity[]): string | undefined {
  const me = entities.find((e) => typeof e.$type === 'string' && /\.Me$/.test(e.$type));
  const urn = me?.['*miniProfile'] ?? me?.miniProfile;
  if (typeof urn !== 'string') return undefined;
  const mini = entities.find((e) => e.entityUrn === urn);
  return typeof mini?.publicIdentifier === 'string' ? decodeSafe(mini.publicIdentifier).toLowerCase() : undefined;
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
