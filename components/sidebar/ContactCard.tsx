import { useState } from 'preact/hooks';
import type { Request } from '../../utils/messages/client';
import type { CardData } from '../../utils/messages/contract';
import type { Interaction } from '../../utils/model/interaction';
import type { LinkedInProfileContext } from '../../utils/model/page-context';
import { CardHeader } from '../card/CardHeader';
import { Commitments } from '../card/Commitments';
import { ContextSection } from '../card/ContextSection';
import { Debrief } from '../card/Debrief';
import { DetailsSection } from '../card/DetailsSection';
import { DraftsPanel, type MailHost } from '../card/DraftsPanel';
import { FollowUps } from '../card/FollowUps';
import { LogInteraction } from '../card/LogInteraction';
import { PitchesPanel } from '../card/PitchesPanel';
import { PrepPanel } from '../card/PrepPanel';
import { Timeline } from '../card/Timeline';
import { UndoToast } from '../card/UndoToast';
import { NotesEditor } from './NotesEditor';
import { PageUpdates } from './PageUpdates';

/** The whole networking card of one contact: the same in the page, the side panel and a tab. */
export function ContactCard(props: {
  card: CardData;
  context: LinkedInProfileContext | null;
  request: Request;
  mailHost?: MailHost;
}) {
  const { card, context, request } = props;
  const { contact } = card;
  const now = Date.now();
  const [debriefId, setDebriefId] = useState<number | null>(null);
  const [deleted, setDeleted] = useState<Interaction | null>(null);
  const last = card.interactions[0];
  const debriefing = card.interactions.find((i) => i.id === debriefId);

  return (
    <article class="person card" aria-label={`${contact.name}’s card`}>
      <CardHeader contact={contact} now={now} />
      <PrepPanel last={last} commitments={card.commitments} now={now} />
      {context?.ready && <PageUpdates key={context.slug} contact={contact} context={context} request={request} />}
      <LogInteraction
        contactId={contact.id}
        request={request}
        {...(props.mailHost ? { defaultKind: 'email' as const } : {})}
        onLogged={(interaction) => interaction.kind === 'informational-interview' && setDebriefId(interaction.id)}
      />
      {debriefing && <Debrief key={debriefing.id} interaction={debriefing} contact={contact} request={request} onClose={() => setDebriefId(null)} />}
      <NotesEditor contact={contact} request={request} />
      <FollowUps contact={contact} defaultCadenceDays={card.defaultCadenceDays} request={request} now={now} />
      <Commitments contactId={contact.id} commitments={card.commitments} request={request} now={now} />
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <Timeline
          interactions={card.interactions}
          request={request}
          onDeleted={setDeleted}
          onDebrief={(interaction) => setDebriefId(interaction.id)}
        />
      </section>
      <ContextSection card={card} request={request} />
      <DetailsSection contact={contact} request={request} />
      <DraftsPanel contact={contact} last={last} mailHost={props.mailHost ?? null} />
      <PitchesPanel pitches={card.pitches} request={request} />
      {deleted && (
        <UndoToast
          message="Interaction deleted."
          onUndo={() => {
            const interaction = deleted;
            setDeleted(null);
            void request('interaction.restore', { interaction });
          }}
          onDismiss={() => setDeleted(null)}
        />
      )}
    </article>
  );
}
