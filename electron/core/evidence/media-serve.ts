// The answer to one preview request for a blob: status, headers and a body decrypted on the fly, with
// Range support. The operation it runs in owns the key and the open file: when the body is done, fails or
// the operation is aborted (the vault locked), the file is closed and the key zeroed; a body still being
// read then fails instead of decrypting on.
import type { OpenOperation } from '../operations/runner';
import { BlobDamagedError } from './blob-format';
import type { BlobAccess } from './file-keys';
import { mediaHeaders, parseRange, textResponse, type MediaResponse } from './media';
import { BlobMissingError, openBlob, type BlobReader } from './reader';
import type { EvidenceKind } from '../../../shared/schemas/evidence';

export function contentTypeFor(kind: EvidenceKind, mediaType: string): string {
  if (kind === 'text') return 'text/plain; charset=utf-8';
  if (kind === 'other') return 'application/octet-stream';
  return mediaType;
}

function failure(error: unknown): MediaResponse {
  if (error instanceof BlobMissingError) return textResponse(410, 'EVIDENCE_MISSING');
  if (error instanceof BlobDamagedError) return textResponse(422, 'EVIDENCE_DAMAGED');
  return textResponse(500, 'IO_ERROR');
}

/** Serves `blob` within `op`; `op` is ended here unless a body is returned (the body ends it). */
export async function serveBlob(
  op: OpenOperation<unknown>,
  blob: BlobAccess,
  contentType: string,
  request: { method: string; range?: string | null },
): Promise<MediaResponse> {
  op.wipeOnEnd(blob.key);
  let reader: BlobReader;
  try {
    reader = await openBlob(blob.path, blob.key, blob.blobId);
  } catch (error) {
    await op.end();
    return failure(error);
  }
  op.onEnd(() => reader.close());
  // On lock, stop at once: the file closes and the key is zeroed even if nobody reads the body again.
  op.signal.addEventListener('abort', () => void op.end(), { once: true });

  const size = reader.size;
  const range = parseRange(request.range, size);
  if (range === 'unsatisfiable') {
    await op.end();
    return {
      ...textResponse(416, 'Range not satisfiable'),
      headers: { ...mediaHeaders(contentType), 'Content-Range': `bytes */${size}` },
    };
  }
  const { start, end } = range ?? { start: 0, end: Math.max(0, size - 1) };
  const length = size === 0 ? 0 : end - start + 1;
  const headers: Record<string, string> = { ...mediaHeaders(contentType), 'Content-Length': String(length) };
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  const status = range ? 206 : 200;
  if (request.method === 'HEAD') {
    await op.end();
    return { status, headers, body: null };
  }
  const parts = size === 0 ? reader.range(0, 0, op.signal) : reader.range(start, end, op.signal);
  let first: IteratorResult<Buffer>;
  try {
    // The first chunk is authenticated before any header goes out: a damaged blob gets an error status.
    first = await parts.next();
  } catch (error) {
    await op.end();
    return failure(error);
  }
  async function* body(): AsyncGenerator<Buffer> {
    try {
      if (!first.done) yield first.value;
      for (;;) {
        op.throwIfCancelled();
        const next = await parts.next();
        if (next.done) break;
        yield next.value;
      }
    } finally {
      await op.end();
    }
  }
  return { status, headers, body: body() };
}
