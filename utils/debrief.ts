// The informational-interview debrief career offices recommend, as answers stored with the
// interaction.
export const DEBRIEF_QUESTIONS = [
  { id: 'goals', text: 'Did it meet your goals?' },
  { id: 'answers', text: 'Did you get answers to most of your questions?' },
  { id: 'view', text: 'Did it confirm or change your view of the field?' },
  { id: 'next-steps', text: 'Did it help you plan your next steps?' },
  { id: 'memorable', text: 'Were you memorable?' },
  { id: 'knows-you', text: 'Do they now know your goals and skills?' },
  { id: 'names', text: 'Did you get more names to contact?' },
] as const;

export type DebriefAnswer = 'yes' | 'partly' | 'no';
