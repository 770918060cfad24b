// The bytes of a bundle move through one worker thread (node:worker_threads), the work shared with the
// calling thread so that both cores take part: on export the caller decrypts each attachment's vault
// blob and moves (transfers, never copies) the plaintext chunks here, where age's payload is sealed and
// the file written; on import the worker reads and opens the payload, hands the small entries to the
// caller (which parses the tar and checks everything), encrypts each attachment into its incoming blob
// and copies it into a shared ring from which the caller hashes it.
// Why a thread: every 64 KiB chunk through Node's ciphers is a fresh buffer outside the V8 heap, and on
// the main thread (whose heap holds the whole core) those set off a full garbage collection every 64 MiB
// or so — about half its time. The worker's heap is a few MiB, so its collections cost next to nothing;
// a buffer the caller moves here at once is freed here too.
// Memory stays flat: three reused 2 MiB read buffers, three 4 MiB staging areas for direct writes (or
// one write of about 4 MiB in flight), a few MiB of chunks on their way, a 16 MiB ring. Large files are
// read and written with O_DIRECT where the file system takes it (fs/direct.ts). Progress is reported every 4 MiB; a cancel is a shared flag the worker checks at every
// chunk; a failure or cancel is reported only once the worker's own reads and writes have ended, so the
// caller may then close the files it lent (by descriptor) without a late write landing anywhere.
import { Worker } from 'node:worker_threads';
import { AmparoError } from '../../../shared/errors';
import { cancelledError } from '../operations/runner';
import { BLOB_HEADER_SIZE, TAG_SIZE } from '../evidence/blob-format';
import { CHUNK, TAG } from './age-io';

const PROGRESS_BYTES = 4 * 1024 * 1024;
const RING_BYTES = 16 * 1024 * 1024;

// Evaluated source, like the Argon2 worker: it runs the same from the TypeScript sources, from the
// electron-vite bundle and from inside app.asar. The formats are age's STREAM (docs/bundle-format.md)
// and the vault's blobs (docs/vault-format.md: nonce = prefix ‖ u32be(index), AAD = header ‖
// u32be(index) ‖ last flag), the same as age-io.ts and evidence/blob-format.ts write; the tests check the
// worker's files with Debian's age and with the vault's own blob reader.
const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { createCipheriv, createDecipheriv, createSecretKey, hkdfSync } = require('node:crypto');
const fs = require('node:fs');
const CHUNK = ${CHUNK}, TAG = ${TAG}, SEALED = CHUNK + TAG;
const BLOB_HEADER = ${BLOB_HEADER_SIZE}, BLOB_TAG = ${TAG_SIZE};
const READ_CHUNKS = 32, READ_BYTES = READ_CHUNKS * SEALED, READ_DEPTH = 3, WRITE_DEPTH = 3, WRITE_BATCH = 4 * 1024 * 1024, SYNC_EVERY = 32 * 1024 * 1024, STORE_SYNC_EVERY = 128 * 1024 * 1024, PROGRESS = ${PROGRESS_BYTES};
const stop = new Int32Array(workerData.stop);

class Stop extends Error {}
class Damaged extends Error {}
const check = () => { if (Atomics.load(stop, 0) !== 0) throw new Stop('cancelled'); };
const io = (fn, ...args) => new Promise((resolve, reject) => fn(...args, (e, n) => (e ? reject(e) : resolve(n))));

function payloadKey(fileKey, nonce) {
  const raw = Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32));
  const key = createSecretKey(raw);
  raw.fill(0);
  return key;
}

// A zeroed buffer of size bytes at an offset the kernel takes for O_DIRECT on fd (JavaScript cannot
// see an address, so the first offset at which a 4 KiB read or write succeeds is kept), or null where
// none does. A write probe puts zeros at the start of the file, which the real bytes then replace.
const ALIGN = 4096, STAGE = WRITE_BATCH;
function alignedBuffer(fd, size, mode) {
  const raw = Buffer.alloc(size + ALIGN);
  for (let off = 0; off < ALIGN; off += 16) {
    try {
      if (mode === 'read') fs.readSync(fd, raw, off, ALIGN, 0);
      else fs.writeSync(fd, raw, off, ALIGN, 0);
      return raw.subarray(off, off + size);
    } catch (e) {
      if (e.code !== 'EINVAL') throw e;
    }
  }
  return null;
}

