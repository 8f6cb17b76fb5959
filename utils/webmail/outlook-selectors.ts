// All of Rapport's knowledge of Outlook on the web's markup, in one place. Evidence is thin:
// no public saved page exists, so each entry says where it was seen (field notes in
// shared/sites.md, open-source scrapers and their tests, 2023–2026). Outlook's class names
// are hashed CSS modules that change with every build: nothing here uses a class.

/** The three hosts (seen 2020–2026); outlook.live.com is consumer, the others business. */
export const OUTLOOK_HOSTS = ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com'] as const;

/** URL paths (seen 2020–2026). */
export const PATHS = {
  /**
   * The path segment before the item id: `/mail/0/inbox/id/<ItemID>` (live),
   * `/mail/inbox/id/<ItemID>` (business), `/mail/search/id/<ItemID>`.
   */
  itemMarker: 'id',
  /** Mail views that are not a list or a conversation: settings, the pop-out compose. */
  otherSections: ['options', 'compose', 'settings'],
  /** `/mail/deeplink/compose` is a pop-out compose window, `/mail/deeplink/read/<ItemID>` a pop-out reader. */
  deeplink: 'deeplink',
  deeplinkRead: 'read',
} as const;

/** The signed-in user. */
export const ACCOUNT = {
  /** Top bar (seen 2023–2026): "Account manager for Mary Somerville" — a name, no address. */
  accountManager: 'button[aria-label^="Account manager for"], [role="button"][aria-label^="Account manager for"]',
  accountManagerPrefix: /^Account manager for\s+/i,
  /**
   * The Microsoft account flyout ("MeControl", seen 2019–2024 on live and business): the
   * display name and the sign-in address; present in the DOM once the top bar rendered.
   */
  meControlName: '#mectrl_currentAccount_primary',
  meControlAddress: '#mectrl_currentAccount_secondary',
  /** `<title>` (seen 2020–2026): "Mail - Mary Somerville - Outlook"; the middle part is the account. */
  titleSuffix: /\s+[-–—]\s+Outlook(?: on the web)?\s*$/i,
} as const;

/** The message list. */
export const LIST = {
  /** The list itself (seen 2020–2026): `[role=listbox]`, labelled "Message list" in English. */
  listbox: '[role="listbox"]',
  /** Business layout wrapper (reported 2023–2025): holds the Focused/Other tabs and the list. */
  section: '[data-app-section="MessageList"]',
  /** One conversation (seen 2020–2026); the selected one has aria-selected="true". */
  row: '[role="option"][data-convid]',
  /**
   * Inside a row: controls and decorations that carry no participant text (checkbox,
   * flag/pin buttons, avatar coin, icons).
   */
  skip:
    'button, [role="button"], [role="checkbox"], [role="img"], [aria-hidden="true"], [hidden], ' +
    'svg, img, i, input, select, textarea',
} as const;

/** The reading pane and the open conversation. */
export const PANE = {
  /**
   * The pane (seen: `[data-app-section="MailReadCompose"]` business 2022–2025;
   * `#ReadingPaneContainerId` live 2023–2025; `[aria-label="Reading Pane"]` on a `<main>`;
   * `#ConversationReadingPaneContainer`/`#ItemReadingPaneContainer` inside them, 2021–2025).
   */
  container:
    '[data-app-section="MailReadCompose"], #ReadingPaneContainerId, [aria-label="Reading Pane"], ' +
    '#ConversationReadingPaneContainer, #ItemReadingPaneContainer',
  /** Subject (seen 2023–2025): `span#CONV_<n>_SUBJECT[role=heading]`, sometimes a `span[title]` in it. */
  subjectById: '[id$="_SUBJECT"]:not(input):not(textarea)',
  heading: '[role="heading"], h1, h2, h3',
  /**
   * One message of the conversation (seen: `[aria-label="Email message"]` 2024–2025;
   * collapsed items are labelled "Email from <name>…" in reports). `data-itemid` is not in
   * public evidence: it is the fixture's stand-in for a per-message id, read when present.
   */
  message: '[aria-label="Email message"], [aria-label^="Email from "], [data-itemid]',
  itemIdAttribute: 'data-itemid',
  /** The message body (seen 2023–2025): never read for people, the sender controls it. */
  body: '[role="document"], [aria-label^="Message body"], [id^="UniqueMessageBody"], [contenteditable="true"]',
  /** A received message's body (seen 2023–2025): what its sender wrote, buttons included. */
  receivedBody: '[role="document"], [id^="UniqueMessageBody"]',
  /** "From: Ada Lovelace<ada@analytical.example>" (seen 2024–2025; the address may be missing). */
  from: '[aria-label^="From:" i]',
  /** Recipient lines (seen 2024): "To: Mary Somerville; Grace Hopper", same for Cc/Bcc. */
  recipientLines: '[aria-label^="To:" i], [aria-label^="Cc:" i], [aria-label^="Bcc:" i]',
  /** Persona buttons (seen 2022–2025): the hover card; the address sits in a sibling "<…>". */
  persona: '[aria-label^="Opens card for "]',
  personaPrefix: /^Opens card for\s+/i,
  /** Date (seen 2023–2025): full date in `title`, sometimes a shorter text. */
  date: '[data-testid="SentReceivedSavedTime"], time[datetime]',
} as const;

/** Anything in a header that may carry an address: titles, aria-labels, mailto links. */
export const PERSON_HINTS = '[title], [aria-label], a[href]';

/** Compose forms (new message, inline reply, pop-out). */
export const COMPOSE = {
  /**
   * The body editor (seen 2022–2025): "Message body" or "Message body, press Alt+F10 to exit".
   * The read-only body of a received message has the same label but is not editable.
   */
  body: '[contenteditable="true"][aria-label^="Message body"], [contenteditable=""][aria-label^="Message body"]',
  /**
   * The Send button (seen: `button[aria-label="Send"]` 2019–2025, title "Send (Ctrl+Enter)"
   * in reports; `[data-testid="ComposeSendButton"]` 2024 reports). Its split half is a
   * separate button labelled "Send options"/"More send options" with aria-haspopup.
   */
  sendCandidates: 'button, [role="button"], [data-testid="ComposeSendButton"]',
  sendTestId: 'ComposeSendButton',
  sendLabel: /^send(?:\s*\(.*\))?$/i,
  /** Subject input (seen 2019–2025); inline replies have none. */
  subject:
    'input[aria-label="Add a subject"], input[placeholder="Add a subject"], input[aria-label="Subject"], ' +
    'input[id$="_SUBJECT"]',
  /**
   * Recipient wells (seen 2019–2025): `div[aria-label="To"]` contenteditable/textbox with
   * persona chips in it, or an `input[aria-label="To"]`; the same for Cc and Bcc. The "To"
   * and "Cc" buttons that open the address book carry the same labels: not wells.
   */
  wells: ['To', 'Cc', 'Bcc'].map((label) => `[aria-label="${label}"]:not(button):not([role="button"])`).join(', '),
  /** Text fields inside a well whose typed value is not in the text content. */
  wellInputs: 'input, textarea',
} as const;
