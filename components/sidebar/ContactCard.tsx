import type { Request } from '../../utils/messages/client';
import type { Contact } from '../../utils/model/contact';
import type { LinkedInProfileContext } from '../../utils/model/page-context';
import { NotesEditor } from './NotesEditor';
import { PageUpdates } from './PageUpdates';

export function ContactCard(props: { contact: Contact; context: LinkedInProfileContext | null; request: Request }) {
  const { contact, context } = props;
  const role = [contact.title, contact.company].filter(Boolean).join(' · ');
  return (
    <section class="person">
      <h1>{contact.name}</h1>
      {contact.headline && <p class="headline">{contact.headline}</p>}
      {role && <p class="quiet">{role}</p>}
      {contact.location && <p class="quiet small">{contact.location}</p>}
      {context?.ready && <PageUpdates key={context.slug} contact={contact} context={context} request={props.request} />}
      <NotesEditor contact={contact} request={props.request} />
    </section>
  );
}