// Writes in order; a failure surfaces at the next write or at drain(), which waits for every write.
// Given a direct descriptor (fs/direct.ts), whole 4 KiB blocks go through it from WRITE_DEPTH aligned
// staging areas, copied into in turn and written while the next ones fill (the kernel queues no
// write-back for direct writes, so these are the queue), and only the last partial block through fd.
// Else one write is in flight, and every syncEvery bytes (32 MiB for a bundle; 128 MiB for an incoming
// blob, which the caller syncs before the commit anyway) an fdatasync starts on libuv's pool while the
// writes go on, so the caller's final fsync finds little left to flush.
class Output {
  constructor(fd, syncEvery = SYNC_EVERY, directFd = null) {
    this.fd = fd; this.syncEvery = syncEvery; this.inFlight = Promise.resolve(); this.size = 0; this.parts = []; this.pending = 0;
    this.syncing = null; this.synced = 0;
    this.directFd = directFd; this.turn = 0; this.fill = 0; this.refused = false;
    const staged = directFd === null ? null : alignedBuffer(directFd, WRITE_DEPTH * STAGE, 'write');
    this.stages = staged && Array.from({ length: WRITE_DEPTH }, (_, k) => staged.subarray(k * STAGE, (k + 1) * STAGE));
    this.writes = this.stages && this.stages.map(() => Promise.resolve());
  }
  startSync() {
    if (this.syncing || this.size - this.synced < this.syncEvery) return;
    this.synced = this.size;
    const p = this.inFlight.then(() => io(fs.fdatasync, this.fd)).finally(() => { if (this.syncing === p) this.syncing = null; });
    p.catch(() => undefined);
    this.syncing = p;
  }
  add(parts) { for (const p of parts) { this.parts.push(p); this.pending += p.length; } }
  async flush(force) {
    if (this.stages) {
      if (force || this.pending >= WRITE_BATCH) await this.flushDirect(force);
      return;
    }
    if (this.pending < WRITE_BATCH && !(force && this.pending > 0)) return;
    await this.inFlight;
    const parts = this.parts, length = this.pending;
    this.parts = []; this.pending = 0; this.size += length;
    const p = (async () => {
      const n = await io(fs.writev, this.fd, parts);
      if (n < length) {
        const rest = Buffer.concat(parts).subarray(n);
        for (let at = 0; at < rest.length; ) at += await io(fs.write, this.fd, rest, at, rest.length - at, null);
      }
    })();
    p.catch(() => undefined);
    this.inFlight = p;
    this.startSync();
  }
  // Direct: the parts are copied into the current staging area; each full one is written while the
  // next fill. At the end the whole blocks of the last one go direct, the rest through fd, and the
  // file is cut to its size (the alignment probe may have written past a small file's end).
  async flushDirect(force) {
    const parts = this.parts;
    this.parts = []; this.pending = 0;
    for (const part of parts) {
      let at = 0;
      while (at < part.length) {
        const n = part.copy(this.stages[this.turn], this.fill, at);
        this.fill += n; at += n;
        if (this.fill === STAGE) await this.writeStage(STAGE);
      }
    }
    if (!force) return;
    const stage = this.stages[this.turn], fill = this.fill, whole = fill - (fill % ALIGN);
    if (whole > 0) await this.writeStage(whole);
    await this.inFlight;
    const position = this.size;
    this.size += fill - whole;
    for (let at = whole; at < fill; ) at += await io(fs.write, this.fd, stage, at, fill - at, position + at - whole);
    await io(fs.ftruncate, this.fd, this.size);
  }
  // Writes the current staging area, then waits until the next one is free (its write has ended).
  async writeStage(length) {
    const turn = this.turn, buffer = this.stages[turn], position = this.size;
    this.size += length; this.fill = 0;
    const p = (async () => {
      let at = 0;
      // A short direct write leaves an unaligned rest: it goes through fd. So does everything once the
      // device refuses a direct write (EINVAL: a block larger than 4 KiB), from then on.
      while (at < length) {
        const direct = at % ALIGN === 0 && !this.refused;
        try {
          at += await io(fs.write, direct ? this.directFd : this.fd, buffer, at, length - at, position + at);
        } catch (e) {
          if (!direct || e.code !== 'EINVAL') throw e;
          this.refused = true;
        }
      }
    })();
    p.catch(() => undefined);
    this.writes[turn] = p;
    // Settled only when every write has ended, failed or not; then the first failure is thrown.
    this.inFlight = Promise.allSettled(this.writes).then((results) => {
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    });
    this.inFlight.catch(() => undefined);
    this.turn = (turn + 1) % this.stages.length;
    await this.writes[this.turn];
  }
  async drain() { await this.inFlight; if (this.syncing) await this.syncing; }
}

