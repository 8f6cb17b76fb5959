import { useState } from 'preact/hooks';
import type { Request } from '../../utils/messages/client';
import type { MailPersonContext } from '../../utils/model/page-context';
import { useAction } from '../card/use-action';
import { ErrorNote } from '../card/ErrorNote';

type Field = 'name' | 'email' | 'company' | 'title';
const LABELS: Record<Field, string> = { name: 'Name', email: 'E-mail', company: 'Company', title: 'Job title' };

/** A person from a mail page who is not in Rapport yet: a form pre-filled with name and address. */
export function MailAddPrompt(props: { context: MailPersonContext; request: Request; onAdded: () => void }) {
  const { context, request } = props;
  const [fields, setFields] = useState<Record<Field, string>>({
    // A display name that is just the address is no name.
    name: context.name.includes('@') ? '' : context.name,
    email: context.email ?? '',
    company: '',
    title: '',
  });
  const [logToo, setLogToo] = useState(true);
  const action = useAction();

  const add = async (event: Event) => {
    event.preventDefault();
    const name = fields.name.trim();
    const email = fields.email.trim();
    await action.run(async () => {
      if (!name) throw new Error('A contact needs a name.');
      const { contact } = await request('contact.create', {
        draft: {
          name,
          emails: email ? [email] : [],
          ...(fields.company.trim() ? { company: fields.company.trim() } : {}),
          ...(fields.title.trim() ? { title: fields.title.trim() } : {}),
        },
      });
      if (logToo && context.message) {
        await request('email.log', { contactId: contact.id, site: context.site, message: context.message });
      }
      props.onAdded();
    });
  };

  return (
    <section class="person">
      <h1>{context.name}</h1>
      {context.email && <p class="headline">{context.email}</p>}
      <p class="quiet">Not in Rapport yet.</p>
      <form class="fields" onSubmit={add}>
        {(Object.keys(LABELS) as Field[]).map((field) => (
          <label key={field} class="field">
            <span>{LABELS[field]}</span>
            <input
              type={field === 'email' ? 'email' : 'text'}
              value={fields[field]}
              required={field === 'name'}
              maxLength={field === 'email' ? 320 : 200}
              onInput={(e) => setFields({ ...fields, [field]: e.currentTarget.value })}
            />
          </label>
        ))}
        {context.message && (
          <label class="check">
            <input type="checkbox" checked={logToo} onChange={(e) => setLogToo(e.currentTarget.checked)} />
            <span>Also log this e-mail (“{context.message.subject || '(no subject)'}”)</span>
          </label>
        )}
        <button type="submit" class="primary" disabled={action.busy}>
          {action.busy ? 'Adding…' : 'Add to Rapport'}
        </button>
      </form>
      <ErrorNote error={action.error} what="Couldn’t add this person" />
    </section>
  );
}
