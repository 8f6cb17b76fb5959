// Follow-up reminders ("ticklers"): pure scheduling, no browser APIs and no store.
export * from './types';
export * from './text';
export * from './rules';
export * from './schedule';
export * from './actions';
export * from './quiet-hours';
export * from './grouping';
export * from './digest';
export * from './wake';