// age STREAM sealing into an Output; a full chunk is held until a further byte shows it is not the last.
class Sealer {
  constructor(fileKey, nonce, output) {
    this.key = payloadKey(fileKey, nonce); this.output = output;
    this.held = Buffer.allocUnsafe(CHUNK); this.used = 0; this.counter = 0; this.nonce = Buffer.alloc(12);
  }
  seal(plain, last) {
    this.nonce.writeUIntBE(this.counter++, 5, 6);
    this.nonce[11] = last ? 1 : 0;
    const c = createCipheriv('chacha20-poly1305', this.key, this.nonce, { authTagLength: TAG });
    const body = c.update(plain);
    c.final();
    this.output.add([body, c.getAuthTag()]);
  }
  push(data) {
    let at = 0;
    while (at < data.length) {
      if (this.used === CHUNK) { this.seal(this.held, false); this.used = 0; }
      if (this.used === 0 && data.length - at > CHUNK) { this.seal(data.subarray(at, at + CHUNK), false); at += CHUNK; continue; }
      const n = Math.min(CHUNK - this.used, data.length - at);
      this.held.set(data.subarray(at, at + n), this.used);
      this.used += n; at += n;
    }
  }
  finish() { this.seal(this.held.subarray(0, this.used), true); this.held.fill(0); }
}

// The vault's blob chunks: nonce and authenticated data for chunk index of a blob with this header.
// The key is a KeyObject made once (a raw key is imported again at every chunk, a third of the cost);
// the raw bytes it was made from are zeroed at once, and the thread ends with the operation.
class BlobCrypt {
  constructor(raw, header) {
    this.key = createSecretKey(raw); raw.fill(0); this.header = header;
    this.nonce = Buffer.alloc(12); header.copy(this.nonce, 0, 28, 36);
    this.aad = Buffer.alloc(BLOB_HEADER + 5); header.copy(this.aad, 0);
  }
  prepare(index, last) {
    this.nonce.writeUInt32BE(index, 8);
    this.aad.writeUInt32BE(index, BLOB_HEADER);
    this.aad[BLOB_HEADER + 4] = last ? 1 : 0;
  }
  seal(index, last, plain, out) {
    this.prepare(index, last);
    const c = createCipheriv('aes-256-gcm', this.key, this.nonce, { authTagLength: BLOB_TAG });
    c.setAAD(this.aad);
    const body = c.update(plain);
    c.final();
    out.push(body, c.getAuthTag());
  }
}

let progressed = 0;
function progress(n) {
  progressed += n;
  if (progressed >= PROGRESS) { parentPort.postMessage({ t: 'progress', n: progressed }); progressed = 0; }
}
function flushProgress() { if (progressed > 0) parentPort.postMessage({ t: 'progress', n: progressed }); progressed = 0; }

// ---- export: the payload written to workerData.fd ----
let sealer = null, output = null;

