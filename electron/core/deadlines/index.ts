// The deadline engine, Electron-free: counting rules as data, the computation with its basis, and the
// basis in words. Deadlines stored in a vault keep the result's rule id and version, due date, end time,
// zone and basis, so a later edit of a rule never silently changes a date already set.
export { forumCalendar, holidayCalendarExists, type ForumCalendar, type NonWorking } from './calendar';
export {
  computeDeadline,
  extendDeadline,
  manualDeadline,
  nextOccurrence,
  timeStatus,
  type ExtensionInput,
  type NextOccurrenceInput,
  type TimeStatus,
} from './compute';
export { formatDate, renderBasis, renderStep, stepMessage, translate, type Lang } from './render';
export { parseRule, presetRule, presetRules } from './rules';
