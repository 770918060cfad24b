// What a caller may pass to either writer.

export interface RenderOptions {
  /** Aborts between steps (layout itself runs in one synchronous stretch). */
  signal?: AbortSignal;
}

export function abortIfAsked(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw signal.reason instanceof Error
      ? signal.reason
      : new DOMException('Rendering aborted', 'AbortError');
  }
}
