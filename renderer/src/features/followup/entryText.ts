import type { TFunction } from 'i18next';
import type { TimelineEntry } from '../../../../shared/schemas/followup-timeline';
import { formatIsoDate } from '../../app/format';

/** Known deadline events; any other (a later kind of event) reads as "deadline updated". */
const DEADLINE_EVENTS = new Set([
  'created',
  'due',
  'extension_requested',
  'extension_granted',
  'extension_denied',
  'fulfilled',
  'waived',
  'reopened',
  'edited',
]);

/** What a timeline entry says in the UI language: the event, the title and a line of facts. */
export function entryText(
  t: TFunction,
  entry: TimelineEntry,
  language: string,
): { event: string; title: string; detail: string } {
  switch (entry.kind) {
    case 'communication':
    case 'resolution': {
      const [counterpart, ...refs] = entry.detail;
      return {
        event: t(`followup.direction.${entry.event === 'sent' ? 'sent' : 'received'}`, {
          counterpart: counterpart
            ? t(`followup.counterpart.${counterpart}`, { defaultValue: counterpart })
            : '',
        }),
        title: entry.title,
        detail: refs.join(' · '),
      };
    }
    case 'deadline':
      return {
        event: t(`followup.deadlineEvent.${DEADLINE_EVENTS.has(entry.event) ? entry.event : 'other'}`),
        title: entry.title,
        // A new due date (after an extension) is the one date among the facts.
        detail: entry.detail
          .map((d) =>
            /^\d{4}-\d{2}-\d{2}$/.test(d) ? t('followup.newDue', { date: formatIsoDate(d, language) }) : d,
          )
          .join(' · '),
      };
    case 'status':
      return {
        event: t('followup.statusChanged'),
        title: t(`matterStatus.${entry.event}`, { defaultValue: entry.event }),
        detail: entry.detail[0]
          ? t('followup.statusFrom', {
              status: t(`matterStatus.${entry.detail[0]}`, { defaultValue: entry.detail[0] }),
            })
          : '',
      };
    case 'measure':
      return {
        event: t(`measureStatus.${entry.event}`, { defaultValue: entry.event }),
        title: t(`measureKind.${entry.title}`, { defaultValue: entry.title }),
        detail: entry.detail.join(' · '),
      };
    case 'hearing': {
      // The facts are the hearing's kind, its period of sessions and its forum (free text).
      const [kind, ...rest] = entry.detail;
      return {
        event: t(`hearingCore.binder.status_${entry.event}`, { defaultValue: entry.event }),
        title: entry.title,
        detail: [kind ? t(`hearingCore.kind.${kind}`, { defaultValue: kind }) : '', ...rest]
          .filter(Boolean)
          .join(' · '),
      };
    }
    default:
      return { event: entry.event, title: entry.title, detail: entry.detail.join(' · ') };
  }
}
