import type { Request } from '../../utils/messages/client';
import type { CardData } from '../../utils/messages/contract';
import type { MailPersonContext } from '../../utils/model/page-context';
import { useAction } from '../card/use-action';
import { ErrorNote } from '../card/ErrorNote';

const SITE_NAMES = { gmail: 'Gmail', outlook: 'Outlook' } as const;

const dateText = (at: number) =>
  new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The message the person was picked from, and "Log this e-mail" — once per message: a message
 * already in the timeline says so instead of offering a second entry.
 */
export function MailMessageBar(props: {
  context: MailPersonContext;
  card: CardData;
  match: 'email' | 'name' | undefined;
  request: Request;
}) {
  const { context, card, request } = props;
  const { message } = context;
  const action = useAction();
  const externalId = message ? `${context.site}:${message.id}` : null;
  const logged = externalId ? card.interactions.find((i) => i.externalId === externalId) : undefined;

  return (
    <section class="mail-bar" aria-label="This e-mail">
      {props.match === 'name' && (
        <p class="quiet weak-match" role="note">
          Matched by name only: {SITE_NAMES[context.site]} doesn’t show {context.name}’s address here.
        </p>
      )}
      {message && (
        <div class="mail-message">
          <p class="mail-subject">
            <span class="mail-direction">{message.fromMe ? 'You wrote' : `${context.name} wrote`}</span>{' '}
            <q>{message.subject || '(no subject)'}</q>
            {message.when !== undefined ? (
              <span class="quiet"> · {dateText(message.when)}</span>
            ) : (
              <span class="quiet"> · date not shown (logs as now)</span>
            )}
          </p>
          {logged ? (
            <p class="quiet" role="status">
              ✓ In the timeline ({dateText(logged.when)})
            </p>
          ) : (
            <button
              type="button"
              class="primary"
              disabled={action.busy}
              onClick={() => void action.run(() => request('email.log', { contactId: card.contact.id, site: context.site, message }))}
            >
              {action.busy ? 'Logging…' : 'Log this e-mail'}
            </button>
          )}
          <ErrorNote error={action.error} />
        </div>
      )}
    </section>
  );
}
