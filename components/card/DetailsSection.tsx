import type { Request } from '../../utils/messages/client';
import { parseProfileUrl } from '../../utils/linkedin/profile-url';
import type { Contact, ContactPatch } from '../../utils/model/contact';
import { EditableText } from './EditableText';

const lines = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The person's details, all editable. */
export function DetailsSection(props: { contact: Contact; request: Request }) {
  const { contact, request } = props;
  const update = (patch: ContactPatch) => request('contact.update', { id: contact.id, patch });
  return (
    <details class="section">
      <summary>Details</summary>
      <EditableText label="Name" required maxLength={200} value={contact.name} save={(v) => update({ name: v })} />
      <EditableText label="Headline" maxLength={500} value={contact.headline ?? ''} save={(v) => update({ headline: v || null })} />
      <EditableText label="Company" maxLength={200} value={contact.company ?? ''} save={(v) => update({ company: v || null })} />
      <EditableText label="Title" maxLength={200} value={contact.title ?? ''} save={(v) => update({ title: v || null })} />
      <EditableText label="Location" maxLength={200} value={contact.location ?? ''} save={(v) => update({ location: v || null })} />
      <EditableText label="E-mails (one per line)" multiline value={contact.emails.join('\n')} save={(v) => update({ emails: lines(v) })} />
      <EditableText label="Phones (one per line)" multiline value={contact.phones.join('\n')} save={(v) => update({ phones: lines(v) })} />
      <EditableText
        label="LinkedIn URL"
        type="url"
        maxLength={500}
        value={contact.linkedinUrl ?? ''}
        save={(v) => {
          if (!v) return update({ linkedinUrl: null, linkedinSlug: null });
          const profile = parseProfileUrl(v);
          if (!profile) return Promise.reject(new Error('That is not a LinkedIn profile address (https://www.linkedin.com/in/…).'));
          return update({ linkedinUrl: profile.url, linkedinSlug: profile.slug });
        }}
      />
    </details>
  );
}
