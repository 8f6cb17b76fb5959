// Thank-you and follow-up drafts, and the links that open them in a mail program.
import { describe, expect, it } from 'vitest';
import { composeDraft, draftAsText, gmailComposeUrl, mailtoUrl, outlookComposeUrl, type Draft } from '../../utils/drafts';
import { Contact } from '../../utils/model/contact';
import { INTERACTION_KINDS, Interaction, type InteractionKind } from '../../utils/model/interaction';

const T0 = Date.UTC(2025, 2, 1, 12);

const contact = (fields: Partial<Contact> = {}) =>
  Contact.parse({ id: 1, name: 'Ada Lovelace', emails: ['ada@example.com', 'ada@work.example'], createdAt: T0, updatedAt: T0, ...fields });

const interaction = (kind: InteractionKind, summary = '') =>
  Interaction.parse({ id: 1, contactId: 1, kind, when: T0, summary, createdAt: T0, updatedAt: T0 });

const lines = (draft: Draft) => draft.body.split('\n');

describe('composeDraft: thank-you', () => {
  const THANKS: Record<InteractionKind, string> = {
    'informational-interview': 'Thank you for taking the time to talk with me about your work.',
    meeting: 'Thank you for meeting with me.',
    call: 'Thank you for the call.',
    'video-call': 'Thank you for the call.',
    event: 'Thank you for the conversation at the event.',
    email: 'Thank you for your reply.',
    'linkedin-message': 'Thank you for your message.',
    other: 'Thank you for your time.',
  };

  it('covers every interaction kind', () => {
    expect(Object.keys(THANKS).sort()).toEqual([...INTERACTION_KINDS].sort());
  });

  it.each(INTERACTION_KINDS)('thanks for a %s in its own words', (kind) => {
    const draft = composeDraft('thank-you', contact(), interaction(kind));
    expect(draft.subject).toBe('Thank you');
    expect(lines(draft)).toEqual(['Hi Ada,', '', THANKS[kind], '', 'I will keep you posted on how things go.', '', 'Best regards,']);
  });

  it('mentions the topic of the last interaction, without doubled punctuation', () => {
    for (const summary of ['the Bernoulli numbers', 'the Bernoulli numbers.', 'the Bernoulli numbers!!', '  the Bernoulli numbers.  ']) {
      const draft = composeDraft('thank-you', contact(), interaction('meeting', summary));
      expect(lines(draft)[2], summary).toBe('Thank you for meeting with me. I especially appreciated what you said about the Bernoulli numbers.');
    }
  });

  it('without a last interaction thanks for their time', () => {
    const draft = composeDraft('thank-you', contact(), undefined);
    expect(lines(draft)[2]).toBe('Thank you for your time.');
    expect(draft.body).not.toMatch(/undefined|null|especially/);
  });
});

describe('composeDraft: follow-up', () => {
  it('refers to the last conversation', () => {
    const draft = composeDraft('follow-up', contact(), interaction('call', 'her move to Cambridge.'));
    expect(draft.subject).toBe('Following up');
    expect(lines(draft)).toEqual([
      'Hi Ada,',
      '',
      'I have been thinking about our conversation on her move to Cambridge and wanted to follow up.',
      '',
      'Would you have 20 minutes in the coming weeks to catch up?',
      '',
      'Best regards,',
    ]);
  });

  it('without a last interaction, or one without a summary, just asks how they are', () => {
    for (const last of [undefined, interaction('call'), interaction('call', '   ')]) {
      const draft = composeDraft('follow-up', contact(), last);
      expect(lines(draft)[2]).toBe('I wanted to follow up and see how you are doing.');
      expect(draft.body).not.toMatch(/undefined|null|conversation on/);
    }
  });
});

describe('recipients and greeting', () => {
  it('addresses the first e-mail only, and greets by first name', () => {
    const draft = composeDraft('follow-up', contact({ name: 'Grace Brewster Hopper' }), undefined);
    expect(draft.to).toEqual(['ada@example.com']);
    expect(lines(draft)[0]).toBe('Hi Grace,');
  });

  it('has no recipient when the contact has no e-mail', () => {
    for (const kind of ['thank-you', 'follow-up'] as const) {
      expect(composeDraft(kind, contact({ emails: [] }), undefined).to).toEqual([]);
    }
  });
});