// ---- import: the payload read from workerData.fd, opened chunk by chunk ----
let source = null;
class Source {
  constructor(m) {
    this.fd = m.fd; this.end = m.end; this.nextRead = m.start;
    this.key = payloadKey(m.fileKey, m.nonce); m.fileKey.fill(0);
    this.nonce = Buffer.alloc(12); this.counter = 0;
    const body = m.end - m.start;
    this.lastIndex = Math.ceil(body / SEALED) - 1;
    if (body < TAG || body - this.lastIndex * SEALED < TAG) throw new Damaged('the payload is cut short');
    this.directFd = m.directFd ?? null; this.refused = false;
    // READ_DEPTH reads of READ_CHUNKS sealed chunks each, READ_DEPTH - 1 of them in flight while one is
    // opened: direct reads get no read-ahead from the kernel, so the queue is the read-ahead. A direct
    // read lands in an aligned buffer, from which the chunks are opened where they lie.
    this.free = [];
    for (let k = 0; k < READ_DEPTH; k++) {
      const bounce = this.directFd === null ? null : alignedBuffer(this.directFd, READ_BYTES + 2 * ALIGN, 'read');
      if (k === 0 && bounce === null) this.directFd = null;
      this.free.push(bounce ? { bounce } : { buffer: Buffer.allocUnsafe(READ_BYTES) });
    }
    this.reads = []; this.queue = []; this.at = 0;
    this.head = null; // the part of a chunk not yet handed out
    this.fill();
  }
  fill() {
    while (this.free.length > 0 && this.nextRead < this.end) {
      const slot = this.free.shift();
      const position = this.nextRead, want = Math.min(READ_BYTES, this.end - position);
      this.nextRead += want;
      const p = slot.bounce ? this.readDirect(slot.bounce, position, want) : this.read(slot.buffer, position, want);
      p.catch(() => undefined);
      this.reads.push({ slot, p });
    }
  }
  // The want bytes at position, as a view of the buffer they were read into.
  async read(buffer, position, want) {
    let got = 0;
    while (got < want) {
      const n = await io(fs.read, this.fd, buffer, got, want - got, position + got);
      if (n === 0) break;
      got += n;
    }
    if (got < want) throw new Damaged('the file became shorter while it was read');
    return buffer.subarray(0, got);
  }
  // The same read straight from the disk: the whole 4 KiB blocks around the range, into the aligned
  // buffer, and the range a view of it.
  async readDirect(bounce, position, want) {
    const from = position - (position % ALIGN), skip = position - from;
    const span = Math.ceil((skip + want) / ALIGN) * ALIGN;
    let got = 0;
    try {
      while (got < span && !this.refused) {
        const n = await io(fs.read, this.directFd, bounce, got, span - got, from + got);
        if (n === 0) break;
        got += n;
        if (got % ALIGN !== 0) break; // the end of the file
      }
    } catch (e) {
      if (e.code !== 'EINVAL') throw e;
      this.refused = true; // the device wants larger blocks: the ordinary descriptor from now on
    }
    if (this.refused) return this.read(bounce, position, want);
    if (got < skip + want) throw new Damaged('the file became shorter while it was read');
    return bounce.subarray(skip, skip + want);
  }
  open(sealed, last) {
    if (sealed.length < TAG) throw new Damaged('the payload is cut short');
    const counter = this.counter++;
    this.nonce.writeUIntBE(counter, 5, 6);
    this.nonce[11] = last ? 1 : 0;
    const d = createDecipheriv('chacha20-poly1305', this.key, this.nonce, { authTagLength: TAG });
    d.setAuthTag(sealed.subarray(sealed.length - TAG));
    const plain = d.update(sealed.subarray(0, sealed.length - TAG));
    try { d.final(); } catch { throw new Damaged('chunk ' + counter + ' of the payload fails authentication'); }
    if (last && plain.length === 0 && counter > 0) throw new Damaged('the final chunk is empty');
    return plain;
  }
  // The next opened chunk (or what is left of one), or null after the last.
  async next() {
    if (this.head) { const h = this.head; this.head = null; return h; }
    if (this.at < this.queue.length) return this.queue[this.at++];
    if (this.reads.length === 0) return null;
    const { slot, p } = this.reads.shift();
    const data = await p;
    this.queue = []; this.at = 0;
    for (let at = 0; at < data.length; at += SEALED) {
      check();
      const index = this.counter;
      this.queue.push(this.open(data.subarray(at, Math.min(at + SEALED, data.length)), index === this.lastIndex));
    }
    // Opened into fresh buffers: the slot is free for the next read at once.
    this.free.push(slot);
    this.fill();
    return this.next();
  }
  unread(piece) { if (piece.length > 0) this.head = piece; }
  async close() { this.free = []; for (const r of this.reads.splice(0)) await r.p.catch(() => undefined); }
}

