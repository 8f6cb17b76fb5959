import { useState } from 'preact/hooks';
import { composeDraft, draftAsText, gmailComposeUrl, mailtoUrl, outlookComposeUrl, type DraftKind } from '../../utils/drafts';
import type { Contact } from '../../utils/model/contact';
import type { Interaction } from '../../utils/model/interaction';

export type MailHost = 'gmail' | 'outlook' | null;

/** Thank-you and follow-up drafts. Rapport never sends: it opens the draft or copies it. */
export function DraftsPanel(props: { contact: Contact; last: Interaction | undefined; mailHost?: MailHost }) {
  const [kind, setKind] = useState<DraftKind | null>(null);
  const [copied, setCopied] = useState(false);
  const draft = kind ? composeDraft(kind, props.contact, props.last) : null;
  const openUrl = draft
    ? props.mailHost === 'gmail'
      ? gmailComposeUrl(draft)
      : props.mailHost === 'outlook'
        ? outlookComposeUrl(draft)
        : mailtoUrl(draft)
    : '';

  return (
    <details class="section">
      <summary>Drafts</summary>
      <div class="row wrap">
        <button type="button" onClick={() => (setKind('thank-you'), setCopied(false))}>
          Thank-you draft
        </button>
        <button type="button" onClick={() => (setKind('follow-up'), setCopied(false))}>
          Follow-up draft
        </button>
      </div>
      {draft && (
        <div class="draft">
          {!draft.to.length && <p class="quiet small">No e-mail address on this card: add one under Details, or copy the text.</p>}
          <label class="field">
            <span>Draft</span>
            <textarea readOnly rows={9} dir="auto" value={draftAsText(draft)} />
          </label>
          <div class="row">
            <a class="button" href={openUrl} target="_blank" rel="noopener noreferrer">
              {props.mailHost === 'gmail' ? 'Open in Gmail' : props.mailHost === 'outlook' ? 'Open in Outlook' : 'Open in your mail app'}
            </a>
            <button
              type="button"
              onClick={() => void navigator.clipboard.writeText(draftAsText(draft)).then(() => setCopied(true), () => setCopied(false))}
            >
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
        </div>
      )}
    </details>
  );
}
