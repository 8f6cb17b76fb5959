import type { InteractionKind } from '../../utils/model/interaction';

export const KIND_LABELS: Record<InteractionKind, string> = {
  email: 'E-mail',
  call: 'Call',
  'video-call': 'Video call',
  meeting: 'Coffee / meeting',
  'informational-interview': 'Informational interview',
  event: 'Event',
  'linkedin-message': 'LinkedIn message',
  other: 'Other',
};

const TYPE_LABELS: Record<string, string> = {
  'friend-family': 'Friend / family',
  'company-contact': 'Company contact',
  peer: 'Peer',
  alumni: 'Alumni',
  recruiter: 'Recruiter',
  mentor: 'Mentor',
};

export const typeLabel = (type: string) => TYPE_LABELS[type] ?? type;

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
export const formatDate = (at: number) => dateFormat.format(at);
export const formatDateTime = (at: number) => dateTimeFormat.format(at);
