// Preview streaming: short-lived tickets naming one item, and the HTTP-shaped answer (status, headers,
// decrypted body with Range support) that both faces serve: the Electron `amparo-media:` protocol and the
// test bridge's media endpoint. The bytes are decrypted on the fly and never written anywhere.
import { randomBytes } from 'node:crypto';

export interface MediaResponse {
  status: number;
  headers: Record<string, string>;
  /** Plaintext for GET; null for HEAD and errors carry a short text. */
  body: AsyncIterable<Buffer> | string | null;
}

export type ByteRange = { start: number; end: number };

/**
 * Parses a `Range` header against a body of `size` bytes (RFC 9110, one range only: media elements ask
 * for one). null: no usable range, serve everything; 'unsatisfiable': answer 416.
 */
export function parseRange(
  header: string | null | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, from, to] = match;
  if (from === '' && to === '') return null;
  if (size === 0) return 'unsatisfiable';
  let start: number;
  let end: number;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(from);
    end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  }
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start >= size || start > end)
    return 'unsatisfiable';
  return { start, end };
}

/** Headers on every media answer: never cached, never sniffed, inert if opened as a page. */
export function mediaHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Referrer-Policy': 'no-referrer',
    'Accept-Ranges': 'bytes',
  };
}

export function textResponse(status: number, text: string): MediaResponse {
  return { status, headers: { ...mediaHeaders('text/plain; charset=utf-8') }, body: text };
}

interface Ticket {
  itemId: string;
  /** The unlocked session the ticket belongs to: a lock (or another vault) invalidates it. */
  session: object;
  expires: number;
}

const TICKET_MINUTES = 60;
const MAX_TICKETS = 256;

export class MediaTickets {
  private readonly tickets = new Map<string, Ticket>();
  constructor(private readonly now: () => number = Date.now) {}

  /** A ticket for one item; `until` cuts its life short (a confidential item: the end of its reveal). */
  issue(itemId: string, session: object, until = Infinity): string {
    const ticket = randomBytes(24).toString('base64url');
    if (this.tickets.size >= MAX_TICKETS) this.tickets.delete(this.tickets.keys().next().value!);
    const expires = Math.min(this.now() + TICKET_MINUTES * 60_000, until);
    this.tickets.set(ticket, { itemId, session, expires });
    return ticket;
  }

  resolve(ticket: string, session: object | null): string | null {
    const entry = this.tickets.get(ticket);
    if (!entry) return null;
    if (entry.session !== session || entry.expires <= this.now()) {
      this.tickets.delete(ticket);
      return null;
    }
    return entry.itemId;
  }

  clear(): void {
    this.tickets.clear();
  }
}
