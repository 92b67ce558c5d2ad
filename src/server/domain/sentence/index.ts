// The sentence-calculation engine: key dates of the execution of sentences, each with its rule.
export { computeKeyDates } from './compute.ts';
export { fromDay, monthsInDays, toDay } from './days.ts';
export { crisisList, type DueItem, type DueOptions, dueWithin, findKeyDate } from './due.ts';
export {
  OFFENCE_GROUP_LABELS,
  type OffenceGroup,
  offenceGroupForSection,
  offenceGroupsForSections,
} from './offences.ts';
export { baseCreditDays, instant, isolationCreditDays } from './remand-credit.ts';
export { RULES, type RuleId } from './rules.ts';
export type * from './types.ts';
