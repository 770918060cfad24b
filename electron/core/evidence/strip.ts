// Working copies without metadata, for images that leave the team: the pixels are kept byte for byte
// (no re-encoding), everything that can carry names, places, devices or dates is dropped. Allow-lists,
// not block-lists: a segment or chunk we do not know is removed.
//   JPEG: keep APP0 (JFIF), APP2 ICC_PROFILE, APP14 Adobe (colour transform) and the image segments;
//         drop APP1 (EXIF, XMP), other APPn (IPTC, MPF previews…), comments, and anything after EOI.
//   PNG:  keep the chunks needed to draw the image (IHDR PLTE IDAT IEND tRNS gAMA cHRM sRGB iCCP sBIT
//         pHYs bKGD, and APNG's acTL fcTL fdAT); drop text, eXIf, tIME and private chunks.
//   WebP: drop the EXIF and XMP chunks and clear their flags in VP8X.
//         The one EXIF field kept is Orientation, rewritten alone into a fresh APP1, so a photo taken
//         sideways still shows upright (it says nothing about who, where or with what).
import { AmparoError } from '../../../shared/errors';

/** Images larger than this are refused (a working copy is made in memory). */
export const MAX_STRIP_BYTES = 256 * 1024 * 1024;

function invalid(what: string): AmparoError {
  return new AmparoError('VALIDATION_FAILED', `Cannot make a copy without metadata: ${what}`);
}

const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');
const ORIENTATION_TAG = 0x0112;

/** The Orientation (1–8) in an APP1 Exif payload's first IFD, or null. Reads only; trusts nothing. */
export function exifOrientation(payload: Buffer): number | null {
  if (!payload.subarray(0, 6).equals(EXIF_HEADER) || payload.length < 14) return null;
  const tiff = payload.subarray(6);
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const u16 = (at: number) => (order === 'II' ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (order === 'II' ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return null;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) === ORIENTATION_TAG && u16(entry + 2) === 3) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

/** An APP1 segment holding an EXIF block with the Orientation tag and nothing else. */
function orientationSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // IFD0 right after the header
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(ORIENTATION_TAG, 10);
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xffe1, 0);
  head.writeUInt16BE(2 + EXIF_HEADER.length + tiff.length, 2);
  return Buffer.concat([head, EXIF_HEADER, tiff]);
}

export function stripJpeg(input: Buffer): Buffer {
  if (input[0] !== 0xff || input[1] !== 0xd8) throw invalid('not a JPEG');
  const parts: Buffer[] = [input.subarray(0, 2)];
  let orientation: number | null = null;
  let at = 2;
  while (at + 4 <= input.length) {
    if (input[at] !== 0xff) throw invalid('damaged JPEG segment');
    const marker = input[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) break;
    const length = input.readUInt16BE(at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > input.length) throw invalid('truncated JPEG segment');
    const segment = input.subarray(at, end);
    const payload = input.subarray(at + 4, end);
    if (marker === 0xda) {
      // Start of scan: the compressed image follows up to EOI (0xFFD9, which cannot occur inside it).
      let eoi = input.indexOf(Buffer.from([0xff, 0xd9]), end);
      if (eoi < 0) eoi = input.length - 2;
      parts.push(input.subarray(at, eoi), Buffer.from([0xff, 0xd9]));
      if (orientation !== null && orientation !== 1) {
        // After SOI and, when there is one, the JFIF APP0 that must come first.
        const afterJfif = parts[1]?.[1] === 0xe0 ? 2 : 1;
        parts.splice(afterJfif, 0, orientationSegment(orientation));
      }
      return Buffer.concat(parts);
    }
    if (marker === 0xe1 && orientation === null) orientation = exifOrientation(payload);
    const keep =
      (marker >= 0xc0 && marker <= 0xcf) || // SOFn, DHT, DAC
      (marker >= 0xdb && marker <= 0xdf) || // DQT, DNL, DRI, DHP, EXP
      (marker === 0xe0 && payload.subarray(0, 5).toString('latin1') === 'JFIF\0') ||
      (marker === 0xe2 && payload.subarray(0, 12).toString('latin1') === 'ICC_PROFILE\0') ||
      (marker === 0xee && payload.subarray(0, 5).toString('latin1') === 'Adobe');
    if (keep) parts.push(segment);
    at = end;
  }
  throw invalid('no image data in the JPEG');
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_KEEP = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'iCCP',
  'sBIT',
  'pHYs',
  'bKGD',
  'acTL',
  'fcTL',
  'fdAT',
]);

function stripPng(input: Buffer): Buffer {
  if (!input.subarray(0, 8).equals(PNG_SIGNATURE)) throw invalid('not a PNG');
  const parts: Buffer[] = [PNG_SIGNATURE];
  let at = 8;
  while (at + 12 <= input.length) {
    const length = input.readUInt32BE(at);
    const type = input.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > input.length) throw invalid('truncated PNG chunk');
    if (PNG_KEEP.has(type)) parts.push(input.subarray(at, end));
    at = end;
    if (type === 'IEND') return Buffer.concat(parts);
  }
  throw invalid('the PNG has no end');
}

function stripWebp(input: Buffer): Buffer {
  if (input.toString('latin1', 0, 4) !== 'RIFF' || input.toString('latin1', 8, 12) !== 'WEBP')
    throw invalid('not a WebP');
  const parts: Buffer[] = [];
  let at = 12;
  while (at + 8 <= input.length) {
    const type = input.toString('latin1', at, at + 4);
    const length = input.readUInt32LE(at + 4);
    const end = at + 8 + length + (length % 2);
    if (at + 8 + length > input.length) throw invalid('truncated WebP chunk');
    if (type === 'VP8X') {
      const chunk = Buffer.from(input.subarray(at, Math.min(end, input.length)));
      chunk[8] = chunk[8]! & ~0x0c; // EXIF (0x08) and XMP (0x04) flags
      parts.push(chunk);
    } else if (type !== 'EXIF' && type !== 'XMP ') {
      parts.push(input.subarray(at, Math.min(end, input.length)));
    }
    at = end;
  }
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}

/** The image without its metadata; throws for other types. */
export function stripMetadata(input: Buffer, mediaType: string): Buffer {
  if (mediaType === 'image/jpeg') return stripJpeg(input);
  if (mediaType === 'image/png') return stripPng(input);
  if (mediaType === 'image/webp') return stripWebp(input);
  throw invalid(`${mediaType} is not supported (JPEG, PNG and WebP are)`);
}
