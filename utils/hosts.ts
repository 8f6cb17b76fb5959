// The sites Rapport annotates. One list, used by the manifest (host access and the
// sidebar's web-accessible resource) and by the content scripts.
export const LINKEDIN_PATTERNS = ['https://*.linkedin.com/*'] as const;
export const GMAIL_PATTERNS = ['https://mail.google.com/*'] as const;
export const OUTLOOK_PATTERNS = [
  'https://outlook.live.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
] as const;

export const HOST_PATTERNS = [...LINKEDIN_PATTERNS, ...GMAIL_PATTERNS, ...OUTLOOK_PATTERNS] as const;

/** The sidebar extension page, as listed in web_accessible_resources. */
export const SIDEBAR_PAGE = 'sidebar.html';
