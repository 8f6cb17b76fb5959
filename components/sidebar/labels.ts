import type { PageField } from '../../utils/contact-changes';

export const FIELD_LABELS: Record<PageField, string> = {
  name: 'Name',
  headline: 'Headline',
  company: 'Company',
  title: 'Title',
  location: 'Location',
};
