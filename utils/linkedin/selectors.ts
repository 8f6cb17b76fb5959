// All of Rapport's knowledge of LinkedIn's markup, in one place. Each entry says where and
// when it was seen; the adapter tries the most stable signals first and these last.

/** Structured data and metadata: stable across redesigns. */
export const META = {
  /** Logged-out public pages (seen 2019–2026): `@graph` with a Person or an Organization. */
  jsonLd: 'script[type="application/ld+json"]',
  /** Logged-out pages on country hosts (seen 2020–2026): `https://se.linkedin.com/in/<slug>`. */
  canonical: 'link[rel="canonical"]',
  /**
   * Logged-in pages (seen 2018–2026): API responses embedded as HTML-escaped JSON in
   * `<code id="bpr-guid-N">`. They include the viewer's own mini profile and go stale after
   * in-app navigation: only the entry whose publicIdentifier matches the slug is used.
   */
  embeddedData: 'code[id^="bpr-guid-"]',
} as const;

/** Hooks that survived the 2025–2026 class obfuscation: data-view-name, aria-labels, hrefs. */
export const HOOKS = {
  /** Any link that may wrap the name heading; the href must point at this very profile. */
  profileLinks: 'a[href*="/in/"]',
  /**
   * The top card (seen: `section[data-member-id]` 2024; `[data-view-name="profile-card"]`
   * 2025; `[data-view-name="profile-top-card"]` 2026 reports).
   */
  topCard: 'section[data-member-id], [data-view-name="profile-top-card"], [data-view-name="profile-card"]',
  /** "Current company: Acme. Click to skip to experience card" (aria-label, seen 2023–2026). */
  currentCompany: '[aria-label^="Current company:"]',
  /** The "Contact info" link sits next to the location line (seen 2022–2026). */
  contactInfoLink: 'a[href*="/overlay/contact-info/"]',
  /** Only on the viewer's own profile (seen 2023–2026). */
  ownProfile: 'a[href*="/edit/intro/"], button[aria-label="Edit intro"], a[aria-label="Edit intro"]',
} as const;

/** Readable classes of the 2024 markup (seen until early 2025): the last resort. */
export const CLASSES = {
  heading: 'main h1.text-heading-xlarge',
  headline: 'main div.text-body-medium',
  location: 'main span.text-body-small.inline.t-black--light',
  /** Structural fallback, any era: the first heading of the main region. */
  anyHeading: 'main h1',
} as const;

/** Company pages. */
export const COMPANY = {
  /** Seen 2024–2026: the company name is the main region's h1. */
  heading: 'main h1',
} as const;