async function readPiece(m) {
  const piece = await source.next();
  if (piece === null) return { t: 'data', data: null };
  const n = Math.min(piece.length, m.max);
  source.unread(piece.subarray(n));
  const data = Uint8Array.from(piece.subarray(0, n));
  return { t: 'data', data, transfer: [data.buffer] };
}

// The import's hashing runs on the calling thread, which is otherwise idle: each piece is copied into a
// shared ring (workerData.ring) that it hashes from, and space comes back as it reports what it hashed.
const ring = Buffer.from(workerData.ring);
let ringAt = 0, ringFree = ring.length, ringWaiter = null, ringPending = [], ringPendingBytes = 0;
function ringReturned(n) {
  ringFree += n;
  if (ringWaiter) { const w = ringWaiter; ringWaiter = null; w(); }
}
function ringPost() {
  if (ringPending.length === 0) return;
  parentPort.postMessage({ t: 'hash', ranges: ringPending });
  ringPending = []; ringPendingBytes = 0;
}
async function toRing(part) {
  while (ringFree < part.length) {
    ringPost();
    await new Promise((resolve) => (ringWaiter = resolve));
  }
  let at = 0;
  while (at < part.length) {
    const n = Math.min(part.length - at, ring.length - ringAt);
    part.copy(ring, ringAt, at, at + n);
    ringPending.push(ringAt, n);
    ringPendingBytes += n;
    ringAt = (ringAt + n) % ring.length;
    at += n;
  }
  ringFree -= part.length;
  // Posted every 4 MiB: each message wakes the other thread.
  if (ringPendingBytes >= ring.length / 4) ringPost();
}

async function sink(m) {
  let store = null;
  if (m.store) {
    const header = Buffer.from(m.store.header);
    store = { crypt: new BlobCrypt(Buffer.from(m.store.key), header), out: new Output(m.store.fd, STORE_SYNC_EVERY, m.store.directFd ?? null), held: Buffer.allocUnsafe(m.store.chunkSize), used: 0, index: 0, chunkSize: m.store.chunkSize };
    m.store.key.fill(0);
    store.out.add([header]);
  }
  const push = (data) => {
    if (!store) return;
    const records = [];
    let at = 0;
    while (at < data.length) {
      if (store.used === store.chunkSize) { store.crypt.seal(store.index++, false, store.held, records); store.used = 0; }
      const rest = data.length - at;
      if (store.used === 0 && rest > store.chunkSize) {
        store.crypt.seal(store.index++, false, data.subarray(at, at + store.chunkSize), records);
        at += store.chunkSize;
        continue;
      }
      const n = Math.min(rest, store.chunkSize - store.used);
      data.copy(store.held, store.used, at, at + n);
      store.used += n; at += n;
    }
    store.out.add(records);
  };
  try {
    push(Buffer.from(m.prefix.buffer, m.prefix.byteOffset, m.prefix.byteLength));
    let left = m.rest;
    while (left > 0) {
      check();
      const piece = await source.next();
      if (piece === null) throw new Damaged('the tar stream ends inside an entry');
      const n = Math.min(piece.length, left);
      source.unread(piece.subarray(n));
      const part = piece.subarray(0, n);
      await toRing(part);
      push(part);
      left -= n;
      progress(n);
      if (store) await store.out.flush(false);
    }
    if (store) {
      const records = [];
      store.crypt.seal(store.index, true, store.held.subarray(0, store.used), records);
      store.out.add(records);
      await store.out.flush(true);
      await store.out.drain();
    }
    ringPost();
  } finally {
    if (store) {
      store.held.fill(0);
      await store.out.drain().catch(() => undefined);
    }
  }
  flushProgress();
  return { t: 'sunk', storedSize: store ? store.out.size : 0 };
}

