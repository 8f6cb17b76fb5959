import type { Request } from '../../utils/messages/client';
import type { Contact } from '../../utils/model/contact';
import { NotesEditor } from './NotesEditor';

export function ContactCard(props: { contact: Contact; request: Request }) {
  const { contact } = props;
  const role = [contact.title, contact.company].filter(Boolean).join(' · ');
  return (
    <section class="person">
      <h1>{contact.name}</h1>
      {contact.headline && <p class="headline">{contact.headline}</p>}
      {role && <p class="quiet">{role}</p>}
      <NotesEditor contact={contact} request={props.request} />
    </section>
  );
}
