// All of Rapport's knowledge of Gmail's markup, in one place (see ../shared/sites.md, "Gmail").
// Each entry says where and when it was seen. Gmail's class names look hashed but have been
// stable for a decade; still, every lookup prefers the attribute signals (email=, name=,
// data-message-id, role=) and uses a class only to narrow or as a fallback.

/** The page chrome: title and the main region (seen 2014–2026). */
export const PAGE = {
  /**
   * The list or the open thread lives in `div[role=main]` (class `nH bkK` 2020–2026). It stays
   * in place when the folder changes; only its content is replaced.
   */
  main: 'div[role="main"]',
} as const;

/** The thread list (default layout and vertical split pane). */
export const LIST = {
  /**
   * One row per conversation: `tr.zA` (unread `zA zE`, read `zA yO`; seen 2014–2026). In the
   * vertical split pane (reading pane "Right of inbox", seen 2019–2026) the head row is
   * `tr.zA.apv` and the conversation continues in one or two sibling `tr.apw`.
   */
  row: 'tr.zA',
  /** The continuation rows of the vertical split pane (see `row`). */
  rowPart: 'tr.zA, tr.apw',
  /**
   * The sender cell: `td.yX` holding `div.yW`, whose `span.bA4` wrappers each hold one
   * participant (seen 2016–2026). Only the row holding it is "the" row of a conversation.
   */
  senderCell: 'td.yX div.yW',
  /** Fallbacks when the classes change: the cell alone, then the inner div alone. */
  senderCellLoose: 'div.yW, td.yX',
  /**
   * A participant: `span[email][name]` (class `yP`, bold/unread `zF`; seen 2014–2026). The
   * user is `name="me"`. Drafts show `<font color="#DD4B39">Draft</font>` with no span.
   */
  participant: 'span[email]',
  /**
   * Thread ids on the subject span: `data-thread-id="#thread-f:…"` and
   * `data-legacy-thread-id="18c…"` (seen 2018–2026).
   */
  threadId: '[data-thread-id], [data-legacy-thread-id]',
  /** The date cell: `td.xW span[title]`, title "Tue, Nov 17, 2026, 3:04 PM" (seen 2016–2026). */
  date: 'td.xW span[title]',
} as const;

/** An open conversation. */
export const THREAD = {
  /** The subject heading `h2.hP` (seen 2014–2026), carries data-legacy-thread-id too. */
  subject: 'h2.hP',
  /**
   * One message: `div.adn[data-message-id]` (id `#msg-f:178…`) plus `data-legacy-message-id`
   * (16 hex; seen 2018–2026). Collapsed messages (in `div.kv`, or the `div.kQ` bundle of older
   * messages) still carry the ids and the sender, with no body.
   */
  message: 'div.adn[data-message-id], div.adn[data-legacy-message-id]',
  /** The same by attributes only, should `adn` go away. */
  messageLoose: '[data-message-id], [data-legacy-message-id]',
  /**
   * The sender, most specific first: `h3.iw span.gD[email][name]` (seen 2014–2026); collapsed
   * messages keep `span.gD` without the heading; the details popup (`.ajA`) repeats it too,
   * later in the header, so the order of these matters.
   */
  sender: ['h3.iw span.gD[email]', 'h3 span.gD[email]', 'span.gD[email]'],
  /** Looser: any address span in a heading of the message header. */
  senderLoose: 'h3 span[email]',
  /**
   * Recipients: `span.g2[email]` inside the "to me, Grace, cc: Katherine" line `span.hb`
   * (seen 2014–2026); the details popup (`.ajA`) repeats them in a table.
   */
  recipients: 'span.g2[email], .hb span[email]',
  /** The message body: quoted mail is untrusted markup, never read for people. */
  body: '.ii, .a3s',
  /** The date: `span.g3[title]` (title "Tue, Nov 17, 2026, 3:04 PM"; seen 2016–2026). */
  date: 'span.g3[title]',
  /** Looser date: a title on the header's date cell `td.gH`. */
  dateLoose: 'td.gH span[title]',
} as const;

/** A message being written: the pop-up compose window and the inline reply. */
export const COMPOSE = {
  /**
   * Compose roots: the inline reply/forward `div.M9` (below an open thread, seen 2014–2026) and
   * the pop-up/full-screen compose `div[role=dialog]` (class `nH Hd`, seen 2014–2026).
   */
  inlineReply: 'div.M9',
  dialog: 'div[role="dialog"]',
  /** Proof that a root is a compose form rather than some other dialog. */
  formHint: 'form, input[name="subjectbox"], [name="to"], [name="cc"], [name="bcc"]',
  /**
   * The Send button: `div[role=button]` (class `T-I aoO`), data-tooltip and aria-label
   * "Send (Ctrl-Enter)" (wrapped in bidi marks) (seen 2014–2026); "Send + archive" when that setting is on. The arrow
   * beside it is "More send options" (schedule send, 2019–2026) and must not count.
   */
  button: '[role="button"], button',
  /**
   * The Send label in English and a few common UI languages (not "Sender", not "Sending"); the
   * English shortcut hint "(Ctrl-Enter)" / "(⌘Enter)" as a second signal.
   */
  sendLabel: /^\s*(?:send|senden|envoyer|enviar|invia|skicka|verzenden|wyślij|odeslat|lähetä)(?=\s|\(|$)/i,
  sendShortcut: /(?:ctrl|⌘|cmd)[\s\u202a\u202c+-]*enter/i,
  /**
   * Recipients as fields: the hidden `input[name=to|cc|bcc]` that back the chips (values
   * "Ada Lovelace <ada@…>, grace@…"; seen 2014–2026), the older `textarea[name=to]` (class
   * `vO`), and the 2023+ typing box `input[aria-label="To recipients"]` (class `agP aFw`).
   */
  fields:
    'input[name="to"], input[name="cc"], input[name="bcc"], textarea[name="to"], textarea[name="cc"], textarea[name="bcc"], ' +
    'input[aria-label="To recipients"], input[aria-label="Cc recipients"], input[aria-label="Bcc recipients"]',
  /**
   * Recipient chips: `span.vN[email]` (2014–2022, name in `div.vT`) and `div.afV[data-hovercard-id]`
   * with `data-name` (2023–2026, name in `div.akl`).
   */
  chips: 'span[email], div[data-hovercard-id]',
  chipName: '.vT, .akl',
  /** The body editor and quoted text: untrusted content, never read for recipients. */
  body: '[contenteditable], [role="textbox"], .editable, .gmail_quote',
  /** The subject: `input[name=subjectbox]` (seen 2014–2026); inline replies keep a hidden `input[name=subject]`. */
  subject: 'input[name="subjectbox"]',
  subjectHidden: 'input[name="subject"]',
  /** Where Ctrl/⌘+Enter sends from: the form and its editor. */
  keyboardScope: 'form, [contenteditable], [role="textbox"], input, textarea',
} as const;
