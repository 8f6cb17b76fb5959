// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { DraftsPanel, type MailHost } from '../../../components/card/DraftsPanel';
import type { Contact } from '../../../utils/model/contact';
import type { Interaction } from '../../../utils/model/interaction';
import { expectNoInjectedElements, HOSTILE, makeContact, makeInteraction, settle, stubClipboard } from './helpers';

const ada = makeContact({ name: 'Ada Lovelace', emails: ['ada@example.com', 'countess@example.org'] });
const coffee = makeInteraction({ kind: 'meeting', summary: 'the data team roadmap.' });

const THANK_YOU_BODY = [
  'Hi Ada,',
  '',
  'Thank you for meeting with me. I especially appreciated what you said about the data team roadmap.',
  '',
  'I will keep you posted on how things go.',
  '',
  'Best regards,',
].join('\n');

/** `last: null` for a contact with nothing logged. */
function setup(opts: { contact?: Contact; last?: Interaction | null; mailHost?: MailHost } = {}) {
  const last = opts.last === null ? undefined : (opts.last ?? coffee);
  return render(<DraftsPanel contact={opts.contact ?? ada} last={last} mailHost={opts.mailHost} />);
}

const draftText = () => (screen.getByRole('textbox', { name: 'Draft' }) as HTMLTextAreaElement).value;
const openLink = () => document.querySelector('.draft a') as HTMLAnchorElement;

describe('DraftsPanel', () => {
  it('shows no draft until one is asked for', () => {
    setup();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('button', { name: 'Thank-you draft' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Follow-up draft' })).toBeTruthy();
  });

  it('writes a thank-you draft from the last interaction, to the first address', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Thank-you draft' }));
    expect(draftText()).toBe(`To: ada@example.com\nSubject: Thank you\n\n${THANK_YOU_BODY}`);
    expect(screen.queryByText(/No e-mail address/)).toBeNull();
  });

  it('opens the draft in the mail app with a mailto link holding exactly its contents', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Thank-you draft' }));
    const link = openLink();
    expect(link.textContent).toBe('Open in your mail app');
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener noreferrer');
    const url = new URL(link.getAttribute('href')!);
    expect(url.protocol).toBe('mailto:');
    expect(decodeURIComponent(url.pathname)).toBe('ada@example.com');
    expect([...url.searchParams.keys()]).toEqual(['subject', 'body']);
    expect(url.searchParams.get('subject')).toBe('Thank you');
    expect(url.searchParams.get('body')).toBe(THANK_YOU_BODY);
  });

  it('writes a follow-up draft, without a topic when nothing was logged', () => {
    setup({ last: null });
    fireEvent.click(screen.getByRole('button', { name: 'Follow-up draft' }));
    expect(draftText()).toBe(
      [
        'To: ada@example.com',
        'Subject: Following up',
        '',
        'Hi Ada,',
        '',
        'I wanted to follow up and see how you are doing.',
        '',
        'Would you have 20 minutes in the coming weeks to catch up?',
        '',
        'Best regards,',
      ].join('\n'),
    );
  });

  it('says so when the card has no address, and the link has no recipient', () => {
    setup({ contact: makeContact({ name: 'Grace Hopper', emails: [] }) });
    fireEvent.click(screen.getByRole('button', { name: 'Follow-up draft' }));
    expect(screen.getByText('No e-mail address on this card: add one under Details, or copy the text.')).toBeTruthy();
    expect(draftText().startsWith('Subject: Following up\n\nHi Grace,')).toBe(true);
    const href = openLink().getAttribute('href')!;
    expect(href.startsWith('mailto:?subject=Following%20up&body=')).toBe(true);
  });

  it('opens in Gmail or Outlook on the web when the user is there', () => {
    const { unmount } = setup({ mailHost: 'gmail' });
    fireEvent.click(screen.getByRole('button', { name: 'Thank-you draft' }));
    let link = openLink();
    expect(link.textContent).toBe('Open in Gmail');
    let url = new URL(link.href);
    expect(url.origin + url.pathname).toBe('https://mail.google.com/mail/');
    expect(url.searchParams.get('to')).toBe('ada@example.com');
    expect(url.searchParams.get('su')).toBe('Thank you');
    expect(url.searchParams.get('body')).toBe(THANK_YOU_BODY);
    unmount();

    setup({ mailHost: 'outlook' });
    fireEvent.click(screen.getByRole('button', { name: 'Thank-you draft' }));
    link = openLink();
    expect(link.textContent).toBe('Open in Outlook');
    url = new URL(link.href);
    expect(url.origin + url.pathname).toBe('https://outlook.office.com/mail/deeplink/compose');
    expect(url.searchParams.get('to')).toBe('ada@example.com');
    expect(url.searchParams.get('subject')).toBe('Thank you');
    expect(url.searchParams.get('body')).toBe(THANK_YOU_BODY);
  });

  it('Copy puts the draft text on the clipboard', async () => {
    const writeText = stubClipboard();
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Thank-you draft' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await settle();
    expect(writeText.mock.calls).toEqual([[`To: ada@example.com\nSubject: Thank you\n\n${THANK_YOU_BODY}`]]);
    expect(screen.getByRole('button', { name: 'Copied' })).toBeTruthy();
    // Another draft is not copied yet.
    fireEvent.click(screen.getByRole('button', { name: 'Follow-up draft' }));
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy();
  });

  it('does not claim "Copied" when the clipboard refuses', async () => {
    stubClipboard(async () => {
      throw new Error('denied');
    });
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Thank-you draft' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await settle();
    expect(screen.queryByRole('button', { name: 'Copied' })).toBeNull();
  });

  it('keeps hostile text as text, and inside the link parameters', () => {
    const injection = `${HOSTILE.img}&cc=attacker@example.com#x ${HOSTILE.emoji} ${HOSTILE.rtl}`;
    setup({ contact: makeContact({ name: `${HOSTILE.script} Smith`, emails: ['ada@example.com'] }), last: makeInteraction({ summary: injection }) });
    fireEvent.click(screen.getByRole('button', { name: 'Follow-up draft' }));
    expectNoInjectedElements();
    expect(draftText()).toContain('Hi <script>alert("pwned")</script>,');
    expect(draftText()).toContain(`our conversation on ${injection} and wanted to follow up.`);
    const url = new URL(openLink().getAttribute('href')!);
    expect([...url.searchParams.keys()]).toEqual(['subject', 'body']);
    expect(url.hash).toBe('');
    expect(url.searchParams.get('body')).toContain(injection);
  });
});
