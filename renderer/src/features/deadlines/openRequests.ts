// A clicked reminder asks the window to open a deadline. The request may arrive while the vault is locked
// (the workspace is not mounted): it waits here and is handed over once the workspace listens again.
import { client } from '../../api/client';

type OpenRequest = { deadlineId: string; matterId: string };

let pending: OpenRequest | null = null;
let handler: ((request: OpenRequest) => void) | null = null;
let listening = false;

function listen(): void {
  if (listening) return;
  listening = true;
  try {
    client.events.onDeadlinesOpen((request) => {
      if (handler) handler(request);
      else pending = request;
    });
  } catch {
    // No window.amparo (a unit test of a screen): there are no reminders to follow.
    listening = false;
  }
}

/** Starts listening at once (before unlock), so a click at the lock screen is not lost. */
listen();

/** The workspace follows open requests while mounted; one that arrived while locked is delivered now. */
export function followOpenRequests(onOpen: (request: OpenRequest) => void): () => void {
  listen();
  handler = onOpen;
  if (pending) {
    const request = pending;
    pending = null;
    onOpen(request);
  }
  return () => {
    if (handler === onOpen) handler = null;
  };
}