describe('links', () => {
  const tricky: Draft = {
    to: ['ada+work@example.com'],
    subject: 'Q&A: 100% #1 + more? a=b',
    body: 'Hi Brontë,\n\nLine two & "three" = ok?\n#hash 50% +plus 🎉',
  };

  /** Splits a URL's query by hand: `URLSearchParams` would take `+` for a space. */
  function query(url: string): Record<string, string> {
    const [, search = ''] = url.split('?');
    return Object.fromEntries(search.split('&').map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]));
  }

  it('mailto: encodes everything, so the subject and body survive intact', () => {
    const url = mailtoUrl(tricky);
    expect(url.startsWith('mailto:ada%2Bwork%40example.com?')).toBe(true);
    expect(url).not.toMatch(/[\s#"]/);
    expect(url.match(/\?/g)).toHaveLength(1);
    expect(url.match(/&/g)).toHaveLength(1);
    expect(query(url)).toEqual({ subject: tricky.subject, body: tricky.body });
    expect(decodeURIComponent(url.slice('mailto:'.length, url.indexOf('?')))).toBe('ada+work@example.com');
  });

  it('mailto: without a recipient has an empty address part', () => {
    const url = mailtoUrl({ ...tricky, to: [] });
    expect(url.startsWith('mailto:?subject=')).toBe(true);
    expect(query(url)).toEqual({ subject: tricky.subject, body: tricky.body });
  });

  it("Gmail's compose window gets the recipients, subject and body", () => {
    const url = new URL(gmailComposeUrl({ ...tricky, to: ['a@example.com', 'b+x@example.com'] }));
    expect(url.origin).toBe('https://mail.google.com');
    expect(url.pathname).toBe('/mail/');
    expect(url.hash).toBe('');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      view: 'cm',
      fs: '1',
      to: 'a@example.com,b+x@example.com',
      su: tricky.subject,
      body: tricky.body,
    });
  });

  it("Outlook's compose deep link, on the default host or the user's", () => {
    const url = new URL(outlookComposeUrl(tricky));
    expect(url.origin).toBe('https://outlook.office.com');
    expect(url.pathname).toBe('/mail/deeplink/compose');
    expect(url.hash).toBe('');
    expect(Object.fromEntries(url.searchParams)).toEqual({ to: 'ada+work@example.com', subject: tricky.subject, body: tricky.body });
    expect(new URL(outlookComposeUrl(tricky, 'outlook.live.com')).origin).toBe('https://outlook.live.com');
  });

  it('webmail links without a recipient leave "to" empty', () => {
    expect(new URL(gmailComposeUrl({ ...tricky, to: [] })).searchParams.get('to')).toBe('');
    expect(new URL(outlookComposeUrl({ ...tricky, to: [] })).searchParams.get('to')).toBe('');
  });

  it('a real draft round-trips through every link', () => {
    const draft = composeDraft('thank-you', contact({ name: 'Émile Loubet', emails: ['emile@example.fr'] }), interaction('event', 'R&D at 100% — "really"?'));
    expect(query(mailtoUrl(draft))).toEqual({ subject: draft.subject, body: draft.body });
    expect(new URL(gmailComposeUrl(draft)).searchParams.get('body')).toBe(draft.body);
    expect(new URL(outlookComposeUrl(draft)).searchParams.get('body')).toBe(draft.body);
  });
});

describe('draftAsText', () => {
  it('puts the recipients and subject on top of the body', () => {
    expect(draftAsText({ to: ['a@example.com', 'b@example.com'], subject: 'Thank you', body: 'Hi,\n\nThanks.' })).toBe(
      'To: a@example.com, b@example.com\nSubject: Thank you\n\nHi,\n\nThanks.',
    );
  });

  it('leaves the To line out when there is no recipient', () => {
    expect(draftAsText({ to: [], subject: 'Following up', body: 'Hi' })).toBe('Subject: Following up\n\nHi');
  });
});
