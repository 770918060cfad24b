// Working copies without metadata, for images that leave the team: the pixels are kept byte for byte
// (no re-encoding), everything that can carry names, places, devices or dates is dropped. Allow-lists,
// not block-lists: a segment or chunk we do not know is removed.
//   JPEG: keep APP0 (JFIF), APP2 ICC_PROFILE, APP14 Adobe (colour transform) and the image segments;
//         drop APP1 (EXIF, XMP), other APPn (IPTC, MPF previews…), comments, and anything after EOI.
//   PNG:  keep the chunks needed to draw the image (IHDR PLTE IDAT IEND tRNS gAMA cHRM sRGB iCCP sBIT
//         pHYs bKGD, and APNG's acTL fcTL fdAT); drop text, eXIf, tIME and private chunks.
//   WebP: drop the EXIF and XMP chunks and clear their flags in VP8X.
// Note: dropping EXIF also drops the orientation tag, so a photo taken sideways may show rotated.
import { AmparoError } from '../../../shared/errors';

/** Images larger than this are refused (a working copy is made in memory). */
export const MAX_STRIP_BYTES = 256 * 1024 * 1024;

function invalid(what: string): AmparoError {
  return new AmparoError('VALIDATION_FAILED', `Cannot make a copy without metadata: ${what}`);
}

export function stripJpeg(input: Buffer): Buffer {
  if (input[0] !== 0xff || input[1] !== 0xd8) throw invalid('not a JPEG');
  const parts: Buffer[] = [input.subarray(0, 2)];
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
      return Buffer.concat(parts);
    }
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

export function stripPng(input: Buffer): Buffer {
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

export function stripWebp(input: Buffer): Buffer {
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