async function handle(m) {
  switch (m.t) {
    case 'export':
      output = new Output(m.fd, SYNC_EVERY, m.directFd ?? null);
      output.add([Buffer.from(m.header), Buffer.from(m.nonce)]);
      sealer = new Sealer(m.fileKey, m.nonce, output);
      m.fileKey.fill(0);
      return null;
    case 'bytes':
      check();
      sealer.push(Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength));
      await output.flush(false);
      return null;
    case 'plain':
      // Decrypted attachment chunks, moved here from the calling thread.
      for (const buffer of m.buffers) {
        check();
        sealer.push(Buffer.from(buffer));
      }
      await output.flush(false);
      return { t: 'sealed' };
    case 'finish':
      sealer.finish();
      await output.flush(true);
      await output.drain();
      return { t: 'finished', size: output.size };
    case 'import':
      source = new Source(m);
      return null;
    case 'read':
      return readPiece(m);
    case 'sink':
      return sink(m);
    case 'close':
      if (source) await source.close();
      if (output) await output.drain().catch(() => undefined);
      return { t: 'closed' };
  }
  throw new Error('unknown message ' + m.t);
}

let chain = Promise.resolve();
let failed = false;
parentPort.on('message', (m) => {
  // Not queued behind the work: the work may be waiting for it.
  if (m.t === 'hashed') return ringReturned(m.n);
  chain = chain.then(async () => {
    if (failed && m.t !== 'close') return;
    try {
      const reply = await handle(m);
      if (reply) {
        const transfer = reply.transfer || [];
        delete reply.transfer;
        parentPort.postMessage(reply, transfer);
      }
    } catch (error) {
      failed = true;
      if (output) await output.drain().catch(() => undefined);
      if (source) await source.close();
      const kind = error instanceof Stop ? 'cancelled' : error instanceof Damaged ? 'damaged' : 'io';
      parentPort.postMessage({ t: 'error', kind, message: String((error && error.message) || error), code: error && error.code });
    }
  });
});
`;

export interface WorkerReply {
  t: string;
  n?: number;
  size?: number;
  data?: Uint8Array | null;
  sha256?: string;
  storedSize?: number;
  /** Offset and length pairs in the shared ring. */
  ranges?: number[];
  kind?: 'cancelled' | 'damaged' | 'io';
  message?: string;
  code?: string;
}

/** How a failure the worker reports is turned into an error here (damage means different things). */
export type FailureMap = (reply: WorkerReply) => Error;

interface Spawned {
  worker: Worker;
  stop: Int32Array;
  ring: Buffer;
}

function spawn(): Spawned {
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const ring = new SharedArrayBuffer(RING_BYTES);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { stop: stop.buffer, ring },
    // A bound, not a size: the heap stays at a few MiB. Lower, it also lowers the external-memory mark
    // at which V8 collects, and with every chunk a fresh buffer that meant a full collection every
    // 16 MiB, half the thread's time.
    resourceLimits: { maxOldGenerationSizeMb: 256 },
    stdout: false,
    stderr: false,
  });
  return { worker, stop, ring: Buffer.from(ring) };
}

let spare: { spawned: Spawned; timer: NodeJS.Timeout } | null = null;

/**
 * Starts the next operation's worker now, so that it boots (tens of milliseconds) while the caller
 * collects and signs; one left unused is ended after a few seconds. It holds nothing until used.
 */
export function startPayloadWorker(): void {
  if (spare) return;
  const spawned = spawn();
  spawned.worker.unref();
  spawned.worker.once('exit', () => {
    if (spare?.spawned === spawned) spare = null;
  });
  const timer = setTimeout(() => {
    if (spare?.spawned === spawned) spare = null;
    void spawned.worker.terminate();
  }, 10_000);
  timer.unref();
  spare = { spawned, timer };
}

function takeWorker(): Spawned {
  if (!spare) return spawn();
  const { spawned, timer } = spare;
  spare = null;
  clearTimeout(timer);
  spawned.worker.ref();
  return spawned;
}

/**
 * One worker for one export or import. Requests are answered in order; progress messages go to
 * `onBytes` as they come. `close()` waits until the worker's reads and writes have ended, then ends it.
 */
export class PayloadWorker {
  private readonly worker: Worker;
  private readonly stop: Int32Array;
  private readonly ring: Buffer;
  /** Gets the bytes of an attachment being read, in order, from the shared ring (they are not kept). */
  onPiece: ((piece: Buffer) => void) | null = null;
  private readonly waiting: { resolve(reply: WorkerReply): void; reject(error: Error): void }[] = [];
  private failure: Error | null = null;
  private exited = false;
  private readonly abort: () => void;

  constructor(
    private readonly fail: FailureMap,
    private readonly onBytes: ((n: number) => void) | undefined,
    private readonly signal: AbortSignal | undefined,
  ) {
    ({ worker: this.worker, stop: this.stop, ring: this.ring } = takeWorker());
    this.worker.on('message', (reply: WorkerReply) => {
      if (reply.t === 'progress') return this.onBytes?.(reply.n!);
      if (reply.t === 'hash') {
        const ranges = reply.ranges!;
        let n = 0;
        for (let i = 0; i < ranges.length; i += 2) {
          this.onPiece?.(this.ring.subarray(ranges[i]!, ranges[i]! + ranges[i + 1]!));
          n += ranges[i + 1]!;
        }
        this.worker.postMessage({ t: 'hashed', n });
        return;
      }
      const waiter = this.waiting.shift();
      if (reply.t === 'error') {
        const error = reply.kind === 'cancelled' ? cancelledError() : this.fail(reply);
        this.failure ??= error;
        waiter?.reject(error);
        for (const w of this.waiting.splice(0)) w.reject(error);
        return;
      }
      waiter?.resolve(reply);
    });
    const died = (error: Error) => {
      this.failure ??= new AmparoError('INTERNAL', `The bundle worker stopped: ${error.message}`, {
        cause: error,
      });
      for (const w of this.waiting.splice(0)) w.reject(this.failure);
    };
    this.worker.on('error', died);
    this.worker.on('exit', (code) => {
      this.exited = true;
      died(new Error(`exit ${code}`));
    });
    this.abort = () => Atomics.store(this.stop, 0, 1);
    signal?.addEventListener('abort', this.abort);
    if (signal?.aborted) this.abort();
  }

  /** Sends a message that gets no answer (its failure shows at the next request). */
  post(message: Record<string, unknown>, transfer: ArrayBuffer[] = []): void {
    if (this.failure) throw this.failure;
    this.worker.postMessage(message, transfer);
  }

  request(message: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<WorkerReply> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.signal?.aborted) return Promise.reject(cancelledError());
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage(message, transfer);
    });
  }

  /** Waits for the worker's reads and writes to end, then ends the worker. */
  async close(): Promise<void> {
    this.signal?.removeEventListener('abort', this.abort);
    if (!this.exited) {
      // Answered once the worker's queued work and its I/O are over, after a failure too.
      await new Promise<void>((resolve) => {
        const done = () => resolve();
        this.worker.once('exit', done);
        this.waiting.push({ resolve: done, reject: done });
        this.worker.postMessage({ t: 'close' });
      });
    }
    await this.worker.terminate();
  }
}

/** A private copy of a key, as a buffer that can be moved to the worker (the caller's stays its own). */
export function movableCopy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(new ArrayBuffer(bytes.length));
  copy.set(bytes);
  return copy;
}
