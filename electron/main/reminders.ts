// Deadline reminders while the app runs (thin: the core decides what to show and records it). Every few
// minutes, while a vault is unlocked, the core's due reminders become desktop notifications that name only
// the case reference; a click brings the window forward and asks the renderer to open the deadline (after
// unlock if the vault was locked meanwhile). The poll does not count as activity, so auto-lock still runs.
import type { BaseWindow, Notification as NotificationClass } from 'electron';
import type { EventPayload } from '../../shared/contract';
import type { WireResult } from '../../shared/errors';
import type { Translate } from './menu';

/** How often the core is asked; reminders are for a day ahead, so minutes are fine. */
export const REMINDER_POLL_MS = 3 * 60_000;

export interface ReminderDeps {
  dispatch(channel: string, input: unknown): Promise<WireResult<unknown>>;
  Notification: typeof NotificationClass | undefined;
  getWindow(): (BaseWindow & { show(): void; focus(): void; isMinimized(): boolean; restore(): void }) | null;
  openDeadline(request: EventPayload<'deadlines:open'>): void;
  translate: () => Translate;
  log(where: string, error: unknown): void;
  intervalMs?: number;
}

export function startReminders(deps: ReminderDeps): () => void {
  // Kept so a notification is not garbage-collected (and its click lost) before it is clicked.
  const shown = new Set<NotificationClass>();
  const tick = async () => {
    const { Notification } = deps;
    if (!Notification?.isSupported()) return;
    const status = await deps.dispatch('vault:status', {});
    if (!status.ok || (status.value as { state: string }).state !== 'unlocked') return;
    const due = await deps.dispatch('deadlines:dueReminders', {});
    if (!due.ok) return;
    for (const reminder of due.value as EventPayload<'deadlines:open'>[] & { text: string }[]) {
      const { deadlineId, matterId, text } = reminder as {
        deadlineId: string;
        matterId: string;
        text: string;
      };
      const note = new Notification({ title: deps.translate()('deadlines.reminder.title'), body: text });
      shown.add(note);
      note.on('click', () => {
        shown.delete(note);
        const window = deps.getWindow();
        if (window && !window.isDestroyed()) {
          if (window.isMinimized()) window.restore();
          window.show();
          window.focus();
        }
        deps.openDeadline({ deadlineId, matterId });
      });
      note.on('close', () => shown.delete(note));
      note.show();
    }
  };
  const run = () => void tick().catch((error: unknown) => deps.log('reminders', error));
  const first = setTimeout(run, 15_000);
  const timer = setInterval(run, deps.intervalMs ?? REMINDER_POLL_MS);
  first.unref?.();
  timer.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
