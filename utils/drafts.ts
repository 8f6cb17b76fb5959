// Thank-you and follow-up drafts filled from the contact and the last interaction. Rapport
// never sends anything: a draft opens in the user's mail program or webmail, or is copied.
import type { Contact } from './model/contact';
import type { Interaction } from './model/interaction';

export type DraftKind = 'thank-you' | 'follow-up';

export interface Draft {
  to: string[];
  subject: string;
  body: string;
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

const KIND_PHRASES: Record<string, string> = {
  'informational-interview': 'taking the time to talk with me about your work',
  meeting: 'meeting with me',
  call: 'the call',
  'video-call': 'the call',
  event: 'the conversation at the event',
  email: 'your reply',
  'linkedin-message': 'your message',
  other: 'your time',
};

export function composeDraft(kind: DraftKind, contact: Contact, last: Interaction | undefined): Draft {
  const hello = `Hi ${firstName(contact.name)},`;
  const topic = last?.summary.trim();
  if (kind === 'thank-you') {
    const what = KIND_PHRASES[last?.kind ?? 'other'] ?? 'your time';
    const lines = [
      hello,
      '',
      `Thank you for ${what}.${topic ? ` I especially appreciated what you said about ${topic.replace(/[.!]+$/, '')}.` : ''}`,
      '',
      'I will keep you posted on how things go.',
      '',
      'Best regards,',
    ];
    return { to: contact.emails.slice(0, 1), subject: 'Thank you', body: lines.join('\n') };
  }
  const lines = [
    hello,
    '',
    topic
      ? `I have been thinking about our conversation on ${topic.replace(/[.!]+$/, '')} and wanted to follow up.`
      : 'I wanted to follow up and see how you are doing.',
    '',
    'Would you have 20 minutes in the coming weeks to catch up?',
    '',
    'Best regards,',
  ];
  return { to: contact.emails.slice(0, 1), subject: 'Following up', body: lines.join('\n') };
}

const q = encodeURIComponent;

export function mailtoUrl(draft: Draft): string {
  return `mailto:${draft.to.map(q).join(',')}?subject=${q(draft.subject)}&body=${q(draft.body)}`;
}

/** Gmail's compose window in the web app. */
export function gmailComposeUrl(draft: Draft): string {
  return `https://mail.google.com/mail/?view=cm&fs=1&to=${q(draft.to.join(','))}&su=${q(draft.subject)}&body=${q(draft.body)}`;
}

/** Outlook on the web's compose deep link, on the host the user is on. */
export function outlookComposeUrl(draft: Draft, host = 'outlook.office.com'): string {
  return `https://${host}/mail/deeplink/compose?to=${q(draft.to.join(','))}&subject=${q(draft.subject)}&body=${q(draft.body)}`;
}

export function draftAsText(draft: Draft): string {
  return `${draft.to.length ? `To: ${draft.to.join(', ')}\n` : ''}Subject: ${draft.subject}\n\n${draft.body}`;
}
